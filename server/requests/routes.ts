import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PHOTO_LIMITS, type RequestPhotoView } from '../../shared/request-view.js';
import { isUuid } from '../../sync/policy/validators.js';
import { ApiError } from '../http/errors.js';
import { STAFF, requireUser, type Env } from '../http/context.js';
import type { Services } from '../services.js';
import type { RequestPhotoRow, RequestRow, UserRow } from '../storage/storage.js';
import { photoView } from './history.js';
import { PHOTO_MAX_SIDE, sniffPhoto, stripMetadata } from './image.js';
import { showExtras } from './in-rooms.js';
import { PhotoFiles } from './photo-files.js';

/** The upload's path: exempt from the API's general body cap, it has its own (2 MB). */
export const isPhotoUpload = (method: string, path: string): boolean =>
  method === 'PUT' && /^\/api\/requests\/[^/]+\/photo$/.test(path);

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
const MB = PHOTO_LIMITS.maxBytes / (1024 * 1024);

/**
 * Who may see a request's photo (DESIGN §2: a request is the reporter's, all staff's, and the
 * filing unit's when an officer filed it). A published photo also reaches the officers and
 * the residents of the request's area: it may show a neighbour's house, so an operator looks
 * at it first. Everyone else is told there is no such photo, as for an id that does not exist.
 */
export function maySeePhoto(user: UserRow, r: RequestRow, p: RequestPhotoRow): boolean {
  if (STAFF.includes(user.role) || user.id === r.reporterId) return true;
  if (user.role === 'officer' && r.source === 'officer' && user.unitId === r.unitId) return true;
  if (!p.publishedAt) return false;
  return user.role === 'officer' || (user.role === 'citizen' && user.areaId === r.areaId);
}

/**
 * `/api/requests/:id/photo`: one photo per neighbour request, sent by its reporter (the phone
 * queues it with the request and sends it once the request is received), shown to those
 * `maySeePhoto` allows, published by an operator (audited).
 */
export function requestRoutes(s: Services): Hono<Env> {
  const files = new PhotoFiles(s.config.dataDir);
  const app = new Hono<Env>();
  app.use('*', requireUser(s));

  const notFound = () => new ApiError(404, 'not_found', 'No such request photo.');
  const find = (c: Context<Env>): RequestRow => {
    const id = c.req.param('id') ?? '';
    const r = isUuid(id) ? s.storage.requests.byId(id) : undefined;
    if (!r) throw notFound();
    return r;
  };
  const answer = (photo: RequestPhotoRow | undefined) => ({
    photo: photoView(photo) as RequestPhotoView,
  });

  app.put(
    '/:id/photo',
    bodyLimit({
      maxSize: PHOTO_LIMITS.maxBytes,
      onError: () => {
        throw new ApiError(413, 'too_large', `The photo is larger than ${MB} MB.`);
      },
    }),
    async (c) => {
      const user = c.get('user');
      const r = find(c);
      // Someone else's request reads as a missing one: an id must not confirm it exists.
      if (r.reporterId !== user.id) throw notFound();
      const declared = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!ACCEPTED.has(declared))
        throw new ApiError(415, 'unsupported_media_type', 'Send a JPEG, PNG or WebP photo.');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const info = sniffPhoto(bytes);
      if (!info)
        throw new ApiError(415, 'unsupported_media_type', 'This is not a JPEG, PNG or WebP photo.');
      if (
        Math.min(info.width, info.height) < 1 ||
        Math.max(info.width, info.height) > PHOTO_MAX_SIDE
      )
        throw new ApiError(
          422,
          'bad_request',
          `The photo must be at most ${PHOTO_MAX_SIDE} pixels on each side.`,
        );
      if (s.storage.requests.photo(r.id))
        throw new ApiError(409, 'conflict', 'This request has a photo already.');
      // From the check to the row, nothing awaits: two uploads for one request cannot interleave.
      const clean = stripMetadata(bytes, info.type);
      files.write(r.id, clean);
      const row: RequestPhotoRow = {
        requestId: r.id,
        ...info,
        bytes: clean.length,
        sha256: createHash('sha256').update(clean).digest('hex'),
        uploadedAt: new Date().toISOString(),
        uploadedBy: user.id,
        publishedAt: null,
        publishedBy: null,
      };
      s.storage.transaction(() => s.storage.requests.addPhoto(row));
      showExtras(s.sync, s.storage, r);
      return c.json(answer(row), 201);
    },
  );

  app.get('/:id/photo', (c) => {
    const user = c.get('user');
    const r = find(c);
    const p = s.storage.requests.photo(r.id);
    if (!p || !maySeePhoto(user, r, p)) throw notFound();
    const etag = `"${p.sha256}"`;
    // Private to this browser, and checked with the server every time: on a shared computer
    // the next person's cache must not show it without asking who they are.
    c.header('Cache-Control', 'private, no-cache');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const bytes = files.read(r.id);
    if (!bytes) throw notFound();
    c.header('Content-Type', p.type);
    c.header('Content-Disposition', 'inline');
    return c.body(new Uint8Array(bytes));
  });

  app.post('/:id/photo/publish', requireUser(s, STAFF), (c) => {
    const user = c.get('user');
    const r = find(c);
    if (!s.storage.requests.photo(r.id)) throw notFound();
    const at = new Date().toISOString();
    // Publishing twice (two operators at once) is the same as once, and audited once.
    s.storage.transaction(() => {
      if (s.storage.requests.publishPhoto(r.id, at, user.id))
        s.storage.audit.add({
          at,
          actorId: user.id,
          action: 'request.photo_published',
          subject: r.id,
          detail: '',
        });
    });
    showExtras(s.sync, s.storage, r);
    return c.json(answer(s.storage.requests.photo(r.id)));
  });

  return app;
}
