import type { requestsEs } from './requests.es.js';

export const requestsEn: Record<keyof typeof requestsEs, string> = {
  'requests.photo': 'Photo (optional)',
  'requests.photo_hint':
    'A photo helps the crew find the problem. It is made smaller on the phone and the location the camera stores is removed. You and the municipality see it; your neighbours only if the municipality publishes it.',
  'requests.photo_take': 'Take a photo',
  'requests.photo_pick': 'Choose from gallery',
  'requests.photo_remove': 'Remove photo',
  'requests.photo_preparing': 'Preparing the photo…',
  'requests.photo_ready': 'Photo ready ({kb} KB).',
  'requests.photo_failed': 'That photo could not be read. Try another one or take it again.',
  'requests.photo_alt': 'Photo of the request',
  'requests.photo_waiting': 'Photo saved on this phone: it is sent when there is signal.',
  'requests.photo_sent': 'Photo sent: you and the municipality see it.',
  'requests.photo_published': 'Photo published by the municipality: your neighbours can see it.',
  'requests.photo_refused': 'The municipality did not accept the photo: {reason}',
  'requests.photo_refused.too_large': 'it is too large.',
  'requests.photo_refused.other': 'it is not an image that can be shown.',
  'ops.requests.history': 'Conversation and history',
  'ops.requests.history_none': 'No replies or changes yet.',
  'ops.requests.h.filed': 'filed the request',
  'ops.requests.h.status': 'moved it to {status}',
  'ops.requests.h.reply': 'replied',
  'ops.requests.h.withdrawn': 'withdrew it',
  'ops.requests.h.photo': 'attached a photo',
  'ops.requests.h.photo_published': 'published the photo',
  'ops.requests.photo': 'Photo',
  'ops.requests.photo_alt': 'Photo sent by {name}',
  'ops.requests.photo_private':
    'Not published: only the person who filed it and the monitoring centre see it.',
  'ops.requests.photo_publish': 'Publish photo',
  'ops.requests.photo_publish_hint':
    'Before publishing, check that it shows no faces, number plates or the inside of a home. Who published it is recorded.',
  'ops.requests.photo_published':
    'Published on {at}: neighbours of the area and patrol units see it.',
  'ops.requests.photo_publish_failed': 'The photo could not be published. Please try again.',
  'ops.requests.photo_full': 'See the photo at full size',
  'ops.requests.reply_sent': 'Reply sent.',
};
