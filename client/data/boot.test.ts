import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CityInfo, Me } from '../../shared/types.js';
import { ApiFailure } from './api.js';
import { sameValue, startBoot, type BootSource, type BootView } from './boot.js';

const me = { id: 'u1', role: 'citizen', name: 'Vecina' } as unknown as Me;
const city = { name: 'Mendoza' } as unknown as CityInfo;
const newCity = { name: 'Mendoza (nueva)' } as unknown as CityInfo;
const OPTIONS = { timeoutMs: 1_000, retryMs: [2_000, 5_000] };
const never = <T>() => new Promise<T>(() => undefined);

/** A phone's store and a server whose answers each test decides. */
function phone(held: { me: Me | null; city: CityInfo | null }) {
  const store = { ...held };
  const calls = { me: 0, city: 0 };
  const answers: {
    me: () => Promise<Me>;
    city: () => Promise<CityInfo>;
  } = { me: never, city: never };
  const src: BootSource = {
    cachedMe: () => store.me,
    cachedCity: () => store.city,
    fetchMe: () => (calls.me++, answers.me()),
    fetchCity: () => (calls.city++, answers.city()),
    keepMe: (m) => (store.me = m),
    keepCity: (c) => (store.city = c),
  };
  const shown: BootView[] = [];
  return { src, store, calls, answers, shown, show: (v: BootView) => shown.push(v) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startBoot', () => {
  it('draws a signed-in phone from what it holds, before any answer', () => {
    const p = phone({ me, city });
    startBoot(p.src, p.show, OPTIONS);
    // Synchronously, with the network hung: the home, never "Cargando…".
    expect(p.shown).toEqual([{ me, city, unreachable: false }]);
    expect(p.calls).toEqual({ me: 1, city: 1 });
  });

  it('keeps the person signed in while the link is dead, and asks again with growing waits', async () => {
    const p = phone({ me, city });
    startBoot(p.src, p.show, OPTIONS);
    await vi.advanceTimersByTimeAsync(1_000); // the first attempt times out
    expect(p.shown.at(-1)).toEqual({ me, city, unreachable: false });
    expect(p.calls.city).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(p.calls.city).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000 + 5_000);
    expect(p.calls.city).toBe(3);
    await vi.advanceTimersByTimeAsync(1_000 + 5_000); // the last wait repeats
    expect(p.calls.city).toBe(4);
    expect(p.store.me).toEqual(me);
  });

  it('signs the person out when the server answers 401 later (a revoked session ends)', async () => {
    const p = phone({ me, city });
    p.answers.city = () => Promise.resolve(city);
    p.answers.me = () => Promise.reject(new ApiFailure('unauthenticated', 'no', 401));
    startBoot(p.src, p.show, OPTIONS);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.shown).toEqual([
      { me, city, unreachable: false },
      { me: null, city, unreachable: false },
    ]);
    expect(p.store.me).toBeNull();
  });

  it('signs out on a 401 that comes only once the link is back', async () => {
    const p = phone({ me, city });
    startBoot(p.src, p.show, OPTIONS);
    await vi.advanceTimersByTimeAsync(1_000);
    p.answers.city = () => Promise.resolve(city);
    p.answers.me = () => Promise.reject(new ApiFailure('account_suspended', 'suspended', 403));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(p.shown.at(-1)).toEqual({ me: null, city, unreachable: false });
  });

  it('shows a changed city and user once the server answers, and stops asking', async () => {
    const p = phone({ me, city });
    const renamed = { ...me, name: 'Vecina Pérez' } as Me;
    p.answers.city = () => Promise.resolve(newCity);
    p.answers.me = () => Promise.resolve(renamed);
    startBoot(p.src, p.show, OPTIONS);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.shown.at(-1)).toEqual({ me: renamed, city: newCity, unreachable: false });
    expect(p.store.city).toEqual(newCity);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(p.calls).toEqual({ me: 1, city: 1 });
  });

  it('never asks for the session of a phone where nobody signed in, and draws the login at once', async () => {
    const p = phone({ me: null, city: null });
    p.answers.city = () => Promise.resolve(city);
    startBoot(p.src, p.show, OPTIONS);
    expect(p.shown).toEqual([{ me: null, city: null, unreachable: false }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.calls.me).toBe(0);
    expect(p.shown.at(-1)).toEqual({ me: null, city, unreachable: false });
  });

  it('a signed-in phone with no city waits, says so after the timeout, and retries on request', async () => {
    const p = phone({ me, city: null });
    const session = startBoot(p.src, p.show, OPTIONS);
    expect(p.shown).toEqual([]); // nothing to draw: the app shows "Cargando…"
    await vi.advanceTimersByTimeAsync(1_000);
    expect(p.shown).toEqual([{ me, city: null, unreachable: true }]);
    p.answers.city = () => Promise.resolve(city);
    p.answers.me = () => Promise.resolve(me);
    session.retry(); // the button, before the automatic retry
    await vi.advanceTimersByTimeAsync(0);
    expect(p.shown.at(-1)).toEqual({ me, city, unreachable: false });
    expect(p.calls.city).toBe(2);
    // The automatic retry that was due is cancelled: one answer is enough.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.calls.city).toBe(2);
  });

  it('after a sign-in with no city on the phone, asks for it again', async () => {
    const p = phone({ me: null, city: null });
    const session = startBoot(p.src, p.show, OPTIONS);
    await vi.advanceTimersByTimeAsync(1_000); // the city never came
    expect(p.shown.at(-1)).toEqual({ me: null, city: null, unreachable: false });
    p.store.me = me; // signIn keeps the user
    p.answers.city = () => Promise.resolve(city);
    p.answers.me = () => Promise.resolve(me);
    session.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.shown.at(-1)).toEqual({ me, city, unreachable: false });
  });

  it('a server error is not a sign-out: it keeps the session and asks again', async () => {
    const p = phone({ me, city });
    p.answers.city = () => Promise.resolve(city);
    p.answers.me = () => Promise.reject(new ApiFailure('internal', 'boom', 500));
    startBoot(p.src, p.show, OPTIONS);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.store.me).toEqual(me);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(p.calls.me).toBe(2);
  });
});

describe('sameValue', () => {
  it('keeps a refreshed answer that says the same, and takes one that differs', () => {
    const me = { id: 'u1', role: 'resident', name: 'Ana' };
    expect(sameValue(me, { ...me })).toBe(true);
    expect(sameValue(me, { ...me, name: 'Ana María' })).toBe(false);
    expect(sameValue(null, me)).toBe(false);
    expect(sameValue(null, null)).toBe(true);
  });
});
