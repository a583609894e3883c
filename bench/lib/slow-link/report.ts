import type { Spread } from './figures.js';
import type { ProfileResult, SlowLinkResult } from './phase.js';

type Verdict = 'PASS' | 'FAIL' | 'n/a';

/** One row of the slow-link table: a figure per profile against a target that may depend on the link. */
interface Row {
  label: string;
  pick: (p: ProfileResult) => Spread;
  target: (p: ProfileResult) => number;
  targetText: string;
  unit: 'ms' | 's' | 'KB';
}

const ROWS: Row[] = [
  {
    label: "alert press → operator's row drawn",
    pick: (p) => p.alertToOpsMs,
    target: (p) => p.shape.rttMs / 2 + 50,
    targetText: '≤ one-way + 50 ms',
    unit: 'ms',
  },
  {
    label: 'alert → "delivered" on the phone',
    pick: (p) => p.alertToDeliveredMs,
    target: (p) => p.shape.rttMs + 50,
    targetText: '≤ RTT + 50 ms',
    unit: 'ms',
  },
  {
    label: 'first visit: bytes before it works offline',
    pick: (p) => p.firstVisitBytes,
    target: () => 300 * 1024,
    targetText: '≤ 300 KB',
    unit: 'KB',
  },
  {
    label: 'first visit: login screen usable',
    pick: (p) => p.loginMs,
    target: (p) => p.targets.loginMs,
    targetText: '≤ 2 / 4 / 15 s',
    unit: 's',
  },
  {
    label: 'first visit: service worker in control',
    pick: (p) => p.swReadyMs,
    target: (p) => p.targets.swReadyMs,
    targetText: '≤ 5 / 12 / 45 s',
    unit: 's',
  },
  {
    label: 'repeat visit (worker in control) → alert buttons',
    pick: (p) => p.repeatVisitMs,
    target: () => 800,
    targetText: '≤ 0.8 s',
    unit: 's',
  },
];

const show = (v: number, unit: Row['unit']): string =>
  unit === 'KB'
    ? `${Math.round(v / 1024)}`
    : unit === 's'
      ? `${(v / 1000).toFixed(v < 10_000 ? 2 : 1)}`
      : `${Math.round(v)}`;

/** "205 (190–230) ms PASS": the median, the spread, the verdict on the median. */
export function cell(s: Spread, target: number, unit: Row['unit']): [string, Verdict] {
  if (s.median === null) return ['n/a', 'n/a'];
  const range = s.n > 1 ? ` (${show(s.min!, unit)}–${show(s.max!, unit)})` : '';
  const capped = s.capped ? `, ${s.capped} at cap` : '';
  const verdict: Verdict = s.median <= target ? 'PASS' : 'FAIL';
  return [`${show(s.median, unit)}${range} ${unit}${capped} ${verdict}`, verdict];
}

function grid(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)];
}

/** The slow-link phase as the table: one column per link, the target, a verdict per cell. */
export function slowLinkLines(r: SlowLinkResult | string | undefined): string[] {
  if (r === undefined) return [];
  if (typeof r === 'string') return ['', `slow link: skipped (${r})`];
  const out = [
    '',
    `slow link: median of ${r.rounds} alerts / repeat visits and ${r.visits} first visits per link, (min–max); ${r.durationS} s, load ${r.loadAvg1m.start} → ${r.loadAvg1m.end}`,
  ];
  if (r.profiles.length) {
    const head = [
      'measured',
      ...r.profiles.map(
        (p) =>
          `${p.profile}: ${p.shape.rttMs} ms RTT, ${p.shape.rateBps / 1000} kbit/s, ${p.shape.loss * 100} % loss`,
      ),
      'target',
    ];
    const rows = ROWS.map((row) => [
      row.label,
      ...r.profiles.map((p) => cell(row.pick(p), row.target(p), row.unit)[0]),
      row.targetText,
    ]);
    out.push(...grid([head, ...rows]));
    for (const p of r.profiles)
      if (!p.repeatControlled)
        out.push(
          `${p.profile}: the worker never took control, so its repeat visits came from the network`,
        );
  }
  const f = r.flapping;
  if (f) {
    const ok = f.exactlyOnce === f.alerts && f.missing === 0;
    const p99 = f.afterReturn.p99;
    out.push(
      `flapping (${f.profile} link, down ${f.schedule.downMs / 1000} s every ${f.schedule.periodMs / 1000} s): ${f.exactlyOnce}/${f.alerts} alerts arrived exactly once (${f.pressedDown} pressed during an outage, ${f.missing} missing after ${f.settleCapMs / 1000} s) ${ok ? 'PASS' : 'FAIL'}`,
      `  link back → operator's row: p50 ${f.afterReturn.p50} ms, p99 ${p99} ms, max ${f.afterReturn.max} ms (target p99 ≤ 2000 ms) ${p99 !== null && p99 <= 2000 && f.missing === 0 ? 'PASS' : 'FAIL'}`,
      `  each alert, ms after the link was up: ${f.delays.map((d) => d ?? 'never').join(', ')}`,
      `  reload during the flapping → alert buttons: ${cell(f.reloadMs, 800, 's')[0]} (target as offline, ≤ 0.8 s)`,
    );
  }
  return out;
}
