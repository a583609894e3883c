/**
 * Compiles the server to plain JavaScript in dist/server (`npm run build:server`), so that
 * production runs `node dist/server/server/main.js` without a TypeScript loader: under
 * `node --import tsx` the loader's own thread and its caches held ~60 MB of the server's
 * memory for its whole life, and every start compiled each module again. Type checking is
 * `npm run typecheck`'s job; this only emits (tsconfig.server.json), then copies the plain
 * JavaScript thread entries (*.mjs) beside the modules they load.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'server');
fs.rmSync(out, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const dir of ['server', 'sync', 'shared']) {
  for (const file of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.mjs')) continue;
    fs.mkdirSync(path.dirname(path.join(out, dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, dir, file), path.join(out, dir, file));
  }
}
// ESM, and the version the OpenAPI document reports (read relative to the modules).
fs.copyFileSync(path.join(root, 'package.json'), path.join(out, 'package.json'));
