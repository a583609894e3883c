import { describe, expect, it } from 'vitest';
import { demoAreas, demoUnits } from '../../shared/demo-city.js';
import { shiftWindow } from '../../shared/plan.js';
import type { AlertStatus, AlertTypeCode } from '../../shared/types.js';
import type { IncidentRow } from '../storage/patrol.js';
import { generatePlans } from '../plans/generator.js';
import { cellCentre, gridFor } from './grid.js';
import { VERIFIED_STATUSES, hotspotsFor, isPatrolEvidence } from './index.js';

/**
 * What may steer a patrol (evidence.ts): a silent alert, a false alarm, a cancelled or a still
 * unverified alert at a cell changes neither the ranking nor any unit's plan.
 */
const areas = demoAreas();
const units = demoUnits();
const grid = gridFor(areas);
const shift = shiftWindow('2025-03-07', 'night'); // Friday 22:00 → Saturday 06:00
/** Saturday 04:00 in Mendoza, a week earlier: inside the window and the shift's hours. */
const inHours = '2025-03-01T07:00:00.000Z';

function incident(row: number, col: number, type: AlertTypeCode, status: AlertStatus, i = 0) {
  const c = cellCentre(grid, { row, col });
  return { type, status, receivedAt: inHours, lat: c.lat + i * 1e-6, lng: c.lng };
}

/** Verified robberies and bicycle thefts spread over the city, heavier in a few cells. */
const base: IncidentRow[] = [];
for (let row = 1; row < grid.rows; row += 4) {
  for (let col = 1; col < grid.cols; col += 5) {
    const n = (row * 7 + col * 3) % 11 === 0 ? 5 : 1;
    for (let i = 0; i < n; i++) base.push(incident(row, col, i % 2 ? 'bicycle_theft' : 'general', 'resolved', i)); // prettier-ignore
  }
}

const rank = (rows: IncidentRow[]) => hotspotsFor({ incidentsSince: () => rows }, areas, shift);
const plan = (rows: IncidentRow[]) =>
  generatePlans({ shift, units, areas, cells: rank(rows), salt: 'same', now: shift.start });

/** A cell of its own, away from the base pattern (rows 1, 5, …; columns 1, 6, …). */
const [ROW, COL] = [19, 23];
const many = (type: AlertTypeCode, status: AlertStatus) =>
  Array.from({ length: 12 }, (_, i) => incident(ROW, COL, type, status, i));

describe('the evidence behind hot spots and plans', () => {
  it('is verified, non-silent alerts', () => {
    expect(isPatrolEvidence({ type: 'general', status: 'resolved' })).toBe(true);
    expect(isPatrolEvidence({ type: 'medical', status: 'acknowledged' })).toBe(true);
    for (const status of ['received', 'false_alarm', 'cancelled'] as const)
      expect(isPatrolEvidence({ type: 'general', status })).toBe(false);
    for (const status of VERIFIED_STATUSES)
      expect(isPatrolEvidence({ type: 'gender_violence', status })).toBe(false);
  });

  it('moves the ranking and the plans when verified alerts pile up in a cell', () => {
    // The control: the same pile, verified, puts the cell on top and in some unit's plan.
    const cells = rank([...base, ...many('general', 'resolved')]);
    expect(cells[0]).toMatchObject({ row: ROW, col: COL, count: 12 });
    expect(plan([...base, ...many('general', 'resolved')])).not.toEqual(plan(base));
  });

  it.each([
    ['silent alerts, verified and closed', many('gender_violence', 'resolved')],
    ['silent alerts still open', many('gender_violence', 'dispatched')],
    ['false alarms', many('general', 'false_alarm')],
    ['cancelled alerts', many('bicycle_theft', 'cancelled')],
    ['alerts nobody has taken yet', many('general', 'received')],
  ])('ignores %s at a cell: same ranking, same plans', (_, extra) => {
    expect(rank([...base, ...extra])).toEqual(rank(base));
    expect(rank([...base, ...extra]).some((c) => c.row === ROW && c.col === COL)).toBe(false);
    expect(plan([...base, ...extra])).toEqual(plan(base));
  });
});
