import path from 'node:path';
import { build, type Plugin } from 'vite';

/** Where this build writes (set once Vite has resolved its config; read by later steps). */
export const output = { dir: path.resolve('dist/client') };

/**
 * Builds Background Sync's code (client/sw-sync.ts) as a classic script of its own, for the
 * service worker's `importScripts`: a hashed file under assets/ (served immutable), written
 * before vite-plugin-pwa lists the release's files, so sw.js finds its name in its manifest.
 */
export function swSyncScript(): Plugin {
  return {
    name: 'sac-sw-sync',
    apply: 'build',
    configResolved(config) {
      output.dir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir: output.dir,
          emptyOutDir: false,
          target: 'es2022',
          sourcemap: true,
          minify: true,
          copyPublicDir: false,
          rollupOptions: {
            input: path.resolve('client/sw-sync.ts'),
            output: { format: 'iife', entryFileNames: 'assets/sw-sync-[hash].js' },
          },
        },
      });
    },
  };
}
