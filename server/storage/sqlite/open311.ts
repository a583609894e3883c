import type { Db } from './index.js';
import type { Open311Contact, Open311Query, Open311Row, Open311Store } from '../integrations.js';
import { requestQueries } from './requests.js';

/** Only what the public feed may carry: never reporter_id, client_id or description. */
const PUBLIC_COLUMNS = `id, category, status, reply, lat, lng, area_id AS areaId,
  received_at AS receivedAt, status_at AS statusAt`;

interface ContactRaw {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
}

export function open311Queries(db: Db): Open311Store {
  const requests = requestQueries(db);
  const addContact = db.prepare(`INSERT INTO request_contacts (request_id, first_name, last_name,
    email, phone) VALUES (?, ?, ?, ?, ?)`);
  const contact = db.prepare<[string], ContactRaw>(
    'SELECT first_name, last_name, email, phone FROM request_contacts WHERE request_id = ?',
  );
  const byId = db.prepare<[string], Open311Row>(
    `SELECT ${PUBLIC_COLUMNS} FROM requests WHERE id = ? AND cancelled_at IS NULL`,
  );
  const file = db.transaction(
    (row: Parameters<Open311Store['file']>[0], c: Open311Contact | null) => {
      if (!requests.insert(row)) return false;
      if (c) addContact.run(row.id, c.firstName, c.lastName, c.email, c.phone);
      return true;
    },
  );

  return {
    file: (row, c) => file(row, c),
    contact: (id) => {
      const r = contact.get(id);
      return (
        r && { firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone }
      );
    },
    byId: (id) => byId.get(id),
    list: (q: Open311Query) => {
      // Statuses and categories come from fixed lists (the route checked them): bound, not spliced.
      const where = ['received_at >= ?', 'received_at < ?', 'cancelled_at IS NULL'];
      const args: (string | number)[] = [q.fromIso, q.toIso];
      if (q.statuses) {
        where.push(`status IN (${q.statuses.map(() => '?').join(', ')})`);
        args.push(...q.statuses);
      }
      if (q.categories) {
        where.push(`category IN (${q.categories.map(() => '?').join(', ')})`);
        args.push(...q.categories);
      }
      const sql = `SELECT ${PUBLIC_COLUMNS} FROM requests WHERE ${where.join(' AND ')}
        ORDER BY received_at DESC, id LIMIT ?`;
      return db.prepare<(string | number)[], Open311Row>(sql).all(...args, q.limit);
    },
  };
}
