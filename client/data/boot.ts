import type { CityInfo, Me } from '../../shared/types.js';
import { ApiFailure } from './api.js';

/**
 * Who is here and which city, for the first screen. The phone draws at once from what it
 * holds (the last known user and city) and asks the server behind it: a network round trip
 * between the icon and the alert buttons is a minute of "Cargando…" on a link that drops
 * every packet while the phone still says it is online. Only what the phone cannot draw
 * without (a first visit's city) waits for the network, and never forever.
 */
export interface BootSource {
  cachedMe(): Me | null;
  cachedCity(): CityInfo | null;
  fetchMe(): Promise<Me>;
  fetchCity(): Promise<CityInfo>;
  keepMe(me: Me | null): void;
  keepCity(city: CityInfo): void;
}

export interface BootView {
  me: Me | null;
  city: CityInfo | null;
  /** Nothing on the phone to draw, and the server did not answer in time: offer a retry. */
  unreachable: boolean;
}

export interface BootOptions {
  /** How long one attempt may take before it counts as no answer (a stalled connection). */
  timeoutMs: number;
  /** Waits between attempts while the server does not answer; the last one repeats. */
  retryMs: number[];
}

export const BOOT_OPTIONS: BootOptions = {
  timeoutMs: 12_000,
  retryMs: [3_000, 10_000, 30_000, 60_000],
};

/** Whether the phone holds enough to draw: the login needs nothing, a signed-in home the city. */
export function drawable(view: Pick<BootView, 'me' | 'city'>): boolean {
  return view.me === null || view.city !== null;
}

/** A promise that gives up after `ms` as if there were no network (the fetch goes on). */
export function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ApiFailure('offline', 'No answer in time')), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** A refusal of the session itself: the person is signed out, as on any 401. */
const refused = (error: unknown) =>
  error instanceof ApiFailure && (error.status === 401 || error.status === 403);

export interface BootSession {
  /** Ask the server now (the retry button, the browser coming back online, a sign-in). */
  retry(): void;
  stop(): void;
}

/**
 * Shows what the phone holds at once (if it can be drawn) and then the server's answer.
 * While the server does not answer, it asks again with growing waits until it does: a
 * session revoked meanwhile still ends on the first answer (a 401 or 403 from `/api/me`).
 */
export function startBoot(
  src: BootSource,
  show: (view: BootView) => void,
  options: BootOptions = BOOT_OPTIONS,
): BootSession {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let stopped = false;
  let answered = false;

  const held = (): BootView => ({ me: src.cachedMe(), city: src.cachedCity(), unreachable: false });

  const schedule = () => {
    const wait = options.retryMs[Math.min(failures - 1, options.retryMs.length - 1)] ?? 60_000;
    timer = setTimeout(ask, wait);
  };

  async function ask(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const mine = ++attempt;
    // Only someone who signed in on this browser can have a session: asking for anyone else
    // only earns a 401, which the browser logs as an error on the login screen.
    const known = src.cachedMe();
    const cityCall = within(options.timeoutMs, src.fetchCity());
    const meCall = known ? within(options.timeoutMs, src.fetchMe()) : Promise.resolve(null);
    const [city, me] = await Promise.allSettled([cityCall, meCall]);
    if (stopped || mine !== attempt) return;
    if (city.status === 'fulfilled') src.keepCity(city.value);
    if (me.status === 'fulfilled' && me.value) src.keepMe(me.value);
    if (me.status === 'rejected' && refused(me.reason)) src.keepMe(null);
    const whole =
      city.status === 'fulfilled' && (me.status === 'fulfilled' || refused(me.reason));
    const view = held();
    if (whole) {
      answered = true;
      show(view);
      return;
    }
    failures++;
    // A signed-out phone with no city can still draw the login; anyone else waits, and says so.
    show({ ...view, unreachable: !drawable(view) });
    schedule();
  }

  const first = held();
  if (drawable(first)) show(first);
  void ask();
  return {
    retry: () => {
      if (stopped) return;
      // After an answer, asking again is only for what changed since (a sign-in's city).
      if (answered && drawable(held())) return;
      answered = false;
      void ask();
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/**
 * Whether a refreshed city or person is the one already shown: keeping the object spares
 * every screen a re-render (a map, an open alert) when the answer behind the draw is the same.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
