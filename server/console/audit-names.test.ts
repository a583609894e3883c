import { describe, expect, it } from 'vitest';
import { demoAreas, demoSirens, demoUnits } from '../../shared/demo-city.js';
import type { City } from '../city/city.js';
import type { AuditEntry } from '../storage/storage.js';
import { readableEntry } from './audit-names.js';

const areas = demoAreas();
const city = { areas, units: demoUnits(), sirens: demoSirens(areas) } as unknown as City;

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-12-05T03:10:00.000Z',
  actorId: 'op',
  actorName: 'Operadora',
  actorRole: 'operator',
  action: 'alert.dispatched',
  subject: 'a1b2c3d4-0000-4000-8000-000000000000',
  detail: '',
  subjectLabel: null,
  alertType: null,
  alertArea: null,
  alertAt: null,
  userName: null,
  userUsername: null,
  requestCategory: null,
  requestArea: null,
  noteText: null,
  ...patch,
});

/** The audit log reads in names: a car by its label, an alert by type, area and time. */
describe('audit entries in words', () => {
  const alert = {
    alertType: 'general' as const,
    alertArea: 'area-3',
    alertAt: '2026-12-05T03:00:00Z',
  };

  it('names the alert and the car instead of ids', () => {
    const e = readableEntry(entry({ ...alert, detail: 'unit-2' }), city);
    expect(e.about).toEqual({
      kind: 'alert',
      type: 'general',
      areaId: 'area-3',
      receivedAt: alert.alertAt,
    });
    expect(e.said).toEqual({ kind: 'unit', label: 'Móvil 2' });
  });

  it('reads outcomes, escalation times, notes and protocol steps', () => {
    const said = (action: string, detail: string, noteText: string | null = null) =>
      readableEntry(entry({ ...alert, action, detail, noteText }), city).said;
    expect(said('alert.outcome', 'attended')).toEqual({ kind: 'outcome', outcome: 'attended' });
    expect(said('alert.escalated', '2026-12-05T03:05:00.000Z')).toEqual({
      kind: 'time',
      at: '2026-12-05T03:05:00.000Z',
    });
    expect(said('alert.note', 'note-id', 'Sin respuesta')).toEqual({
      kind: 'note',
      text: 'Sin respuesta',
    });
    expect(said('alert.checklist', 'call_back=false')).toEqual({
      kind: 'step',
      step: 'call_back',
      done: false,
    });
    expect(said('alert.acknowledged', '')).toBeNull();
  });

  it('names accounts, sirens, plans and released addresses', () => {
    const user = readableEntry(
      entry({ action: 'user.approve', userName: 'Lorena Castillo', userUsername: 'lorena' }),
      city,
    );
    expect(user.about).toEqual({ kind: 'user', name: 'Lorena Castillo', username: 'lorena' });
    const siren = city.sirens[0]!;
    expect(readableEntry(entry({ action: 'siren.test', subject: siren.id }), city).about).toEqual({
      kind: 'siren',
      label: siren.label,
      areaId: siren.areaId,
    });
    expect(
      readableEntry(entry({ action: 'plan.edit', subject: 'unit-4/2026-12-05.night' }), city).about,
    ).toEqual({
      kind: 'plan',
      unit: 'Móvil 4',
      day: '2026-12-05',
      shift: 'night',
    });
    expect(
      readableEntry(entry({ action: 'signin.release', subject: 'address:10.0.0.7' }), city).about,
    ).toEqual({
      kind: 'address',
      address: '10.0.0.7',
    });
  });
});
