import type { DataSource, ObservatoryFilter } from '../../shared/observatory.js';
import type { EvaluationMeta, EvaluationMethodKey } from '../../shared/observatory-evaluation.js';

/** The line under every evaluation figure: source, period, n and method. Staff figures hide nothing. */
export function evaluationMeta(m: {
  sources: DataSource[];
  filter: Pick<ObservatoryFilter, 'from' | 'to'>;
  n: number;
  method: EvaluationMethodKey;
  now: Date;
  suppressedBelow?: number;
}): EvaluationMeta {
  return {
    sources: m.sources,
    from: m.filter.from,
    to: m.filter.to,
    n: m.n,
    method: m.method,
    computedAt: m.now.toISOString(),
    suppressedBelow: m.suppressedBelow ?? 0,
  };
}
