import { formatOffsetDateTime } from '../city/zoned-time.js';

/** Text for XML content and double-quoted attributes (server/http/xml.ts). */
export { escapeXml as esc } from '../http/xml.js';

/**
 * An instant as CAP 1.2 wants it (`2026-12-05T06:27:04-03:00`): the city's wall clock with
 * its numeric offset, whole seconds (the schema's pattern allows no fraction and no `Z`).
 * Also a valid RFC 3339 date for Atom.
 */
export const capTime = (iso: string, timeZone: string): string =>
  formatOffsetDateTime(iso, timeZone);

/** An instant as an HTTP date (Last-Modified), whole seconds. */
export const httpDate = (iso: string): string => new Date(iso).toUTCString();
