import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../shared/console.js';
import { demoAreas } from '../../../shared/demo-city.js';
import type { CityInfo } from '../../../shared/types.js';
import { actionText, detailText, subjectText } from './audit-text.js';

const features = demoAreas();
const city = { areas: { type: 'FeatureCollection', features } } as unknown as CityInfo;

const entry = (patch: Partial<AuditEntryView>): AuditEntryView => ({
  id: 1,
  at: '2026-12-05T01:00:00.000Z',
  actorId: 'op',
  actorName: 'Lucas Acosta',
  actorRole: 'operator',
  action: 'alert.dispatched',
  subject: '0f1e2d3c-0000-4000-8000-000000000000',
  detail: 'unit-2',
  subjectLabel: 'general',
  about: null,
  said: null,
  ...patch,
});

/** The audit log in Spanish: names and words, the city's clock, no ids. */
describe('audit entries as the admin reads them', () => {
  it('names an alert by type, area and city time, and the car by its label', () => {
    const e = entry({
      about: { kind: 'alert', type: 'general', areaId: features[2]!.properties.id, receivedAt: '2026-12-05T01:00:00.000Z' },
      said: { kind: 'unit', label: 'Móvil 2' },
    }); // prettier-ignore
    expect(subjectText(e, city)).toBe(
      `Alerta general · ${features[2]!.properties.name} · 04/12/2026 22:00`,
    );
    expect(detailText(e)).toBe('Móvil: Móvil 2');
    expect(actionText(e.action)).toBe('Despachó un móvil');
  });

  it('translates outcomes and steps and reads escalations in the city clock', () => {
    expect(detailText(entry({ said: { kind: 'outcome', outcome: 'attended' } }))).toBe('Resultado: Atendida en el lugar'); // prettier-ignore
    expect(detailText(entry({ said: { kind: 'step', step: 'call_back', done: true } }))).toBe('Hecho: Llamar al vecino para confirmar'); // prettier-ignore
    expect(detailText(entry({ said: { kind: 'time', at: '2026-12-05T01:03:00.000Z' } }))).toBe('A las 22:03'); // prettier-ignore
  });

  it('never shows a bare id, and an unknown action as recorded', () => {
    expect(detailText(entry({ detail: '0f1e2d3c-0000-4000-8000-000000000000' }))).toBe('');
    expect(actionText('user.password_reset_future')).toBe('user.password_reset_future');
    expect(subjectText(entry({ about: { kind: 'user', name: 'Rocío Benítez', username: 'rocio' } }), city)).toBe('Rocío Benítez (@rocio)'); // prettier-ignore
  });

  it('reads an export by its shape: format, period, filters, rows and what it held', () => {
    const area = features[2]!.properties;
    const e = entry({
      action: 'export.alerts',
      said: { kind: 'export', format: 'csv', scope: 'anonymised', from: '2026-01-01', to: '2026-12-31', type: 'fire', area: area.id, rows: 1234 },
    }); // prettier-ignore
    expect(actionText(e.action)).toBe('Exportó alertas');
    expect(detailText(e, city)).toBe(
      `CSV · 01/01/2026–31/12/2026 · Incendio · ${area.name} · 1234 filas · sin datos personales`,
    );
    expect(actionText('export.any')).toBe('Exportaciones: todo');
  });
});
