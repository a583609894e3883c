/**
 * Where a V8 CPU profile spent its time: `node --import tsx bench/profile-summary.ts
 * <file.cpuprofile> [--top 30] [--from s] [--to s] [--long ms]`. Profiles come from
 * `npm run bench -- --cpu-prof` (our server). Self time is the function's own code; total
 * includes what it called (recursion counted once). `--long` lists stretches where the main
 * thread never went idle for that long: what a client feels as a stall.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '30' },
    from: { type: 'string', default: '0' },
    to: { type: 'string', default: '1e9' },
    long: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) {
  console.error(
    'usage: profile-summary <file.cpuprofile> [--top n] [--from s] [--to s] [--long ms]',
  );
  process.exit(1);
}
const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode): string => {
  const f = n.callFrame;
  const where = f.url
    ? `${path.basename(f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}`
    : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
const stack = (id: number): string[] => {
  const out: string[] = [];
  for (let x: number | undefined = id; x !== undefined; x = parent.get(x))
    out.push(label(byId.get(x)!));
  return [...new Set(out)];
};

// Sample times, relative to the start of the profile, in µs.
const times: number[] = [];
let t = 0;
for (const d of p.timeDeltas) times.push((t += d));
const from = Number(values.from) * 1e6;
const to = Number(values.to) * 1e6;
const inWindow = p.samples
  .map((id, i) => ({ id, at: times[i]!, dt: p.timeDeltas[i + 1] ?? 0 }))
  .filter((s) => s.at >= from && s.at <= to);

const self = new Map<string, number>();
const total = new Map<string, number>();
let windowUs = 0;
for (const s of inWindow) {
  windowUs += s.dt;
  const st = stack(s.id);
  self.set(st[0]!, (self.get(st[0]!) ?? 0) + s.dt);
  for (const l of st) total.set(l, (total.get(l) ?? 0) + s.dt);
}
const top = Number(values.top);
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [l, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / windowUs).toFixed(1).padStart(5)} %  ${l}`,
    );
};
console.log(
  `${file}: window ${(windowUs / 1e6).toFixed(1)} s of ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s`,
);
if (top > 0) {
  print('self time', self);
  print('total time', total);
}

if (values.long) {
  const threshold = Number(values.long) * 1000;
  const tasks: { at: number; us: number; ids: number[] }[] = [];
  let run: { at: number; ids: number[] } | null = null;
  for (const s of inWindow) {
    const idle = byId.get(s.id)!.callFrame.functionName === '(idle)';
    if (!idle) {
      run ??= { at: s.at, ids: [] };
      run.ids.push(s.id);
    } else if (run) {
      if (s.at - run.at >= threshold) tasks.push({ at: run.at, us: s.at - run.at, ids: run.ids });
      run = null;
    }
  }
  console.log(`\nbusy stretches >= ${values.long} ms: ${tasks.length}`);
  const noise =
    /^\((root|program)\)|^processTicksAndRejections|^runMicrotasks|^emit |^processTimers|^listOnTimeout/;
  for (const task of tasks.slice(0, 80)) {
    const inclusive = new Map<string, number>();
    for (const id of task.ids)
      for (const l of stack(id)) inclusive.set(l, (inclusive.get(l) ?? 0) + 1);
    const heads = [...inclusive]
      .filter(([l]) => !noise.test(l))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([l, n]) => `${l} ${Math.round((100 * n) / task.ids.length)}%`);
    console.log(
      `  at ${(task.at / 1e6).toFixed(2)} s: ${(task.us / 1000).toFixed(0)} ms  ${heads.join(' | ')}`,
    );
  }
}
