import type { obsPatrolEs } from './obs-patrol.es.js';

export const obsPatrolEn: Record<keyof typeof obsPatrolEs, string> = {
  'obs.section.patrol': 'Patrol',
  'obs.method.dosage_checkins':
    'Planned versus completed visits (check-ins and check-outs) and dwell times.',
  'obs.method.residual_deterrence':
    'Incidents within {radius} m of a fixed point per hour of exposure, in the 30 minutes after each visit against all other times.',
  'obs.patrol.question': 'Were the fixed points visited as planned, and for how long?',
  'obs.patrol.done.title': 'Planned and completed visits',
  'obs.patrol.done.sentence':
    '{done} of {planned} planned visits were made ({share}). There were {unplanned} stops at fixed points outside the plan’s visits.',
  'obs.patrol.done.none': 'No plans on record in this period.',
  'obs.patrol.done.caption':
    'A visit counts as made when the unit checked in at the point between 20 minutes before and 20 minutes after the planned time.',
  'obs.patrol.by_unit': 'By unit',
  'obs.patrol.by_shift': 'By shift',
  'obs.patrol.unit': 'Unit',
  'obs.patrol.shift': 'Shift',
  'obs.patrol.planned': 'Planned',
  'obs.patrol.done': 'Made',
  'obs.patrol.share': 'Share',
  'obs.patrol.shift.morning': 'Morning (6 to 14)',
  'obs.patrol.shift.afternoon': 'Afternoon (14 to 22)',
  'obs.patrol.shift.night': 'Night (22 to 6)',
  'obs.patrol.dwell.title': 'Time spent at the point',
  'obs.patrol.dwell.sentence':
    'Of {stays} stops with a check-out, {share} lasted between {min} and {max} minutes, the band hot-spot research recommends (95 % interval: {low} to {high}). Median: {median} minutes; the plan asks for {planned}.',
  'obs.patrol.dwell.unclosed':
    '{count} stops without a check-out are left out: their length is unknown.',
  'obs.patrol.dwell.chart':
    'Histogram of stop lengths in minutes, in 2-minute bins; the {min} to {max} minute band is shaded and the plan’s {planned} minutes marked.',
  'obs.patrol.dwell.band': 'Recommended band ({min}–{max} min)',
  'obs.patrol.dwell.plan': 'Plan: {planned} min',
  'obs.patrol.dwell.bin': 'Minutes',
  'obs.patrol.dwell.count': 'Stops',
  'obs.patrol.dwell.more': '{from} or more',
  'obs.patrol.dwell.table': 'Show the histogram’s values',
  'obs.patrol.residual.title': 'Incidents near the point after a visit',
  'obs.patrol.residual.sentence':
    'At {points} fixed points with {stays} visits: incidents within {radius} m, per 1,000 hours, in each 5-minute bin after the unit left, compared with all other times.',
  'obs.patrol.residual.caveat':
    'How to read it: units are sent to the points in their busiest hours, so the bins after a visit fall in hot hours and "other times" do not. A lower rate after visits is evidence of a lasting effect only if it rises back, bin by bin, towards the other times’ rate. With few incidents the intervals are wide.',
  'obs.patrol.residual.table': 'Rates by bin after the visit',
  'obs.patrol.residual.when': 'When',
  'obs.patrol.residual.during': 'During the visit',
  'obs.patrol.residual.bin': '{from}–{to} min after',
  'obs.patrol.residual.other': 'Other times',
  'obs.patrol.residual.incidents': 'Incidents',
  'obs.patrol.residual.hours': 'Hours',
  'obs.patrol.residual.rate': 'Per 1,000 h',
  'obs.patrol.residual.ratio': 'Ratio to other times (95 % CI)',
  'obs.patrol.csv': 'visits and dwell times',
};
