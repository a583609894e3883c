import { describe, expect, it } from 'vitest';
import type { CapAlertRow } from '../storage/integrations.js';
import type { AlertStatus } from '../../shared/types.js';
import { parseIdentifier, stagesOf } from './lifecycle.js';
import { capMessage, capPolygon, type CapContext } from './message.js';
import { capSender } from './feed.js';
import { capTime } from './xml.js';
import { capErrors, tag } from './testing.js';

const ID = '3f2a5c1e-1111-4222-8333-944455556666';
const at = (minute: number) => `2026-12-05T09:${String(minute).padStart(2, '0')}:30.500Z`;
const alert = (steps: [AlertStatus, number][], more: Partial<CapAlertRow> = {}): CapAlertRow => ({
  id: ID,
  type: 'fire',
  areaId: 'area-1',
  status: steps[steps.length - 1]![0],
  statusAt: at(steps[steps.length - 1]![1]),
  flagged: false,
  releasedAt: null,
  events: steps.map(([status, m]) => ({ status, at: at(m) })),
  ...more,
});
const keys = (a: CapAlertRow) => stagesOf(a).map((s) => `${s.msgType}:${s.key}:${s.status}`);

describe('an alert’s CAP messages', () => {
  it('start when an operator verifies it and follow each step once', () => {
    const a = alert([
      ['received', 0],
      ['acknowledged', 1],
      ['dispatched', 2],
      ['dispatched', 3], // sent to another unit: no news for the public
      ['on_scene', 4],
      ['resolved', 9],
    ]);
    expect(keys(a)).toEqual([
      'Alert:alert:acknowledged',
      'Update:dispatched:dispatched',
      'Update:on_scene:on_scene',
      'Update:resolved:resolved',
    ]);
    expect(
      keys(
        alert([
          ['received', 0],
          ['acknowledged', 1],
          ['false_alarm', 2],
        ]),
      ),
    ).toEqual(['Alert:alert:acknowledged', 'Cancel:false_alarm:false_alarm']);
  });

  it('are none for a press nobody verified, a silent type, or an alert still held back', () => {
    expect(
      keys(
        alert([
          ['received', 0],
          ['false_alarm', 1],
        ]),
      ),
    ).toEqual([]);
    expect(
      keys(
        alert([
          ['received', 0],
          ['cancelled', 1],
        ]),
      ),
    ).toEqual([]);
    const steps: [AlertStatus, number][] = [
      ['received', 0],
      ['acknowledged', 1],
      ['resolved', 2],
    ];
    expect(keys(alert(steps, { type: 'gender_violence' }))).toEqual([]);
    expect(keys(alert(steps, { flagged: true }))).toEqual([]);
  });

  it('begin at the release of a held-back alert, with the steps before it folded in', () => {
    const steps: [AlertStatus, number][] = [
      ['received', 0],
      ['acknowledged', 1],
      ['dispatched', 2],
      ['on_scene', 5],
    ];
    const released = alert(steps, { flagged: true, releasedAt: at(3) });
    expect(stagesOf(released)[0]).toMatchObject({
      msgType: 'Alert',
      status: 'dispatched',
      at: at(3),
    });
    expect(keys(released)).toEqual(['Alert:alert:dispatched', 'Update:on_scene:on_scene']);
    // Released before it was verified: public from the verification.
    expect(stagesOf(alert(steps, { flagged: true, releasedAt: at(0) }))[0]!.at).toBe(at(1));
  });

  it('are valid CAP 1.2 for a real city too: Actual, no demo note, escaped text', async () => {
    const ctx: CapContext = {
      sender: capSender('https://sac.example.gob.ar/app', 'x'),
      cityName: 'Villa <Nueva> & Co',
      timeZone: 'America/Argentina/Mendoza',
      status: 'Actual',
      emergencyPhone: '911',
    };
    expect(ctx.sender).toBe('sac.example.gob.ar');
    const a = alert(
      [
        ['received', 0],
        ['acknowledged', 1],
        ['cancelled', 2],
      ],
      { type: 'general' },
    );
    const stages = stagesOf(a);
    const ring = [
      [-68.84, -32.92],
      [-68.83, -32.92],
      [-68.83, -32.93],
      [-68.84, -32.93],
    ];
    const subject = { alertId: ID, type: a.type, area: { name: 'Barrio "Sur"', ring } };
    const messages = stages.map((_, i) => capMessage(ctx, subject, stages, i));
    expect(await capErrors(messages)).toEqual([]);
    expect(tag(messages[0]!, 'status')).toBe('Actual');
    expect(messages[0]).not.toContain('<note>');
    expect(tag(messages[1]!, 'areaDesc')).toBe(
      'Barrio &quot;Sur&quot;, Villa &lt;Nueva&gt; &amp; Co',
    );
    expect(tag(messages[1]!, 'sent')).toBe('2026-12-05T06:02:30-03:00');
    // The same steps give the same bytes.
    expect(stages.map((_, i) => capMessage(ctx, subject, stages, i))).toEqual(messages);
  });
});

describe('CAP forms', () => {
  it('write times in the city’s zone with a numeric offset and whole seconds', () => {
    expect(capTime('2026-12-05T02:59:59.999Z', 'America/Argentina/Mendoza')).toBe(
      '2026-12-04T23:59:59-03:00',
    );
    expect(capTime('2026-07-01T12:00:00Z', 'UTC')).toBe('2026-07-01T12:00:00+00:00');
    expect(capTime('2026-07-01T12:00:00Z', 'Europe/Madrid')).toBe('2026-07-01T14:00:00+02:00');
  });

  it('close a polygon as lat,lon pairs and name the sender from the city', () => {
    const open = [
      [-68.8, -32.9],
      [-68.7, -32.9],
      [-68.7, -32.8],
    ];
    expect(capPolygon(open)).toBe('-32.9,-68.8 -32.9,-68.7 -32.8,-68.7 -32.9,-68.8');
    expect(capSender(undefined, 'Godoy Cruz')).toBe('sac.godoy-cruz');
    expect(capSender(undefined, 'San Martín (Mendoza)')).toBe('sac.san-martin-mendoza');
    expect(parseIdentifier(`sac.${ID}.on_scene`)).toEqual({ alertId: ID, key: 'on_scene' });
    expect(parseIdentifier(`sac.${ID}.received`)).toBeNull();
    expect(parseIdentifier(`sac.${ID},x.alert`)).toBeNull();
  });
});
