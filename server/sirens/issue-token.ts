import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { loadCity } from '../city/city.js';
import { openSqlite } from '../storage/sqlite/index.js';
import { hashDeviceToken, newDeviceToken } from './tokens.js';

/**
 * `node --import tsx server/sirens/issue-token.ts <sirenId>` (with the server's DATA_DIR):
 * issues a siren central unit's device token, or rotates it, and prints it once. Only its
 * hash is stored, so a lost token is replaced, never recovered. Safe while the server runs
 * (SQLite WAL); the unit's open connection lasts until it reconnects.
 */
const { positionals } = parseArgs({ allowPositionals: true });
const sirenId = positionals[0];
const config = loadConfig();
const siren = loadCity(config).sirens.find((s) => s.id === sirenId);
if (!siren) {
  console.error(
    `usage: issue-token <sirenId>   (no siren ${sirenId ?? ''} in the city of ${config.dataDir})`,
  );
  process.exit(2);
}
const storage = openSqlite(config.dataDir);
const token = newDeviceToken();
storage.devices.upsert({
  id: siren.id,
  areaId: siren.areaId,
  tokenHash: hashDeviceToken(token),
  createdAt: new Date().toISOString(),
});
await storage.close();
console.log(token);
