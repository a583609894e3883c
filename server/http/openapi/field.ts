import { z } from 'zod';
import { iso, planBody } from '../../units/routes.js';
import { subscription, unsubscription } from '../../push/routes.js';
import { STAFF } from '../context.js';
import type { RouteDoc } from './types.js';
import { ID, okAnswer } from './common.js';

const UNIT_ROLES = ['officer', 'operator', 'admin'] as const;

const sirenCommands = (['test', 'silence'] as const).map((cmd): RouteDoc => ({
  method: 'post',
  path: `/api/sirens/{id}/${cmd}`,
  summary: cmd === 'test' ? 'Sound a siren for a test' : 'Silence a siren',
  description: "Queued for the siren's central unit; audited.",
  access: STAFF,
  params: ID,
  ok: { status: 202, media: 'json', description: '`{ok, siren, command}`.' },
  errors: [404],
}));

/** Units, sirens, push, the sync fallback and request photos. */
export const fieldRoutes: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/api/sync/{room}',
    summary: 'Send a pending Yjs update when the socket cannot (the offline fallback)',
    description:
      "The same room authorization and write policy as the socket. Answers the room's whole " +
      'state once the update is durable.',
    access: 'signed-in',
    params: { room: 'a room name (`ops`, `area:<id>`, `unit:<id>`, `user:<id>`)' },
    body: { media: 'octet', description: 'A Yjs update, at most 256 KiB.' },
    ok: { status: 200, media: 'octet', description: "The room's state as a Yjs update." },
  },
  {
    method: 'get',
    path: '/api/push/key',
    summary: 'The VAPID public key for Web Push',
    access: 'signed-in',
    ok: { status: 200, media: 'json', description: '`{publicKey}`.' },
  },
  {
    method: 'post',
    path: '/api/push/subscriptions',
    summary: 'Subscribe this browser to Web Push',
    description: "Only known push services' endpoints are taken.",
    access: 'signed-in',
    body: { media: 'json', schema: subscription },
    ok: { status: 201, media: 'json', description: 'Subscribed.', schema: okAnswer },
  },
  {
    method: 'delete',
    path: '/api/push/subscriptions',
    summary: "Remove a browser's subscription",
    access: 'signed-in',
    body: { media: 'json', schema: unsubscription },
    ok: { status: 200, media: 'json', description: '`{ok, removed}`.' },
  },
  ...sirenCommands,
  {
    method: 'get',
    path: '/api/units',
    summary: 'The units the caller may read (an officer: their own)',
    access: UNIT_ROLES,
    ok: { status: 200, media: 'json', description: '`{units}`.' },
  },
  {
    method: 'get',
    path: '/api/units/{id}/plan',
    summary: "A unit's patrol plans",
    access: UNIT_ROLES,
    params: ID,
    ok: { status: 200, media: 'json', description: '`{plans}`.' },
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/units/{id}/plan/{key}',
    summary: "Edit a unit's patrol plan for one shift",
    access: STAFF,
    params: { ...ID, key: 'the shift, as the plans list names it' },
    body: { media: 'json', schema: planBody },
    ok: { status: 200, media: 'json', description: '`{plan}` as stored (audited).' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/units/{id}/activity',
    summary: 'What a unit logged since a time: check-ins, conversations, requests, stays',
    access: STAFF,
    params: ID,
    query: z.object({ since: iso.optional() }),
    queryNotes: { since: 'default: the start of the running shift' },
    ok: {
      status: 200,
      media: 'json',
      description: '`{checkins, conversations, requests, stays}`.',
    },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/units/hotspots/ranked',
    summary: "The ranked hot-spot cells of a shift (a unit's quadrant only, given `unit`)",
    access: STAFF,
    query: z.object({ at: iso.optional(), unit: z.string().optional() }),
    queryNotes: { at: 'a time in the shift; default: now', unit: 'a unit id' },
    ok: { status: 200, media: 'json', description: '`{shift, cells}`.' },
    errors: [404],
  },
  {
    method: 'put',
    path: '/api/requests/{id}/photo',
    summary: "Send a neighbour request's photo (its reporter, once)",
    description: 'At most 2 MB and 4096 px a side; metadata is stripped.',
    access: 'signed-in',
    params: ID,
    body: { media: 'image', description: 'A JPEG, PNG or WebP photo.' },
    ok: { status: 201, media: 'json', description: '`{photo: RequestPhotoView}`.' },
    errors: [404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/requests/{id}/photo',
    summary: "A request's photo, to those who may see it",
    description:
      'Its reporter, staff, the filing unit; once published, also officers and residents of ' +
      "the request's area. Anyone else gets 404. `ETag` and `If-None-Match` (304).",
    access: 'signed-in',
    params: ID,
    ok: { status: 200, media: 'image', description: 'The photo; `Cache-Control: private`.' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/requests/{id}/photo/publish',
    summary: "Publish a request's photo to its area (audited)",
    access: STAFF,
    params: ID,
    ok: { status: 200, media: 'json', description: '`{photo: RequestPhotoView}`.' },
    errors: [404],
  },
];
