/**
 * Functions that run inside the pages (passed as functions, never strings: the app's CSP
 * has no 'unsafe-eval'). They stay self-contained with no named inner functions, because
 * the bundler would wrap those in a helper the page does not have. Times are the page's
 * own clock as epoch ms (timeOrigin + now): every page runs on this machine, so the
 * resident's and the operator's clocks compare.
 */

export interface RowWatch {
  /** the custom element whose shadow root holds the rows */
  host: string;
  /** the rows, each carrying its alert id in `data-alert` */
  row: string;
  /** name of the window property the records go to */
  key: string;
}

/** What a watcher recorded: first sight of each id, first time it was no longer `data-state="local"`, most copies at once. */
export interface RowRecords {
  seen: Record<string, number>;
  done: Record<string, number>;
  copies: Record<string, number>;
}

/**
 * Every animation frame, looks for rows in the watched element and records when each id
 * was first drawn (the frame after the DOM change, as the screen shows it), when it stopped
 * being local (the phone's "delivered"), and how many rows ever carried it at once.
 */
export function watchRows(w: RowWatch): void {
  const store = window as unknown as Record<string, RowRecords>;
  if (store[w.key]) return;
  const rec: RowRecords = { seen: {}, done: {}, copies: {} };
  store[w.key] = rec;
  let roots: ShadowRoot[] = [];
  let lastScan = -Infinity;
  const frame = (): void => {
    const now = performance.now();
    if (now - lastScan > 250 || roots.length === 0) {
      lastScan = now;
      roots = [];
      const queue: (Document | ShadowRoot)[] = [document];
      while (queue.length > 0) {
        const root = queue.shift()!;
        for (const el of root.querySelectorAll('*')) {
          if (!el.shadowRoot) continue;
          if (el.localName === w.host) roots.push(el.shadowRoot);
          else queue.push(el.shadowRoot);
        }
      }
    }
    const at = performance.timeOrigin + now;
    const count: Record<string, number> = {};
    for (const root of roots)
      for (const row of root.querySelectorAll(w.row)) {
        const id = row.getAttribute('data-alert');
        if (!id) continue;
        count[id] = (count[id] ?? 0) + 1;
        rec.seen[id] ??= at;
        if (row.getAttribute('data-state') !== 'local') rec.done[id] ??= at;
      }
    for (const [id, n] of Object.entries(count)) rec.copies[id] = Math.max(rec.copies[id] ?? 0, n);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export const readRows = (key: string): RowRecords | null =>
  (window as unknown as Record<string, RowRecords | undefined>)[key] ?? null;

/** Records the page-clock time of every press of the composer's "send now" (the alert press). */
export function watchSendPress(): void {
  const store = window as unknown as Record<string, number[]>;
  store.__slPresses = [];
  document.addEventListener(
    'click',
    (e) => {
      const el = e.composedPath()[0];
      if (el instanceof HTMLElement && el.closest('button.now'))
        store.__slPresses!.push(performance.timeOrigin + performance.now());
    },
    true,
  );
}

/** One WebSocket the page made: its URL, when it was made and when it opened (epoch ms, page clock). */
export interface SocketRecord {
  url: string;
  made: number;
  opened: number | null;
}

/**
 * Records every WebSocket the page makes (the app's rooms, one socket each), so an alert's
 * figures can say whether its room's socket was open when it was pressed, and in which order
 * the rooms connected.
 */
export function watchSockets(): void {
  const store = window as unknown as Record<string, SocketRecord[]>;
  const log: SocketRecord[] = [];
  store.__slSockets = log;
  const Native = window.WebSocket;
  const now = () => performance.timeOrigin + performance.now();
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const entry: SocketRecord = { url: String(url), made: now(), opened: null };
      log.push(entry);
      this.addEventListener('open', () => (entry.opened = now()), { once: true });
    }
  };
}

export const sockets = (): SocketRecord[] =>
  (window as unknown as Record<string, SocketRecord[] | undefined>).__slSockets ?? [];

export const presses = (): number[] =>
  (window as unknown as Record<string, number[] | undefined>).__slPresses ?? [];

/**
 * The login form usable: user name, password and the submit button visible and enabled.
 * Records when it first held (epoch ms, page clock).
 */
export function loginUsable(): boolean {
  const store = window as unknown as Record<string, number | undefined>;
  if (store.__slLogin !== undefined) return true;
  const roots: (Document | ShadowRoot)[] = [document];
  let form: ShadowRoot | null = null;
  while (roots.length > 0 && form === null) {
    const root = roots.shift()!;
    const login = root.querySelector('sac-login');
    if (login?.shadowRoot) form = login.shadowRoot;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  if (!form) return false;
  const fields = [...form.querySelectorAll('input, button[type="submit"]')] as HTMLInputElement[];
  const ok =
    fields.length >= 3 && fields.every((f) => !f.disabled && f.getBoundingClientRect().height > 0);
  if (ok) store.__slLogin = performance.timeOrigin + performance.now();
  return ok;
}

/** The composer's alert buttons visible and enabled; records the time since navigation. */
export function alertButtons(): boolean {
  const store = window as unknown as Record<string, number | undefined>;
  const roots: (Document | ShadowRoot)[] = [document];
  let composer: Element | null = null;
  while (roots.length > 0 && composer === null) {
    const root = roots.shift()!;
    composer = root.querySelector('sac-alert-composer');
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  const buttons = composer?.shadowRoot ? [...composer.shadowRoot.querySelectorAll('button')] : [];
  const ok =
    buttons.length > 0 && buttons.every((b) => !b.disabled && b.getBoundingClientRect().height > 0);
  if (ok) store.__slButtons ??= performance.timeOrigin + performance.now();
  return ok;
}

/**
 * Resolves when a service worker is active and controls this page (from then on the app
 * opens offline), with the page clock's time then (epoch ms).
 */
export async function controlledAt(): Promise<number> {
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller === null)
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  return performance.timeOrigin + performance.now();
}

export const pageMark = (name: string): number | null =>
  (window as unknown as Record<string, number | undefined>)[name] ?? null;

/** When this document's navigation started (epoch ms). */
export const navigationStart = (): number => performance.timeOrigin;

/**
 * The bundler names inner functions through a `__name` helper; these functions run in pages
 * that lack it, so every page gets a no-op one before its own scripts (an init script, which
 * the app's CSP does not govern).
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';
