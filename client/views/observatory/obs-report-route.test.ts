import { describe, expect, it } from 'vitest';
import { reportHash, reportRoute } from './obs-report-route.js';

describe('report addresses', () => {
  it('reads a month, and a week by any of its days as its Monday', () => {
    expect(reportRoute('#/observatorio/informe/2026-11')).toEqual({
      kind: 'month',
      month: '2026-11',
      areaId: null,
    });
    expect(reportRoute('#/observatorio/semana/2026-12-03')).toEqual({
      kind: 'week',
      week: '2026-11-30',
      areaId: null,
    });
    expect(reportRoute('#/observatorio/informe/2026-11?zona=area-12')).toMatchObject({
      areaId: 'area-12',
    });
  });

  it('refuses what is not a report', () => {
    for (const bad of [
      '#/',
      '#/observatorio',
      '#/observatorio/informe/2026-13',
      '#/observatorio/semana/x',
    ])
      expect(reportRoute(bad)).toBeNull();
  });

  it('writes the address it reads', () => {
    for (const r of [
      { kind: 'month', month: '2026-11', areaId: 'area-3' },
      { kind: 'week', week: '2026-11-30', areaId: null },
    ] as const)
      expect(reportRoute(reportHash(r))).toEqual(r);
  });
});
