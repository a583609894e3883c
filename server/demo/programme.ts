/**
 * The demo's fixed-point programme: it started this many weeks before the demo's yesterday,
 * so the history holds plans, check-ins and conversations since then, and the evaluation's
 * before / after has an intervention date with as many weeks on each side.
 */
export const DEMO_PROGRAMME_WEEKS = 8;

/** The first local day (days since 1970-01-01) of the programme, from the history's last day. */
export const programmeStartDay = (endDay: number): number => endDay - DEMO_PROGRAMME_WEEKS * 7 + 1;
