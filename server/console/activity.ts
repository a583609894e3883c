import * as Y from 'yjs';
import { OPS_ROOM } from '../../sync/rooms.js';
import type { RecordChange } from '../../sync/policy/index.js';
import { isPlainObject } from '../../sync/policy/validators.js';
import type { Storage, UserRow } from '../storage/storage.js';
import type { SyncServer } from '../sync/sync-server.js';
import { SERVER } from '../sync/origin.js';

/**
 * What operators write on an alert besides its status (the alert projection stamps that):
 * the escalation to 911, the outcome, the notes thread and the protocol checklist. Each is
 * recorded in SQL and in the audit log in the transaction that stores the update, so the
 * record and the room never disagree and every operator action has a who and a when.
 */
export class ConsoleActivity {
  constructor(
    private readonly storage: Storage,
    private readonly sync: SyncServer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** An accepted change of `ops.alerts/<id>` by an operator or admin. */
  onAlertChange(writer: UserRow, change: RecordChange): void {
    const f = change.fields;
    const at = this.now().toISOString();
    const audit = (action: string, detail: string) =>
      this.storage.audit.add({ at, actorId: writer.id, action, subject: change.id, detail });
    let escalated = false;

    this.sync.committer.job(() => {
      if (!this.storage.alerts.byId(change.id)) return;
      if (
        typeof f.escalatedAt === 'string' &&
        this.storage.console.escalate(change.id, at, writer.id)
      ) {
        audit('alert.escalated', f.escalatedAt);
        escalated = true;
      }
      if (typeof f.outcome === 'string') {
        this.storage.console.setOutcome(change.id, f.outcome);
        audit('alert.outcome', f.outcome);
      }
      for (const note of Array.isArray(f.notes) ? f.notes : []) {
        if (!isPlainObject(note) || typeof note.id !== 'string') continue;
        const row = { id: note.id, alertId: change.id, text: String(note.text), at, by: writer.id };
        if (this.storage.console.addNote(row)) audit('alert.note', note.id);
      }
      if (isPlainObject(f.checklist)) {
        for (const [step, done] of Object.entries(f.checklist))
          audit('alert.checklist', `${step}=${done}`);
      }
      for (const path of change.removed) {
        if (path[0] === 'checklist' && path[1]) audit('alert.checklist', `${path[1]}=false`);
      }
    });

    // Who escalated, for the timeline every operator sees; the time is the operator's field.
    this.sync.committer.afterCommit(() => {
      if (!escalated) return;
      const rec = this.sync.room(OPS_ROOM).doc.getMap('alerts').get(change.id);
      if (rec instanceof Y.Map) rec.doc?.transact(() => rec.set('escalatedBy', writer.id), SERVER);
    });
  }
}
