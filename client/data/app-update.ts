/**
 * New versions of the app, from the page's side. The service worker keeps the resident's
 * app and the signed-in role's screens (client/sw-precache.ts, client/data/warm.ts), and a
 * new one waits (client/sw.ts): an open page keeps running the version it started with,
 * every screen of its role still loads, and nobody is switched to another version in the
 * middle of something. The page says "New version available" and
 * the person chooses when.
 *
 * A screen can still fail to load because its chunk left the server: with no service
 * worker yet (a first visit during a deploy, a browser without one) or after another tab
 * took the new version. Vite reports it as `vite:preloadError`; the page reloads once to
 * fetch the current version, guarded so that a chunk missing for another reason cannot
 * start a reload loop, and says what happened if that did not help.
 */
export type UpdateState =
  /** nothing to do */
  | 'current'
  /** a new version is installed and waits for the person to accept it */
  | 'waiting'
  /** the new version took over (another tab accepted it); this page still runs the old one */
  | 'ready'
  /** part of the app failed to load, and reloading once did not fix it */
  | 'failed';

/** Pages left open for a whole shift (the console) ask for a new version this often… */
const CHECK_EVERY_MS = 30 * 60_000;
/** …and when shown again after at least this long hidden. */
const CHECK_ON_RETURN_MS = 5 * 60_000;
/** A first install that failed is tried again this long after. */
const FIRST_INSTALL_RETRY_MS = 30_000;
const RELOAD_KEY = 'sac.chunk-reload';
/** At most one automatic reload in this long, per tab: never a loop. */
export const RELOAD_GUARD_MS = 10 * 60_000;

/**
 * What to do when a chunk fails to load. Offline, nothing: the screen offers a retry, and a
 * reload without a service worker would show the browser's offline page. While the person
 * writes an alert, or when a reload moments ago did not help: say so, never reload.
 */
export function onChunkFailure(c: {
  online: boolean;
  held: boolean;
  lastReloadAt: number;
  now: number;
}): 'ignore' | 'explain' | 'reload' {
  if (!c.online) return 'ignore';
  if (c.held || c.now - c.lastReloadAt < RELOAD_GUARD_MS) return 'explain';
  return 'reload';
}

class AppUpdate extends EventTarget {
  state: UpdateState = 'current';
  private registration: ServiceWorkerRegistration | null = null;
  /** This page asked the waiting worker to take over, so it reloads when it does. */
  private accepted = false;
  private readonly holds = new Set<object>();
  private readonly screens = new Set<object>();
  private lastCheck = 0;

  /** Something the person is doing that no update may interrupt (an alert being written). */
  get held(): boolean {
    return this.holds.size > 0;
  }

  hold(owner: object, on: boolean): void {
    const before = this.held;
    if (on) this.holds.add(owner);
    else this.holds.delete(owner);
    if (before !== this.held) this.dispatchEvent(new Event('change'));
  }

  /** Handles screens that fail to load. Call once, first thing: a screen may load early. */
  watchChunks(): void {
    addEventListener('vite:preloadError', this.onPreloadError);
  }

  /** Whether a screen says in place that it could not load, so the banner need not. */
  get explainedInPlace(): boolean {
    return this.screens.size > 0;
  }

  explainInPlace(owner: object, on: boolean): void {
    const before = this.explainedInPlace;
    if (on) this.screens.add(owner);
    else this.screens.delete(owner);
    if (before !== this.explainedInPlace) this.dispatchEvent(new Event('change'));
  }

  /** Registers the service worker and watches for new versions. Call once, once drawn. */
  async start(scriptUrl: string): Promise<void> {
    const sw = navigator.serviceWorker;
    // With no worker in control, the first one to take over is the first install (claimed
    // at once, client/sw.ts), not a new version.
    let hadController = sw.controller !== null;
    sw.addEventListener('controllerchange', () => {
      if (hadController) this.tookOver();
      hadController = true;
    });
    const reg = await sw.register(scriptUrl);
    this.registration = reg;
    const watch = (worker: ServiceWorker | null) => {
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') this.noticeWaiting();
        // A first install that failed (the link dropped longer than its retries): try again
        // soon rather than on the next open, since until then the app needs the network.
        if (worker.state === 'redundant' && !reg.active)
          setTimeout(() => void this.check(), FIRST_INSTALL_RETRY_MS);
      });
    };
    watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
    // A version that was already waiting (the page was reloaded, or opened in another tab).
    this.noticeWaiting();
    this.lastCheck = Date.now();
    setInterval(() => void this.check(), CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      if (Date.now() - this.lastCheck > CHECK_ON_RETURN_MS) void this.check();
    });
  }

  /** Asks the server whether there is a new version (a failure, offline, is no news). */
  async check(): Promise<void> {
    this.lastCheck = Date.now();
    await this.registration?.update().catch(() => undefined);
  }

  /** "Update": the waiting version takes over and this page reloads into it. */
  accept(): void {
    const waiting = this.registration?.waiting;
    if (this.state === 'waiting' && waiting) {
      this.accepted = true;
      waiting.postMessage({ type: 'SKIP_WAITING' });
    } else {
      location.reload();
    }
  }

  private noticeWaiting(): void {
    // Installed with no worker in control is a first install, which activates by itself.
    if (this.registration?.waiting && navigator.serviceWorker.controller) this.set('waiting');
  }

  /**
   * The new version controls this page. The page that accepted it reloads; other open tabs
   * follow, unless the person there is writing an alert: that tab keeps running what it
   * has and offers the update when they are done.
   */
  private tookOver(): void {
    if (this.accepted || !this.held) location.reload();
    else this.set('ready');
  }

  private onPreloadError = (): void => {
    const lastReloadAt = Number(sessionStorage.getItem(RELOAD_KEY) ?? 0);
    const action = onChunkFailure({
      online: navigator.onLine,
      held: this.held,
      lastReloadAt,
      now: Date.now(),
    });
    if (action === 'reload') {
      sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
      location.reload();
    } else if (action === 'explain' && this.state === 'current') {
      this.set('failed');
    }
  };

  private set(state: UpdateState): void {
    if (state === this.state) return;
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

export const appUpdate = new AppUpdate();
