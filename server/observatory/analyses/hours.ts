import type { HourWeekResult, HourWeekTable } from '../../../shared/observatory.js';
import type { Incident, ObservatoryInput } from '../input.js';
import { dayToIso } from './days.js';
import { figureMeta, inPeriod } from './meta.js';

const empty = (): number[][] => Array.from({ length: 7 }, () => new Array<number>(24).fill(0));

function table(incidents: readonly Incident[]): HourWeekTable {
  const counts = empty();
  for (const i of incidents) counts[i.weekday]![i.hour]! += 1;
  return counts;
}

/**
 * Hour × weekday: the incidents of the period and area per local weekday (0 = Monday) and local
 * hour, the same table for the period of the same length just before (e.g. 1–28 February for
 * 1–28 March, a year's period against the year before), and the coverage gap: how many of the
 * period's incidents fell in an hour the fixed-point programme plans no visit, and their share
 * of all (0 when there are none). The previous period says whether the records reach back to
 * its first day (`complete`). Hours are the incident's local clock hour, so the night of a
 * daylight-saving change counts where the clock put it.
 */
export function analyseHours(input: ObservatoryInput): HourWeekResult {
  const counted = inPeriod(input, true);
  const length = input.toDay - input.fromDay + 1;
  const previousFrom = input.fromDay - length;
  const previousTo = input.fromDay - 1;
  const area = input.filter.areaId;
  const previous = input.incidents.filter(
    (i) => i.day >= previousFrom && i.day <= previousTo && (!area || i.areaId === area),
  );
  const uncovered = counted.filter((i) => !input.programme[i.weekday]?.[i.hour]).length;
  return {
    meta: figureMeta(input, 'hour_week_counts', counted),
    counts: table(counted),
    previous: {
      from: dayToIso(previousFrom),
      to: dayToIso(previousTo),
      n: previous.length,
      counts: table(previous),
      complete: previousFrom >= input.dataFromDay,
    },
    coverage: {
      planned: input.programme,
      uncovered,
      share: counted.length === 0 ? 0 : uncovered / counted.length,
    },
  };
}
