/** Escapes text for XML content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${ENTITIES[c]};`);
}
const ENTITIES: Record<string, string> = {
  '&': 'amp',
  '<': 'lt',
  '>': 'gt',
  '"': 'quot',
  "'": 'apos',
};

const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/**
 * An instant as CAP 1.2 wants it (`2026-12-05T06:27:04-03:00`): the city's wall clock with
 * its numeric offset, whole seconds (the schema's pattern allows no fraction and no `Z`).
 * Also a valid RFC 3339 date for Atom. The offset is read from the zone, never assumed.
 */
export function capTime(iso: string, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const part of formatFor(timeZone).formatToParts(new Date(iso))) p[part.type] = part.value;
  // `GMT-03:00`, or plain `GMT` where the offset is zero.
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName!.slice(3);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

/** An instant as an HTTP date (Last-Modified), whole seconds. */
export const httpDate = (iso: string): string => new Date(iso).toUTCString();
