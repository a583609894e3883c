import type { ApiErrorBody, ApiErrorCode, CityInfo, Me, SessionUser } from '../../shared/types.js';

/** A failed API call: the server's code, or `offline` when there was no answer at all. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode | 'offline',
    message: string,
    readonly status = 0,
    /** the input the server says is wrong (`phone`, `username`), when it says */
    readonly field?: string,
    /** on a 429: seconds to wait before trying again (`Retry-After`) */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** One JSON call to `/api`; feature modules of the data layer build on it (client/data/console.ts). */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure('offline', 'No connection');
  }
  if (res.ok) return (await res.json()) as T;
  const err = (await res.json().catch(() => null)) as ApiErrorBody | null;
  const retryAfter = Number(res.headers.get('retry-after'));
  throw new ApiFailure(
    err?.error.code ?? 'internal',
    err?.error.message ?? res.statusText,
    res.status,
    err?.error.field,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

export interface RegisterInput {
  username: string;
  password: string;
  name: string;
  phone: string;
  address: string;
  home: { lat: number; lng: number };
}

/** The typed data layer components call; never `fetch` directly. */
export const api = {
  login: (username: string, password: string) =>
    call<{ token: string; user: SessionUser }>('POST', '/auth/login', { username, password }),
  logout: () => call<{ ok: true }>('POST', '/auth/logout'),
  register: (input: RegisterInput) => call<{ user: Me }>('POST', '/auth/register', input),
  me: () => call<Me>('GET', '/me'),
  /** The resident's profile settings (server/profile). */
  updateProfile: (patch: { showName: boolean }) => call<Me>('PATCH', '/me', patch),
  city: () => call<CityInfo>('GET', '/city'),
};
