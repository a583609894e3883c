import * as Y from 'yjs';
import { areaForPoint } from '../../shared/geo.js';
import { withoutHiddenControls } from '../../shared/text.js';
import type { AreaFeature, Fix, RequestCategory } from '../../shared/types.js';
import { OPS_ROOM } from '../../sync/rooms.js';
import type { RecordChange } from '../../sync/policy/index.js';
import type { RequestRow, RequestStatus, Storage, UserRow } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import type { Room } from '../sync/room.js';
import { SERVER } from '../sync/origin.js';
import { copyToOps, originRoom, requestRecord, showExtras, COLLECTION } from './in-rooms.js';
import { filerOf, type Filer } from './history.js';

export interface RequestProjectionDeps {
  storage: Storage;
  sync: SyncServer;
  areas: AreaFeature[];
  now?: () => Date;
}

/** Where a request came from, and so where its answers go back to. */
export type RequestOrigin = { source: 'resident' } | { source: 'officer'; unitId: string };

/** The fields a request is filed with (sync/policy REQUEST_FIELDS), as the policy passed them. */
export interface FiledRequest {
  id: string;
  category: RequestCategory;
  description: string;
  location: Fix | null;
  createdAt: string;
  cancelledAt?: string;
}

/** Answered requests stay in view this long (as closed alerts do): checked at start-up. */
const SHOWN_AFTER_CLOSE_MS = 24 * 3_600_000;

/**
 * Neighbour requests (DESIGN §3, §4): a resident files one in `user:<id>`, an officer in
 * `unit:<id>` for a neighbour; both go through `filed`: committed to SQL, receipted in the
 * room they came from, copied to `ops.requests` for operators. What operators write there
 * (`status`, `reply`) is stamped, recorded and carried back to the room the request came from,
 * so the reporter follows it to the end.
 */
export class RequestProjection {
  constructor(private readonly d: RequestProjectionDeps) {}

  private now(): string {
    return (this.d.now?.() ?? new Date()).toISOString();
  }

  onChanges(room: Room, writer: UserRow, changes: RecordChange[]): void {
    for (const change of changes) {
      if (change.collection !== COLLECTION) continue;
      const ref = room.ref;
      if (ref.kind === 'user' && change.created) {
        this.filed(writer, filedFrom(change), { source: 'resident' });
      } else if (ref.kind === 'user' && typeof change.fields.cancelledAt === 'string') {
        this.cancelled(writer, change.id, change.fields.cancelledAt);
      } else if (ref.kind === 'unit' && change.created && writer.role === 'officer') {
        this.filed(writer, filedFrom(change), { source: 'officer', unitId: ref.id });
      } else if (ref.kind === 'ops' && ('status' in change.fields || 'reply' in change.fields)) {
        this.answered(writer, change.id, change.fields);
      }
    }
  }

  /**
   * A new request from either origin. The policy already checked its fields and that the
   * writer may file it there; the reporter is who wrote it (the session), never a field.
   */
  filed(writer: UserRow, f: FiledRequest, origin: RequestOrigin): void {
    const at = this.now();
    const place = f.location ?? writer.home;
    const row: RequestRow = {
      id: f.id,
      source: origin.source,
      reporterId: writer.id,
      unitId: origin.source === 'officer' ? origin.unitId : null,
      category: f.category,
      description: f.description,
      location: f.location,
      areaId: (place && areaForPoint(place, this.d.areas)) ?? writer.areaId,
      createdAt: f.createdAt,
      receivedAt: at,
      status: 'open',
      statusAt: at,
      reply: '',
      cancelledAt: f.cancelledAt ?? null,
    };
    let project: RequestRow | null = null;
    this.d.sync.committer.job(() => {
      if (!this.d.storage.requests.insert(row)) {
        // A re-sent request is stored once, and shown again wherever a crash took it back.
        const stored = this.d.storage.requests.byId(row.id);
        if (stored?.reporterId === writer.id) project = stored;
        return;
      }
      if (row.cancelledAt) {
        this.d.storage.requests.addEvent(event(row.id, 'cancelled', '', row.cancelledAt, writer));
      }
      project = row;
    });
    // Receipted only once durable: "delivered" means committed, as for alerts (DESIGN §5).
    this.d.sync.committer.afterCommit(() => {
      if (project) this.projectFiled(project, { id: writer.id, name: writer.name, kind: 'user' });
    });
  }

  /**
   * At start-up, before the server listens: every request SQL has that is open or was
   * answered within the last day is shown again where a crash took its room writes back (they
   * are stored in the commit after its own): the receipt and the `ops` record, an answer, a
   * withdrawal. Each projection writes `ops` in the same commit as the origin room, so a
   * request `ops` shows as SQL has it needs no other look. One its origin room never held is
   * skipped.
   */
  reconcile(): number {
    const since = new Date(Date.parse(this.now()) - SHOWN_AFTER_CLOSE_MS).toISOString();
    let repaired = 0;
    for (const r of this.d.storage.requests.openOrSince(since)) {
      const ops = this.record(OPS_ROOM, r.id);
      const shown =
        ops?.get('statusAt') === r.statusAt && (ops.get('cancelledAt') ?? null) === r.cancelledAt;
      // Open311's requests have no origin room: `ops` is the only place that shows them.
      const room = originRoom(r);
      if (room !== null && !this.record(room, r.id)) continue;
      if (shown) {
        // History and photo are written after their own commits: shown again the same way.
        if (showExtras(this.d.sync, this.d.storage, r)) repaired++;
        continue;
      }
      const filer = filerOf(this.d.storage, r);
      if (!filer) continue;
      if (!ops) this.projectFiled(r, filer);
      else this.repairAnswers(r, ops);
      showExtras(this.d.sync, this.d.storage, r);
      repaired++;
    }
    return repaired;
  }

