import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { areaForPoint, pointInPolygon } from '../../shared/geo.js';
import { hasInvisible, normaliseText, withoutHiddenControls } from '../../shared/text.js';
import type { Services } from '../services.js';
import type { ApiClientRow, Open311Contact } from '../storage/integrations.js';
import type { RequestRow } from '../storage/requests.js';
import { copyToOps } from '../requests/in-rooms.js';
import { isServiceCode } from './public.js';

/** A failure of a filing, in the standard's terms: status and a sentence for the client's log. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 413 | 415 | 429,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const line = (max: number) =>
  z
    .string()
    .transform(normaliseText)
    .pipe(
      z
        .string()
        .max(max)
        .refine((v) => !hasInvisible(v), 'invisible or control characters'),
    );

const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,12})?$/, 'a decimal number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** The fields of `POST requests` SAC reads; others (attributes, media_url, device_id) are ignored. */
const filing = z.object({
  service_code: z.string({ error: 'service_code is required' }),
  lat: coordinate(-90, 90).optional(),
  long: coordinate(-180, 180).optional(),
  address_string: z.string().optional(),
  description: z.string().max(1000, 'description: at most 1000 characters').default(''),
  first_name: line(80).default(''),
  last_name: line(80).default(''),
  email: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'email: not an address')
    .default(''),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+()\- ]{0,30}$/, 'phone: digits, spaces and + ( ) - only')
    .default(''),
});

/**
 * A request another system files (`POST requests`): validated, stored with its contact
 * details in one transaction (durable when this returns: SQLite, synchronous=FULL), then put in
 * the operators' queue (`ops.requests`) with the client's name as who filed it. A crash between
 * the two is repaired at start-up (RequestProjection.reconcile). Returns the new request's id.
 */
export function fileRequest(
  s: Services,
  client: ApiClientRow,
  form: Record<string, string>,
  now = new Date(),
): string {
  const parsed = filing.safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    const message = issue?.message ?? 'invalid';
    throw new Open311Error(400, message.startsWith(where) ? message : `${where}: ${message}`);
  }
  const f = parsed.data;
  if (!isServiceCode(f.service_code))
    throw new Open311Error(
      400,
      `service_code: unknown service "${f.service_code}" (see services.xml)`,
    );
  if (f.lat === undefined || f.long === undefined)
    throw new Open311Error(
      400,
      f.address_string
        ? 'lat and long are required: this endpoint does not look addresses up'
        : 'lat and long are required',
    );
  const point = { lat: f.lat, lng: f.long };
  // Inside the city's neighbourhoods only: the request must land in someone's queue and area.
  const inside = s.city.areas.some((a) => pointInPolygon(point, a.geometry.coordinates[0] ?? []));
  const areaId = inside ? areaForPoint(point, s.city.areas) : null;
  if (!areaId) throw new Open311Error(400, 'lat/long: the point is outside the city');

  const at = now.toISOString();
  const row: RequestRow = {
    id: randomUUID(),
    source: 'open311',
    reporterId: null,
    clientId: client.id,
    unitId: null,
    category: f.service_code,
    description: withoutHiddenControls(f.description).trim(),
    location: { ...point, accuracy: 0 },
    areaId,
    createdAt: at,
    receivedAt: at,
    status: 'open',
    statusAt: at,
    reply: '',
    cancelledAt: null,
  };
  const contact: Open311Contact = {
    firstName: f.first_name,
    lastName: f.last_name,
    email: f.email,
    phone: f.phone,
  };
  const any = Object.values(contact).some((v) => v !== '');
  s.storage.open311.file(row, any ? contact : null);
  copyToOps(s.sync, s.storage, row, { id: client.id, name: client.name, kind: 'client' });
  return row.id;
}
