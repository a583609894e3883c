/**
 * The path of an upgrade request as sent, without query or fragment; null unless it is an
 * absolute path. Never throws: `new URL('//a:99999/sync/ops', base)` does (a port out of
 * range), and a throw in the server's `upgrade` listener took the whole process down.
 * A path starting `//` is a network-path reference, not one of ours.
 */
export function upgradePath(url: string | undefined): string | null {
  if (url === undefined || !url.startsWith('/') || url.startsWith('//')) return null;
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** A room name from its percent-encoded path segment; null when the encoding is broken. */
export function decodeRoomPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * An error for a log line: its name and the start of its message, never the request's
 * headers or tokens (a JSON.parse message quotes a few bytes of the input, nothing more).
 */
export function errorText(error: unknown): string {
  return error instanceof Error
    ? `${error.name}: ${error.message.slice(0, 160)}`
    : 'non-error thrown';
}
