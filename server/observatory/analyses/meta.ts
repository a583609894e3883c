import type { FigureMeta, MethodKey } from '../../../shared/observatory.js';
import type { Incident, ObservatoryInput } from '../input.js';

/** The meta every figure carries; staff views suppress nothing (privacy.ts does it later). */
export function figureMeta(
  input: ObservatoryInput,
  method: MethodKey,
  counted: readonly Incident[],
): FigureMeta {
  return {
    sources: [...new Set(counted.map((i) => i.source))].sort(),
    from: input.filter.from,
    to: input.filter.to,
    n: counted.length,
    method,
    computedAt: input.now,
    suppressedBelow: 0,
  };
}

/** The incidents inside the filter's period (and area, when `byArea`). */
export function inPeriod(input: ObservatoryInput, byArea: boolean): Incident[] {
  const area = input.filter.areaId;
  return input.incidents.filter(
    (i) =>
      i.day >= input.fromDay && i.day <= input.toDay && (!byArea || !area || i.areaId === area),
  );
}
