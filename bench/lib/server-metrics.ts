import { randomBytes } from 'node:crypto';

/** /metrics answers only its scraper's token; the bench is that scraper. */
export const METRICS_TOKEN = randomBytes(24).toString('base64url');

export async function metricsText(http: string): Promise<string> {
  const headers = { authorization: `Bearer ${METRICS_TOKEN}` };
  return (await fetch(`${http}/metrics`, { headers })).text();
}

export const metricsOf = async (http: string) => unlabelled(await metricsText(http));

export function unlabelled(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+) ([\d.e+-]+)$/.exec(line);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}

/** One histogram of the server's /metrics, in ms: what a Grafana panel would show. */
export interface HistogramFigures {
  count: number;
  /** estimated from the buckets as Prometheus' histogram_quantile does; null when empty */
  p50Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
}

/** The server's own histograms the bench prints after its alerts. */
export const SERVER_HISTOGRAMS = [
  'sac_alert_to_operators_seconds',
  'sac_alert_to_siren_seconds',
  'sac_alert_to_siren_ack_seconds',
  'sac_alert_to_push_seconds',
  'sac_commit_seconds',
  'sac_event_loop_delay_seconds',
] as const;

/** Reads each unlabelled histogram of a Prometheus text exposition (`le` its only label). */
export function histogramsOf(text: string): Record<string, HistogramFigures> {
  const buckets = new Map<string, [number, number][]>();
  const totals = new Map<string, { sum?: number; count?: number }>();
  for (const line of text.split('\n')) {
    const b = /^(\w+)_bucket\{le="([^"]+)"\} (\S+)$/.exec(line);
    if (b) {
      const list = buckets.get(b[1]!) ?? [];
      list.push([b[2] === '+Inf' ? Infinity : Number(b[2]), Number(b[3])]);
      buckets.set(b[1]!, list);
      continue;
    }
    const t = /^(\w+)_(sum|count) (\S+)$/.exec(line);
    if (t) totals.set(t[1]!, { ...totals.get(t[1]!), [t[2]!]: Number(t[3]) });
  }
  const out: Record<string, HistogramFigures> = {};
  for (const [name, list] of buckets) {
    const { sum = 0, count = 0 } = totals.get(name) ?? {};
    out[name] = {
      count,
      p50Ms: ms(quantile(0.5, list)),
      p99Ms: ms(quantile(0.99, list)),
      meanMs: count ? ms(sum / count) : null,
    };
  }
  return out;
}

/**
 * Linear interpolation inside the bucket that holds the q-th observation (the first bucket
 * from 0); in `+Inf` the highest finite bound, as histogram_quantile answers.
 */
export function quantile(q: number, cumulative: [number, number][]): number | null {
  const total = cumulative.at(-1)?.[1] ?? 0;
  if (!total) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [bound, n] of cumulative) {
    if (n >= rank) {
      if (bound === Infinity) return lower;
      return lower + (bound - lower) * ((rank - below) / Math.max(1, n - below));
    }
    lower = bound;
    below = n;
  }
  return lower;
}

const ms = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 1e5) / 100);

/** One line per histogram: `name: n=…, p50 … ms, p99 … ms, mean … ms`. */
export function histogramLines(h: Record<string, HistogramFigures>): string[] {
  return SERVER_HISTOGRAMS.map((name) => {
    const f = h[name];
    if (!f) return `${name}: not in /metrics`;
    return `${name}: n=${f.count}, p50 ${f.p50Ms ?? '–'} ms, p99 ${f.p99Ms ?? '–'} ms, mean ${f.meanMs ?? '–'} ms`;
  });
}
