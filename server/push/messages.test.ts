import { describe, expect, it } from 'vitest';
import type { AlertRow } from '../storage/storage.js';
import type { AlertTypeCode } from '../../shared/types.js';
import { isPushMessage } from '../../shared/push-message.js';
import {
  areaDigestMessage,
  dispatchMessage,
  neighbourMessage,
  operatorMessage,
  reporterMessage,
} from './messages.js';

const alert = (type: AlertTypeCode, over: Partial<AlertRow> = {}): AlertRow => ({
  id: '6f1c2a52-3e0b-4c1e-9a57-0c7d0c1b2e11',
  reporterId: 'r1',
  type,
  createdAt: '2025-03-01T00:04:00.000Z',
  receivedAt: '2025-03-01T00:04:05.000Z',
  location: { lat: -32.9, lng: -68.8, accuracy: 5 },
  note: 'está en el patio del fondo',
  areaId: 'area-1',
  status: 'received',
  statusAt: '2025-03-01T00:04:05.000Z',
  sirenRequested: true,
  flagged: false,
  assignedUnit: null,
  ...over,
});
const ctx = (a: AlertRow) => ({ alert: a, areaName: 'Villa Hipódromo' });
const reporter = { name: 'María González', showName: true };

describe('push texts', () => {
  it('tell neighbours type, area, time and the name only as allowed', () => {
    const m = neighbourMessage('es', ctx(alert('fire')), reporter);
    expect(m).toMatchObject({ title: 'Incendio — Villa Hipódromo', renotify: true });
    expect(m.body).toBe('Avisó María G. a las 21:04'); // Mendoza is UTC−3
    const hidden = neighbourMessage('en', ctx(alert('fire')), { ...reporter, showName: false });
    expect(hidden.body).toBe('Raised at 21:04');
    for (const msg of [m, hidden]) {
      expect(isPushMessage(msg)).toBe(true);
      // No exact location, note or full name ever reaches a neighbour.
      expect(JSON.stringify(msg)).not.toMatch(/patio|González|-32\.9|-68\.8/);
    }
  });

  it('fold several alerts of the area into one message that names the latest', () => {
    const alerts = [
      alert('general', { id: 'a1' }),
      alert('bicycle_theft', { id: 'a2' }),
      alert('fire', { id: 'a3', receivedAt: '2025-03-01T00:09:00.000Z' }),
    ];
    const es = areaDigestMessage('es', 'Villa Hipódromo', alerts);
    expect(es).toMatchObject({
      title: '3 alertas en tu barrio — Villa Hipódromo',
      body: 'En la última hora. La más reciente: Incendio, a las 21:09',
      tag: 'a3',
      url: '/#/alert/a3',
      renotify: true,
    });
    const en = areaDigestMessage('en', 'Villa Hipódromo', alerts);
    expect(en.title).toBe('3 alerts in your neighbourhood — Villa Hipódromo');
    for (const msg of [es, en]) {
      expect(isPushMessage(msg)).toBe(true);
      expect(JSON.stringify(msg)).not.toMatch(/patio|González|-32\.9|-68\.8/);
    }
  });

  it('tell the reporter of a public alert how it is going', () => {
    const m = reporterMessage('es', ctx(alert('medical', { status: 'acknowledged' })));
    expect(m).toMatchObject({ title: 'Tu alerta: En atención', renotify: false });
    expect(m.body).toContain('Emergencia médica');
  });

  it('give operators and the dispatched unit the type, silent or not', () => {
    const silent = alert('gender_violence');
    expect(operatorMessage('es', ctx(silent)).title).toBe('Nueva alerta: Violencia de género');
    expect(dispatchMessage('en', ctx(silent)).title).toBe('Dispatch: Gender-based violence');
  });
});
