import type { Db } from './index.js';
import type { RequestPhotoRow, RequestStore } from '../requests.js';

type PhotoQueries = Pick<RequestStore, 'addPhoto' | 'photo' | 'publishPhoto'>;

/** A request's photo record (the bytes are a file: server/requests/photo-files.ts). */
export function requestPhotoQueries(db: Db): PhotoQueries {
  const add = db.prepare(`INSERT OR IGNORE INTO request_photos (request_id, type, width, height,
    bytes, sha256, uploaded_at, uploaded_by) VALUES (@requestId, @type, @width, @height, @bytes,
    @sha256, @uploadedAt, @uploadedBy)`);
  const byId = db.prepare<[string], RequestPhotoRow>(
    `SELECT request_id AS requestId, type, width, height, bytes, sha256, uploaded_at AS uploadedAt,
     uploaded_by AS uploadedBy, published_at AS publishedAt, published_by AS publishedBy
     FROM request_photos WHERE request_id = ?`,
  );
  const publish = db.prepare(
    `UPDATE request_photos SET published_at = ?, published_by = ?
     WHERE request_id = ? AND published_at IS NULL`,
  );
  return {
    addPhoto: (r) => {
      const { publishedAt: _a, publishedBy: _b, ...row } = r;
      return add.run(row).changes === 1;
    },
    photo: (id) => byId.get(id),
    publishPhoto: (id, at, by) => publish.run(at, by, id).changes === 1,
  };
}
