import fs from 'node:fs';
import path from 'node:path';
import type { Storage } from '../storage/storage.js';
import type { SirenInfo } from '../city/city.js';
import { hashDeviceToken, newDeviceToken } from './tokens.js';

export const DEMO_DEVICES_FILE = 'demo-devices.json';

export interface DemoDevice {
  id: string;
  areaId: string;
  token: string;
}

/**
 * Issues one device token per siren of the demo city (DESIGN §9) when none exist yet, and
 * writes the clear tokens to `DATA_DIR/demo-devices.json` for `npm run siren:sim` — the only
 * place they ever exist, since the database keeps their hashes. Owner-only, like a key file.
 */
export function seedDemoDevices(
  storage: Storage,
  sirens: readonly SirenInfo[],
  dataDir: string,
): DemoDevice[] {
  if (storage.devices.count() > 0) return [];
  const createdAt = new Date().toISOString();
  const devices = sirens.map((s) => ({ id: s.id, areaId: s.areaId, token: newDeviceToken() }));
  storage.transaction(() => {
    for (const d of devices)
      storage.devices.upsert({
        id: d.id,
        areaId: d.areaId,
        tokenHash: hashDeviceToken(d.token),
        createdAt,
      });
  });
  const file = path.join(dataDir, DEMO_DEVICES_FILE);
  fs.writeFileSync(file, JSON.stringify(devices, null, 2) + '\n', { mode: 0o600 });
  fs.chmodSync(file, 0o600); // `mode` applies only when the file is created
  return devices;
}

export function readDemoDevices(dataDir: string): DemoDevice[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dataDir, DEMO_DEVICES_FILE), 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${DEMO_DEVICES_FILE}: expected an array`);
  return raw.filter(
    (d): d is DemoDevice =>
      typeof d === 'object' &&
      d !== null &&
      typeof d.id === 'string' &&
      typeof d.areaId === 'string' &&
      typeof d.token === 'string',
  );
}
