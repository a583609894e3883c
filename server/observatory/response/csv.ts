import {
  LATER_STAGES,
  type ResponseOutcome,
  type ResponseResult,
  type ResponseSummary,
} from '../../../shared/observatory-evaluation.js';
import { csvTable, minutes, ratio, type Cell } from './csv-table.js';

const OUTCOMES: readonly ResponseOutcome[] = ['resolved', 'false_alarm', 'cancelled', 'open'];

/**
 * One row per group × outcome (the whole filter first, as group `all`): alerts, then per stage
 * the alerts that reached it and the median and 90th percentile in minutes, from received and
 * from the stage before; then received → on scene against the target.
 */
export function responseCsv(r: ResponseResult): { name: string; text: string } {
  const header = ['grouping', 'group', 'outcome', 'alerts', 'reopened', 'adjusted'];
  for (const stage of LATER_STAGES) {
    header.push(`${stage}_n`, `${stage}_median_min`, `${stage}_p90_min`);
    header.push(`${stage}_step_median_min`, `${stage}_step_p90_min`);
  }
  header.push('target_min', 'on_scene_n', 'within_target', 'share_within', 'low95', 'high95');
  header.push('closed_without_on_scene');
  const rows: Cell[][] = [];
  const add = (group: string, summary: ResponseSummary) => {
    for (const outcome of OUTCOMES) {
      const o = summary[outcome];
      const row: Cell[] = [r.by, group, outcome, o.alerts, o.reopened, o.adjusted];
      for (const stage of LATER_STAGES) {
        const f = o.fromReceived[stage];
        const i = o.intervals[stage];
        row.push(f.n, minutes(f.median), minutes(f.p90), minutes(i.median), minutes(i.p90));
      }
      const t = o.target;
      row.push(r.targetMinutes, t.reached, t.within, ratio(t.share));
      row.push(ratio(t.interval?.low), ratio(t.interval?.high), t.notOnScene);
      rows.push(row);
    }
  };
  add('all', r.total);
  for (const g of r.groups) add(g.key, g.summary);
  return {
    name: `sac-response-by-${r.by}-${r.meta.from}-${r.meta.to}.csv`,
    text: csvTable(header, rows, r.meta),
  };
}
