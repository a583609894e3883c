import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { alertType } from '../../shared/catalogue.js';
import type { AlertTypeCode } from '../../shared/types.js';
import type { DocClient } from './doc-client.js';
import type { SirenClient, SirenCommand } from './sirens.js';
import type { AlertPlan, AlertResults, AlertTiming, ResidentRef } from './probe-types.js';
import { sleep, waitFor } from './stats.js';

export interface Observers {
  raisers: { ref: ResidentRef; client: DocClient }[];
  ops: DocClient;
  areas: Map<string, DocClient>;
  sirens: SirenClient[] | null;
}

interface Live {
  t: AlertTiming;
  sentAt: number;
}

/**
 * Raises the planned alerts from the residents' own rooms and times, on the probe's clock,
 * when each one shows up in `ops`, back in the resident's room (`receivedAt`), in the area
 * feed and at the area's sirens. (Push arrivals are timed by the sink process and matched by
 * the orchestrator: push-attribution.ts.)
 *
 * A `sound` names no alert (its id is the outbox row), so commands are matched in order: a
 * siren's n-th distinct `sound` belongs to the n-th siren-type alert of its area.
 */
export class AlertRun {
  private readonly live = new Map<string, Live>();
  private readonly sirenQueue = new Map<string, Live[]>();
  private readonly sirenCount = new Map<string, number>();
  /** `siren/command id` already counted: the hub resends until acknowledged */
  private readonly sirenSeen = new Set<string>();
  private sirenCommands = 0;
  private sirenRepeats = 0;
  private sirenUnattributed = 0;

  constructor(private readonly o: Observers) {
    o.ops.map('alerts').observe((ev) => this.seen(ev.keysChanged, 'ops'));
    for (const area of o.areas.values())
      area.map('alerts').observe((ev) => this.seen(ev.keysChanged, 'area'));
  }

  private seen(keys: Set<string>, where: 'ops' | 'area'): void {
    const at = performance.now();
    for (const key of keys) {
      const l = this.live.get(key);
      if (l && l.t[where] === null) l.t[where] = at - l.sentAt;
    }
  }

  onSiren(siren: SirenClient, cmd: SirenCommand, at: number): void {
    if (cmd.cmd !== 'sound') return;
    const key = `${siren.ref.id}/${String(cmd.id)}`;
    if (this.sirenSeen.has(key)) {
      this.sirenRepeats++;
      return;
    }
    this.sirenSeen.add(key);
    this.sirenCommands++;
    const n = this.sirenCount.get(siren.ref.id) ?? 0;
    this.sirenCount.set(siren.ref.id, n + 1);
    const l = this.sirenQueue.get(siren.ref.areaId)?.[n];
    if (l) l.t.sirens.push(at - l.sentAt);
    else this.sirenUnattributed++;
  }

  async run(plan: AlertPlan): Promise<AlertResults> {
    const started = performance.now();
    const sirensIn = new Map<string, number>();
    for (const s of this.o.sirens ?? [])
      sirensIn.set(s.ref.areaId, (sirensIn.get(s.ref.areaId) ?? 0) + 1);
    for (const p of plan.alerts) {
      const wait = started + p.atMs - performance.now();
      if (wait > 0) await sleep(wait);
      const { ref, client } = this.o.raisers[p.raiser]!;
      const info = alertType(p.type);
      const t: AlertTiming = {
        id: randomUUID(),
        type: p.type,
        areaId: ref.areaId,
        phase: p.phase,
        sentWallMs: 0,
        ops: null,
        receipt: null,
        area: null,
        sirens: [],
        sirenExpected: this.o.sirens && info.siren ? (sirensIn.get(ref.areaId) ?? 0) : 0,
        pushAll: null,
        pushGot: 0,
        pushExpected: plan.pushMembers && !info.silent ? (plan.pushMembers[ref.areaId] ?? 0) : 0,
      };
      const l: Live = { t, sentAt: 0 };
      this.live.set(t.id, l);
      if (t.sirenExpected) {
        const queue = this.sirenQueue.get(ref.areaId) ?? [];
        queue.push(l);
        this.sirenQueue.set(ref.areaId, queue);
      }
      this.watchReceipt(client, l);
      l.sentAt = performance.now();
      t.sentWallMs = performance.timeOrigin + l.sentAt;
      raise(client, t.id, p.type, ref);
    }
    const lastSent = performance.now();
    const all = [...this.live.values()];
    await waitFor(() => all.every((l) => this.complete(l.t)), plan.settleMs, 20);
    return {
      alerts: all.map((l) => l.t),
      durationMs: lastSent - started,
      sirenCommands: this.sirenCommands,
      sirenUnattributed: this.sirenUnattributed,
      sirenRepeats: this.sirenRepeats,
      rtt: null,
    };
  }

  private complete(t: AlertTiming): boolean {
    const inArea = !alertType(t.type).silent && this.o.areas.has(t.areaId);
    return (
      t.ops !== null &&
      t.receipt !== null &&
      (!inArea || t.area !== null) &&
      t.sirens.length >= t.sirenExpected
    );
  }

  private watchReceipt(client: DocClient, l: Live): void {
    const alerts = client.map('alerts');
    const check = () => {
      const rec = alerts.get(l.t.id);
      if (l.t.receipt !== null || !(rec instanceof Y.Map)) return;
      if (typeof rec.get('receivedAt') !== 'string') return;
      l.t.receipt = performance.now() - l.sentAt;
      alerts.unobserveDeep(check);
    };
    alerts.observeDeep(check);
  }
}

/** The alert exactly as the app writes it (DESIGN §4): a nested Y.Map keyed by its UUID. */
function raise(client: DocClient, id: string, type: AlertTypeCode, ref: ResidentRef): void {
  const fields = {
    id,
    type,
    createdAt: new Date().toISOString(),
    // At home: the block's siren sounds only for alerts raised near the registered home.
    location: { lat: ref.home.lat, lng: ref.home.lng, accuracy: 12 },
    note: '',
  };
  client.doc.transact(() =>
    client.map('alerts').set(id, new Y.Map<unknown>(Object.entries(fields))),
  );
}
