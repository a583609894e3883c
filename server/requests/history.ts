import type { RequestHistoryEntry, RequestPhotoView } from '../../shared/request-view.js';
import type { RequestPhotoRow, RequestRow, Storage } from '../storage/storage.js';

/**
 * A request's history for operators, rebuilt from SQL each time it changes: filing, every
 * status change and reply (request_events keeps both in one row per change), a withdrawal,
 * the photo and its publication. Written whole into `ops.requests/<id>/history`, so a repair
 * after a crash and a live change produce the same list. Names are read now: the console
 * shows people, not ids.
 */
export function requestHistory(storage: Storage, r: RequestRow): RequestHistoryEntry[] {
  const names = new Map<string, string>();
  const nameOf = (id: string) => {
    if (!names.has(id)) names.set(id, storage.users.byId(id)?.name ?? '');
    return names.get(id)!;
  };
  const step = (kind: RequestHistoryEntry['kind'], at: string, by: string) => ({
    kind,
    at,
    by,
    name: nameOf(by),
  });
  // Filed by a user, or by an Open311 client (no user behind it: its name is the admin's).
  const filer = filerOf(storage, r);
  const out: RequestHistoryEntry[] = [
    { kind: 'filed', at: r.receivedAt, by: filer?.id ?? '', name: filer?.name ?? '' },
  ];
  let status = 'open';
  let reply = '';
  for (const e of storage.requests.events(r.id)) {
    if (e.status === 'cancelled') {
      out.push(step('withdrawn', e.at, e.by));
      continue;
    }
    if (e.status !== status) out.push({ ...step('status', e.at, e.by), status: e.status });
    if (e.reply !== reply) out.push({ ...step('reply', e.at, e.by), reply: e.reply });
    status = e.status;
    reply = e.reply;
  }
  const photo = storage.requests.photo(r.id);
  if (photo) {
    out.push(step('photo', photo.uploadedAt, photo.uploadedBy));
    if (photo.publishedAt && photo.publishedBy)
      out.push(step('photo_published', photo.publishedAt, photo.publishedBy));
  }
  // Stable: a status and a reply written together keep that order.
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** The photo as the request's records carry it (no uploader: the reporter is the uploader). */
export function photoView(p: RequestPhotoRow | undefined): RequestPhotoView | null {
  if (!p) return null;
  return {
    at: p.uploadedAt,
    width: p.width,
    height: p.height,
    ...(p.publishedAt ? { publishedAt: p.publishedAt } : {}),
  };
}

/** Who filed a request, as operators read it: a user, or an Open311 client by its name. */
export interface Filer {
  id: string;
  name: string;
  kind: 'user' | 'client';
}

export function filerOf(storage: Storage, r: RequestRow): Filer | null {
  if (r.reporterId) {
    const u = storage.users.byId(r.reporterId);
    return u ? { id: u.id, name: u.name, kind: 'user' } : null;
  }
  const client = r.clientId ? storage.apiClients.byId(r.clientId) : undefined;
  return client ? { id: client.id, name: client.name, kind: 'client' } : null;
}
