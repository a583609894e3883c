import { isOpenStatus } from '../../shared/catalogue.js';
import type { UserRow } from '../storage/storage.js';
import type { ProjectionDeps } from './projection.js';
import { projectAlert } from './in-rooms.js';
import { heldBack } from './threshold.js';

/** Why an alert cannot be released: unknown, not held back (or released already), or closed. */
export type ReleaseRefusal = 'not_found' | 'not_held' | 'closed';

/**
 * Lets a held-back alert reach its area, as it would have without the threshold: the sirens
 * (when it was raised near home; they sound from now, their full pattern) and the neighbours'
 * pushes, then its public copy in the area room. In one commit with the SQL mark and the audit
 * entry; two operators releasing at once release it once (the mark is set only while unset).
 * Checked now for the answer, and again in the commit.
 */
export function releaseAlert(d: ProjectionDeps, id: string, by: UserRow): ReleaseRefusal | null {
  const refusal = (): ReleaseRefusal | null => {
    const a = d.storage.alerts.byId(id);
    if (!a) return 'not_found';
    if (!heldBack(a)) return 'not_held';
    return isOpenStatus(a.status) ? null : 'closed';
  };
  const now = refusal();
  if (now) return now;
  d.sync.committer.job(() => {
    if (refusal()) return;
    const at = (d.now?.() ?? new Date()).toISOString();
    const current = d.storage.alerts.byId(id);
    const reporter = current && d.storage.users.byId(current.reporterId);
    if (!current || !reporter || !d.storage.alerts.release(id, at, by.id)) return;
    d.storage.audit.add({ at, actorId: by.id, action: 'alert.released', subject: id, detail: '' });
    d.timing?.released(id);
    const row = { ...current, releasedAt: at, releasedBy: by.id };
    d.fanOut.onReleased(row, reporter);
    projectAlert(d.sync, row, reporter, d.storage.alerts.events(id), true);
  });
  return null;
}
