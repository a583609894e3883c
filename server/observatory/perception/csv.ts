import { ANSWERS } from '../../../shared/conversations.js';
import type { PerceptionResult, Share } from '../../../shared/observatory-evaluation.js';
import { csvTable, ratio, type Cell } from '../response/csv-table.js';

const shareCells = (s: Share): Cell[] =>
  s.shown
    ? [s.x, s.n, ratio(s.share), ratio(s.low), ratio(s.high), false]
    : [s.x, s.n, null, null, null, true];

/**
 * One row per place × question × answer: the whole filter (level `all`), each area, each cell
 * (with its square's bounds), and the quadrant as rows of its own (question `quadrant`). A
 * share under the minimum of answers is left empty and marked withheld.
 */
export function perceptionCsv(r: PerceptionResult): { name: string; text: string } {
  const header = ['level', 'place', 'south', 'west', 'north', 'east', 'question', 'answer'];
  header.push('count', 'answers', 'share', 'low95', 'high95', 'withheld');
  header.push('incidents', 'per_1000_households', 'quadrant');
  const rows: Cell[][] = [];
  const none = [null, null, null];
  for (const q of r.questions) {
    for (const a of ANSWERS)
      rows.push([
        'all',
        'all',
        null,
        null,
        null,
        null,
        q.question,
        a,
        ...shareCells(q.total[a]),
        ...none,
      ]);
    for (const area of q.areas)
      for (const a of ANSWERS)
        rows.push([
          'area',
          area.areaId,
          null,
          null,
          null,
          null,
          q.question,
          a,
          ...shareCells(area.shares[a]),
          ...none,
        ]);
    for (const c of q.cells)
      for (const a of ANSWERS)
        rows.push([
          'cell',
          c.id,
          c.bounds[0][0],
          c.bounds[0][1],
          c.bounds[1][0],
          c.bounds[1][1],
          q.question,
          a,
          ...shareCells(c.shares[a]),
          ...none,
        ]);
  }
  for (const q of r.quadrant)
    rows.push([
      'area',
      q.areaId,
      null,
      null,
      null,
      null,
      'quadrant',
      'no',
      ...shareCells(q.unsafe),
      q.incidents,
      q.rate,
      q.kind,
    ]);
  return {
    name: `sac-perception-${r.meta.from}-${r.meta.to}.csv`,
    text: csvTable(header, rows, r.meta),
  };
}
