import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';
import { isCompressibleFile } from './shared/compressible.js';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** Writes `<file>.br` and `<file>.gz` beside one file, each only if it is smaller. */
async function compressOne(file: string): Promise<void> {
  const bytes = await fs.readFile(file);
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  // A copy no smaller than the file is left out: the server then sends the file itself.
  for (const [copy, suffix] of [
    [br, '.br'],
    [gz, '.gz'],
  ] as const) {
    if (copy.length < bytes.length) await fs.writeFile(file + suffix, copy);
    else await fs.rm(file + suffix, { force: true });
  }
}

/** Precompresses every text file of a built folder (source maps apart: people never fetch them). */
export async function precompressDir(dir: string): Promise<number> {
  const todo: string[] = [];
  for await (const file of walk(dir))
    if (isCompressibleFile(file) && !file.endsWith('.map')) todo.push(file);
  // Two at a time: brotli at its top quality is CPU-bound and the build machine is small.
  const queue = [...todo];
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift())
      await compressOne(file);
  };
  await Promise.all([worker(), worker()]);
  return todo.length;
}

/**
 * Brotli and gzip copies of the built client, made once at build time so the server never
 * compresses a static file per request (server/http/static.ts serves them by
 * Accept-Encoding). Runs after every other plugin's closeBundle, so the service worker that
 * vite-plugin-pwa writes there is included.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'sac-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const count = await precompressDir(outDir);
        console.log(`precompressed ${count} files (brotli, gzip) in ${outDir}`);
      },
    },
  };
}
