import { alertType } from '../../shared/catalogue.js';
import type { AlertResults, AlertTiming } from './probe-types.js';
import {
  percentile,
  round,
  slices,
  spread,
  summarize,
  type Spread,
  type Summary,
} from './stats.js';

export interface AlertFigures {
  alerts: number;
  opsMissing: number;
  receiptMissing: number;
  areaMissing: number;
  sirenMissing: number;
  pushMissing: number;
  byPhase: Record<'all' | 'steady' | 'burst', Record<Observed, Summary>>;
  /** p99 per window (ALERT_WINDOWS of the steady stream, as many of the burst): median, spread */
  rounds: Record<Observed, Spread>;
}

type Observed = 'ops' | 'receipt' | 'area' | 'siren' | 'pushAll';

/**
 * The alerts phase is one run of each stream, cut into rounds: the steady stream in this many
 * consecutive windows, the burst in as many. A figure is the median of the windows' p99s, so
 * one stall (a GC pause, a stolen core) moves one window, not the figure; the spread shows it.
 */
export const ALERT_WINDOWS = 5;

/**
 * Latency lists per observation. Anything that never arrived counts as the settle timeout (a
 * lower bound), so a lost alert shows as a bad p99, never as a good one.
 */
export function alertFigures(r: AlertResults, settleMs: number): AlertFigures {
  const pick = (list: AlertTiming[]) => {
    const ops = list.map((a) => a.ops ?? settleMs);
    const receipt = list.map((a) => a.receipt ?? settleMs);
    const area = list.filter((a) => !alertType(a.type).silent).map((a) => a.area ?? settleMs);
    const siren = list.flatMap((a) => [
      ...a.sirens,
      ...Array<number>(Math.max(0, a.sirenExpected - a.sirens.length)).fill(settleMs),
    ]);
    const pushAll = list.filter((a) => a.pushExpected > 0).map((a) => a.pushAll ?? settleMs);
    return {
      ops: summarize(ops),
      receipt: summarize(receipt),
      area: summarize(area),
      siren: summarize(siren),
      pushAll: summarize(pushAll),
    };
  };
  const all = r.alerts;
  const windows = (['steady', 'burst'] as const).flatMap((phase) =>
    slices(
      all.filter((a) => a.phase === phase),
      ALERT_WINDOWS,
    ).map(pick),
  );
  const rounds = (k: Observed) => spread(windows.map((w) => w[k].p99));
  return {
    alerts: all.length,
    opsMissing: all.filter((a) => a.ops === null).length,
    receiptMissing: all.filter((a) => a.receipt === null).length,
    areaMissing: all.filter((a) => !alertType(a.type).silent && a.area === null).length,
    sirenMissing: all.reduce((s, a) => s + Math.max(0, a.sirenExpected - a.sirens.length), 0),
    pushMissing: all.filter((a) => a.pushExpected > 0 && a.pushAll === null).length,
    byPhase: {
      all: pick(all),
      steady: pick(all.filter((a) => a.phase === 'steady')),
      burst: pick(all.filter((a) => a.phase === 'burst')),
    },
    rounds: {
      ops: rounds('ops'),
      receipt: rounds('receipt'),
      area: rounds('area'),
      siren: rounds('siren'),
      pushAll: rounds('pushAll'),
    },
  };
}

export const ratio = (ours: number | null, ref: number | null): number | null =>
  ours === null || ref === null || ref === 0 ? null : round(ours / ref, 2);

export const p99 = (xs: number[]): number | null => round(percentile(xs, 99));
