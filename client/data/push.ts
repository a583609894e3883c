import { call } from './api.js';
import { deviceFacts, iosPushBlocker } from './device.js';

/**
 * Web Push for the page and the service worker (DESIGN §6): permission, the browser's
 * subscription, and telling the server about it. Nothing here runs at import time, so the
 * service worker can import it too.
 */
export type PushStatus =
  | 'unsupported'
  /** iPhone or iPad in the browser: push exists only once SAC is on the Home Screen */
  | 'needs-home-screen'
  /** iPhone or iPad with an iOS older than Web Push */
  | 'needs-ios-update'
  | 'blocked'
  | 'ask'
  | 'enabled';

const LATER_KEY = 'sac.push.later';
/** After "Not now", ask again in a week: a resident may change their mind, but not be nagged. */
const ASK_AGAIN_MS = 7 * 86_400_000;

function supported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in self && 'Notification' in self;
}

/** The app's service worker registration, if there is one (none in `vite dev`). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!supported()) return null;
  return (await navigator.serviceWorker.getRegistration()) ?? null;
}

export async function pushStatus(): Promise<PushStatus> {
  if (!supported()) {
    // Safari on iOS hides PushManager and Notification until SAC runs from the Home Screen:
    // say so, rather than "unsupported", so the person can do something about it.
    const blocker = iosPushBlocker(deviceFacts());
    if (blocker === 'home-screen') return 'needs-home-screen';
    if (blocker === 'old-ios') return 'needs-ios-update';
    return 'unsupported';
  }
  if (!(await registration())) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return Notification.permission === 'granted' ? 'enabled' : 'ask';
}

/** Whether the person put the card off recently ("Not now"), so it stays hidden for now. */
export function putOff(): boolean {
  const later = Number(localStorage.getItem(LATER_KEY) ?? 0);
  return Date.now() - later <= ASK_AGAIN_MS;
}

export function askLater(): void {
  localStorage.setItem(LATER_KEY, String(Date.now()));
}

/**
 * Asks for permission (call from a click: browsers ignore it otherwise) and subscribes.
 * Returns the resulting status.
 */
export async function enablePush(lang: string): Promise<PushStatus> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'blocked' : 'ask';
  await syncPush(lang);
  return 'enabled';
}

/**
 * With permission granted, makes sure this browser is subscribed with the server's current
 * key and that the server has it, bound to this session. Run after every sign-in: the
 * server forgets a subscription when the session that posted it ends.
 */
export async function syncPush(lang: string): Promise<void> {
  if (!(await registration()) || Notification.permission !== 'granted') return;
  // Subscribing needs an active worker: on a first visit it may still be installing (the
  // precache), and "Activar" pressed then would fail.
  const reg = await navigator.serviceWorker.ready;
  const key = await serverKey();
  let sub = await reg.pushManager.getSubscription();
  if (sub && !sameKey(sub.options.applicationServerKey, key)) {
    // The server's keys changed: the old subscription can never be used again.
    await sub.unsubscribe();
    sub = null;
  }
  sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  await postSubscription(sub, lang);
}

export async function postSubscription(sub: PushSubscription, lang: string): Promise<void> {
  await call('POST', '/push/subscriptions', { ...sub.toJSON(), lang: lang === 'en' ? 'en' : 'es' });
}

/** Stops pushes to this browser: on the server first, then the browser's subscription. */
export async function disablePush(): Promise<void> {
  const sub = await (await registration())?.pushManager.getSubscription();
  if (!sub) return;
  await call('DELETE', '/push/subscriptions', { endpoint: sub.endpoint }).catch(() => undefined);
  await sub.unsubscribe();
}

export async function serverKey(): Promise<Uint8Array<ArrayBuffer>> {
  const { publicKey } = await call<{ publicKey: string }>('GET', '/push/key');
  return fromBase64Url(publicKey);
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current) return false;
  const a = new Uint8Array(current);
  return a.length === wanted.length && a.every((b, i) => b === wanted[i]);
}
