import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../../shared/types.js';

/** The one way a route fails: `{"error":{"code","message"}}` with the right status. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    /** the input the error is about, so a form can mark the right field */
    readonly field?: string,
    /** response headers the status needs (`Retry-After` on a 429) */
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
  }
}

export function errorBody(code: ApiErrorCode, message: string, field?: string): ApiErrorBody {
  return { error: field ? { code, message, field } : { code, message } };
}

/** Shapes every error response; unexpected ones are logged and never leak details. */
export function onError(log: (msg: string, f: Record<string, unknown>) => void) {
  return (err: Error, c: Context): Response => {
    if (err instanceof ApiError) {
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json(errorBody(err.code, err.message, err.field), err.status);
    }
    if (err instanceof HTTPException) {
      const code: ApiErrorCode = err.status === 413 ? 'too_large' : 'bad_request';
      return c.json(errorBody(code, err.message || 'bad request'), err.status);
    }
    log('unhandled error', { path: c.req.path, error: String(err) });
    return c.json(errorBody('internal', 'Something went wrong on the server.'), 500);
  };
}

/** Parses a JSON body against a schema; a user's mistake is a 400 that says what is wrong. */
export async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  // JSON only as JSON: a form or text/plain body is what a cross-site page can send without
  // asking (no CORS preflight), so it never reaches a JSON route.
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'bad_request', 'The request body must be JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join('.') || 'body';
    throw new ApiError(
      400,
      'bad_request',
      `${where}: ${first?.message ?? 'invalid'}`,
      first?.path.length ? where : undefined,
    );
  }
  return parsed.data;
}
