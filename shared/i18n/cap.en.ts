import type { capEs } from './cap.es.js';

/** English for cap.es.ts (the en-US `info` block). */
export const capEn: Record<keyof typeof capEs, string> = {
  'cap.feed.title': 'Verified alerts in {city} (CAP 1.2)',
  'cap.sender_name': '{city} Monitoring Centre (SAC)',
  'cap.demo_note': 'SAC demo: made-up data, not a real alert.',
  'cap.headline.acknowledged': '{type} in {area}: report verified',
  'cap.headline.dispatched': '{type} in {area}: unit on its way',
  'cap.headline.on_scene': '{type} in {area}: unit on scene',
  'cap.headline.resolved': '{type} in {area}: resolved',
  'cap.headline.false_alarm': '{type} in {area}: false alarm',
  'cap.headline.cancelled': '{type} in {area}: cancelled',
  'cap.description.acknowledged':
    '{type} in {area} ({city}): the monitoring centre verified the report at {time}. The response is under way.',
  'cap.description.dispatched':
    '{type} in {area} ({city}): at {time} the monitoring centre sent a unit.',
  'cap.description.on_scene': '{type} in {area} ({city}): at {time} the unit reached the scene.',
  'cap.description.resolved':
    '{type} in {area} ({city}): at {time} the monitoring centre resolved the report. No action is needed.',
  'cap.description.false_alarm':
    '{type} in {area} ({city}): at {time} the monitoring centre found it was a false alarm. Earlier messages no longer apply.',
  'cap.description.cancelled':
    '{type} in {area} ({city}): the report was cancelled at {time}. Earlier messages no longer apply.',
  'cap.instruction.general': 'Stay alert in the area. If you see something, call {phone}.',
  'cap.instruction.medical': 'Keep the way clear for the ambulance and the unit.',
  'cap.instruction.bicycle_theft': 'If you see something, call {phone}.',
  'cap.instruction.fire': 'Keep away from the area and the way clear for the firefighters.',
};
