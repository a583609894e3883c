import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  NAME_SHIM,
  alertButtons,
  controlledAt,
  loginUsable,
  navigationStart,
  pageMark,
  presses,
  readRows,
  sockets,
  watchRows,
  watchSendPress,
  watchSockets,
  type SocketRecord,
} from './in-page.js';
import type { SlowLink } from './netns.js';
import { sleep } from '../stats.js';
import { DEMO_PASSWORD } from '../../../shared/demo-city.js';

/** Near vecino1's home in Godoy Cruz: the composer needs a fix to place the alert. */
const HOME = { latitude: -32.912, longitude: -68.872 };
export const PHONE_ROWS = { host: 'sac-alert-list', row: 'li[data-alert]', key: '__slPhone' };
export const OPS_ROWS = { host: 'sac-alert-queue', row: 'tr[data-alert]', key: '__slOps' };

export interface FirstVisit {
  /** navigation start → login form usable, ms (null: not within the cap) */
  loginMs: number | null;
  /** navigation start → service worker active and controlling, ms (null: not within the cap) */
  swReadyMs: number | null;
  /** IP bytes the link carried toward the phone from navigation until the worker controlled the page */
  bytes: number;
  /** and from the phone (requests, acknowledgements) */
  bytesUp: number;
}

export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    permissions: ['geolocation'],
    geolocation: HOME,
  });
  await ctx.addInitScript({ content: NAME_SHIM });
  await ctx.addInitScript(watchSendPress);
  await ctx.addInitScript(watchSockets);
  await ctx.addInitScript(watchRows, PHONE_ROWS);
  return ctx;
}

const linkBytes = async (link: SlowLink): Promise<[number, number]> => {
  const s = await link.stats();
  return [s.down.deliveredBytes, s.up.deliveredBytes];
};

/**
 * A resident's first visit on a fresh phone: open the app, sign in as soon as the form is
 * usable (as a resident in a hurry would), and wait for the service worker to control the
 * page. Everything is bounded by `capMs` from the navigation.
 */
export async function firstVisit(
  page: Page,
  link: SlowLink,
  url: string,
  username: string,
  capMs: number,
): Promise<FirstVisit> {
  const end = Date.now() + capMs;
  const left = () => Math.max(1, end - Date.now());
  const before = await linkBytes(link);
  const out: FirstVisit = { loginMs: null, swReadyMs: null, bytes: 0, bytesUp: 0 };
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: left() });
    const start = await page.evaluate(navigationStart);
    const since = async (mark: string) => {
      const at = await page.evaluate(pageMark, mark);
      return at === null ? null : Math.round(at - start);
    };
    await page.waitForFunction(loginUsable, undefined, { polling: 'raf', timeout: left() });
    out.loginMs = await since('__slLogin');
    await page.getByLabel(/usuario|username/i).fill(username, { timeout: left() });
    await page.getByLabel(/contraseña|password/i).fill(DEMO_PASSWORD, { timeout: left() });
    await page.getByRole('button', { name: /ingresar|log in/i }).click({ timeout: left() });
    const at = await untilControlled(page, end);
    out.swReadyMs = at === null ? null : Math.round(at - start);
  } catch (e) {
    if (!(e instanceof Error && e.name === 'TimeoutError')) throw e;
  }
  const after = await linkBytes(link);
  out.bytes = after[0] - before[0];
  out.bytesUp = after[1] - before[1];
  return out;
}

/**
 * Waits until the worker controls the page (at most until `end`), through any navigation
 * the sign-in makes; returns the page-clock time it did, or null.
 */
export async function untilControlled(page: Page, end: number): Promise<number | null> {
  while (Date.now() < end) {
    const at = await Promise.race([
      page.evaluate(controlledAt).catch(() => undefined),
      sleep(end - Date.now()).then(() => null),
    ]);
    if (at !== undefined) return at;
    await sleep(100);
  }
  return null;
}

