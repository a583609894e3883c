import type { Context } from 'hono';
import { Open311Error } from './filing.js';

/**
 * A filing's fields as text: `application/x-www-form-urlencoded` as the standard says,
 * `multipart/form-data` (clients that attach a photo; files are ignored) or a flat JSON
 * object. Anything else is a 415; a body that does not parse is a 400.
 */
export async function readBody(c: Context): Promise<Record<string, string>> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new Open311Error(400, 'The body is not JSON.');
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new Open311Error(400, 'The JSON body must be one object of fields.');
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (typeof v === 'string') out[k] = v;
      else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
      else if (v !== null) throw new Open311Error(400, `${k}: text or a number`);
    }
    return out;
  }
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data')
    throw new Open311Error(415, 'Send the fields as application/x-www-form-urlencoded.');
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new Open311Error(400, 'The form body does not parse.');
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}
