/**
 * Compiles the server to plain JavaScript in dist/server (`npm run build:server`), so that
 * production runs `node dist/server/server/main.js` without a TypeScript loader: under
 * `node --import tsx` the loader's own thread and its caches held ~60 MB of the server's
 * memory for its whole life, and every start compiled each module again. Type checking is
 * `npm run typecheck`'s job; this only emits (tsconfig.server.json), then copies the plain
 * JavaScript thread entries (*.mjs) beside the modules they load.
 *
 * Then `main.js` becomes one bundle of the server and the packages it imports (esbuild, which
 * tsx and Vite already bring). Loaded module by module, a start opened and linked ~460 ES
 * modules: 0.6 s of CPU and 1.5–3 s on a busy machine before the server could listen, after
 * every restart, and the module records held ~10 MB for the process's life (bench/README.md).
 * The other modules stay for the analysis thread, which loads them itself; better-sqlite3
 * (native) is loaded from node_modules.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

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

const main = path.join(out, 'server', 'main.js');
const bundleDir = path.dirname(main);
/**
 * A file a module finds beside itself (`new URL('./x.mjs', import.meta.url)`: the threads'
 * entries, package.json) is found from the bundle's folder instead: the path is rewritten to
 * go through the module's own folder.
 */
const moduleRelativeUrls = {
  name: 'module-relative-urls',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(out + path.sep)) return undefined;
      const text = await fs.promises.readFile(args.path, 'utf8');
      const from = path.relative(bundleDir, path.dirname(args.path)).split(path.sep).join('/');
      const contents = text.replace(
        /new URL\('(\.{1,2}\/[^']+)', import\.meta\.url\)/g,
        (_all, file) => `new URL('./${path.posix.join(from, file)}', import.meta.url)`,
      );
      return { contents, loader: 'js' };
    });
  },
};
await esbuild.build({
  entryPoints: [main],
  outfile: main,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  plugins: [moduleRelativeUrls],
  // The CommonJS packages inside (ws, web-push, prom-client) require Node's own modules.
  banner: {
    js: "import { createRequire as sacCreateRequire } from 'node:module'; const require = sacCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