  /** The answers and withdrawal SQL has, where the rooms miss them (see `reconcile`). */
  private repairAnswers(r: RequestRow, ops: Y.Map<unknown>): void {
    ops.doc!.transact(() => {
      if (ops.get('statusAt') !== r.statusAt) ops.set('statusAt', r.statusAt);
      if (r.cancelledAt && ops.get('cancelledAt') === undefined)
        ops.set('cancelledAt', r.cancelledAt);
    }, SERVER);
    const answers = this.d.storage.requests.events(r.id).filter((e) => e.status !== 'cancelled');
    const own = this.record(originRoom(r), r.id);
    if (!own || !answers.length) return;
    own.doc!.transact(() => {
      if (own.get('status') !== r.status) own.set('status', r.status);
      if ((own.get('reply') ?? '') !== r.reply) own.set('reply', r.reply);
      if (own.get('statusAt') !== r.statusAt) own.set('statusAt', r.statusAt);
      let updates = own.get('updates');
      if (!(updates instanceof Y.Array)) own.set('updates', (updates = new Y.Array<unknown>()));
      const list = updates as Y.Array<unknown>;
      const missing = answers.slice(list.length);
      if (missing.length)
        list.push(missing.map((e) => ({ status: e.status, reply: e.reply, at: e.at })));
    }, SERVER);
  }

  /** Idempotent: writes only what the rooms lack (a resend, a repair after a crash). */
  private projectFiled(r: RequestRow, filer: Filer): void {
    const own = this.record(originRoom(r), r.id);
    if (own && typeof own.get('receivedAt') !== 'string') {
      own.doc!.transact(() => {
        own.set('receivedAt', r.receivedAt);
        own.set('status', r.status);
        own.set('statusAt', r.statusAt);
      }, SERVER);
    }

    copyToOps(this.d.sync, this.d.storage, r, filer);
  }

  /** The reporter withdrew it ("already fixed"); operators see it, the status stays theirs. */
  private cancelled(reporter: UserRow, id: string, at: string): void {
    let done = false;
    this.d.sync.committer.job(() => {
      const current = this.d.storage.requests.byId(id);
      if (!current || current.cancelledAt || current.reporterId !== reporter.id) return;
      this.d.storage.requests.cancel(id, at);
      this.d.storage.requests.addEvent(event(id, 'cancelled', '', at, reporter));
      done = true;
    });
    this.d.sync.committer.afterCommit(() => {
      const ops = done ? this.record(OPS_ROOM, id) : null;
      ops?.doc?.transact(() => ops.set('cancelledAt', at), SERVER);
      const row = done ? this.d.storage.requests.byId(id) : undefined;
      if (row) showExtras(this.d.sync, this.d.storage, row);
    });
  }

  /** An operator's status change or reply, already applied to `ops` by the write policy. */
  private answered(by: UserRow, id: string, fields: Record<string, unknown>): void {
    const at = this.now();
    let row: RequestRow | null = null;
    this.d.sync.committer.job(() => {
      const current = this.d.storage.requests.byId(id);
      if (!current) return;
      const status =
        typeof fields.status === 'string' ? (fields.status as RequestStatus) : current.status;
      const reply = typeof fields.reply === 'string' ? fields.reply : current.reply;
      if (status === current.status && reply === current.reply) return;
      this.d.storage.requests.setStatus(id, status, reply, at);
      this.d.storage.requests.addEvent(event(id, status, reply, at, by));
      // One audit row per thing the operator did: a reply alone is not a status change.
      if (status !== current.status)
        this.d.storage.audit.add({
          at,
          actorId: by.id,
          action: `request.${status}`,
          subject: id,
          detail: '',
        });
      if (reply !== current.reply)
        this.d.storage.audit.add({
          at,
          actorId: by.id,
          action: 'request.reply',
          subject: id,
          detail: '',
        });
      row = { ...current, status, reply, statusAt: at };
    });
    this.d.sync.committer.afterCommit(() => {
      if (row) this.projectAnswer(row);
    });
  }

  private projectAnswer(r: RequestRow): void {
    const ops = this.record(OPS_ROOM, r.id);
    ops?.doc?.transact(() => ops.set('statusAt', r.statusAt), SERVER);

    const own = this.record(originRoom(r), r.id);
    own?.doc?.transact(() => {
      if (own.get('status') !== r.status) own.set('status', r.status);
      if ((own.get('reply') ?? '') !== r.reply) own.set('reply', r.reply);
      own.set('statusAt', r.statusAt);
      // Every answer kept in order: the reporter sees how the request went, not only where it is.
      let updates = own.get('updates');
      if (!(updates instanceof Y.Array)) own.set('updates', (updates = new Y.Array<unknown>()));
      (updates as Y.Array<unknown>).push([{ status: r.status, reply: r.reply, at: r.statusAt }]);
    }, SERVER);
    showExtras(this.d.sync, this.d.storage, r);
  }

  private record(room: string | null, id: string): Y.Map<unknown> | null {
    return requestRecord(this.d.sync, room, id);
  }
}

function filedFrom(change: RecordChange): FiledRequest {
  const f = change.fields;
  return {
    id: change.id,
    category: f.category as RequestCategory,
    description: withoutHiddenControls(String(f.description)),
    location: (f.location as Fix | null) ?? null,
    createdAt: String(f.createdAt),
    ...(typeof f.cancelledAt === 'string' ? { cancelledAt: f.cancelledAt } : {}),
  };
}

const event = (
  requestId: string,
  status: RequestStatus | 'cancelled',
  reply: string,
  at: string,
  by: UserRow,
) => ({ requestId, status, reply, at, by: by.id });