/** Opens the app again in a phone whose worker is in control: navigation → alert buttons usable. */
export async function repeatVisit(page: Page, url: string, capMs: number): Promise<number | null> {
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: capMs });
    const start = await page.evaluate(navigationStart);
    await page.waitForFunction(alertButtons, undefined, { polling: 'raf', timeout: capMs });
    const at = await page.evaluate(pageMark, '__slButtons');
    return at === null ? null : Math.round(at - start);
  } catch (e) {
    if (e instanceof Error && e.name === 'TimeoutError') return null;
    throw e;
  }
}

export interface AlertTiming {
  id: string | null;
  pressAt: number;
  /** press → the operator's row drawn, ms */
  toOpsMs: number | null;
  /** press → "delivered" drawn on the phone, ms */
  deliveredMs: number | null;
  /**
   * The phone's sockets of this page, ms from the press (negative: before it): the resident's
   * own room (`user:`) and the neighbourhood's (`area:`), made and opened; null if never.
   */
  sockets: { room: string; madeMs: number; openedMs: number | null }[];
}

/** Presses an alert (type button, then "send now" in the cancel window) and returns the new card's id. */
export async function pressAlert(phone: Page): Promise<{ id: string | null; pressAt: number }> {
  const known = new Set(Object.keys((await phone.evaluate(readRows, PHONE_ROWS.key))?.seen ?? {}));
  const count = (await phone.evaluate(presses)).length;
  await phone.locator('sac-alert-composer button[data-type="general"]').click();
  await phone.locator('sac-alert-composer button.now').click();
  let id: string | null = null;
  let pressAt = Date.now();
  for (let i = 0; i < 100 && id === null; i++) {
    const all = await phone.evaluate(presses);
    pressAt = all[count] ?? pressAt;
    const seen = (await phone.evaluate(readRows, PHONE_ROWS.key))?.seen ?? {};
    id = Object.keys(seen).find((k) => !known.has(k)) ?? null;
    if (id === null) await phone.waitForTimeout(50);
  }
  return { id, pressAt };
}

/** Waits until `done` holds of the two pages' records, polling, at most `capMs`. */
export async function untilRecorded(
  phone: Page,
  ops: Page,
  done: (p: ReturnType<typeof readRows>, o: ReturnType<typeof readRows>) => boolean,
  capMs: number,
): Promise<void> {
  const end = Date.now() + capMs;
  while (Date.now() < end) {
    const p = await phone.evaluate(readRows, PHONE_ROWS.key).catch(() => null);
    const o = await ops.evaluate(readRows, OPS_ROWS.key);
    if (done(p, o)) return;
    await ops.waitForTimeout(100);
  }
}

/** One alert on a settled link: press → operator's row, and → "delivered" on the phone. */
export async function alertRound(phone: Page, ops: Page, capMs: number): Promise<AlertTiming> {
  const { id, pressAt } = await pressAlert(phone);
  if (id === null) return { id, pressAt, toOpsMs: null, deliveredMs: null, sockets: [] };
  await untilRecorded(phone, ops, (p, o) => !!p?.done[id] && !!o?.seen[id], capMs);
  const p = await phone.evaluate(readRows, PHONE_ROWS.key);
  const o = await ops.evaluate(readRows, OPS_ROWS.key);
  const since = (t: number | undefined) => (t === undefined ? null : Math.round(t - pressAt));
  const made = await phone.evaluate(sockets).catch((): SocketRecord[] => []);
  return {
    id,
    pressAt,
    toOpsMs: since(o?.seen[id]),
    deliveredMs: since(p?.done[id]),
    sockets: made.map((s) => ({
      room: decodeURIComponent(s.url.split('/').pop() ?? '').replace(/:.*/, ':'),
      madeMs: Math.round(s.made - pressAt),
      openedMs: since(s.opened ?? undefined),
    })),
  };
}
