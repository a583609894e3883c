import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { loadConfig } from '../../server/config.js';
import { loadCity } from '../../server/city/city.js';
import type { SirenRef } from './probe-types.js';

/**
 * The bench measures push and sirens when the server offers them and otherwise says exactly
 * what is missing, so the same bench runs against a server built without them.
 */
export type Feature<T> = { ok: true; value: T } | { ok: false; reason: string };

export async function pushFeature(http: string, token: string): Promise<Feature<null>> {
  const res = await fetch(`${http}/api/push/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  await res.body?.cancel();
  if (res.status === 404 || res.status === 405)
    return {
      ok: false,
      reason: `not implemented yet: POST /api/push/subscriptions answers ${res.status}`,
    };
  return { ok: true, value: null };
}

/** The demo devices (DESIGN §9: DATA_DIR/demo-devices.json), each placed in its area. */
export async function sirenFeature(base: string, dataDir: string): Promise<Feature<SirenRef[]>> {
  const file = path.join(dataDir, 'demo-devices.json');
  if (!fs.existsSync(file))
    return { ok: false, reason: 'not implemented yet: no DATA_DIR/demo-devices.json' };
  const city = loadCity(loadConfig({ DEMO: '1', DATA_DIR: dataDir }));
  const areaOf = new Map(city.sirens.map((s) => [s.id, s.areaId]));
  const sirens: SirenRef[] = [];
  for (const entry of entries(JSON.parse(fs.readFileSync(file, 'utf8')))) {
    const id = str(entry.id) ?? str(entry.sirenId) ?? str(entry.deviceId);
    const token = str(entry.token) ?? str(entry.deviceToken);
    const areaId = str(entry.areaId) ?? (id ? areaOf.get(id) : undefined);
    if (id && token && areaId) sirens.push({ id, token, areaId });
  }
  if (!sirens.length) return { ok: false, reason: `no usable devices in ${path.basename(file)}` };
  const probe = await tryDevice(`${base}/devices/ws`, sirens[0]!.token);
  if (probe) return { ok: false, reason: `not implemented yet: /devices/ws ${probe}` };
  return { ok: true, value: sirens };
}

/** Accepts `[…]`, `{devices: […]}` or `{<id>: {token…}}`. */
function entries(json: unknown): Record<string, unknown>[] {
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (Array.isArray(json)) return json.filter(obj);
  if (!obj(json)) return [];
  for (const v of Object.values(json)) if (Array.isArray(v)) return v.filter(obj);
  return Object.entries(json).flatMap(([id, v]) =>
    obj(v) ? [{ id, ...v }] : typeof v === 'string' ? [{ id, token: v }] : [],
  );
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/** null when a device can connect; otherwise what went wrong. */
function tryDevice(url: string, token: string): Promise<string | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    const timer = setTimeout(() => {
      ws.terminate();
      resolve('did not answer in 5 s');
    }, 5000);
    const done = (r: string | null) => {
      clearTimeout(timer);
      resolve(r);
    };
    ws.on('open', () => {
      // Give the server a moment to refuse the token.
      setTimeout(() => {
        const open = ws.readyState === WebSocket.OPEN;
        ws.close();
        done(open ? null : 'closed the connection');
      }, 300);
    });
    ws.on('unexpected-response', (_req, res) => {
      ws.terminate();
      done(`answers HTTP ${res.statusCode}`);
    });
    ws.on('error', (e) => done(`refused the upgrade (${e.message})`));
  });
}
