import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { INSTALL_SCREENSHOTS } from './client/install-screenshots.js';
import { precompress } from './vite-precompress.js';
import { coreScreens, markCore } from './client/precache-core.js';
import { output, swSyncScript } from './client/sw-sync-build.js';

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // Everything the first screen needs in one file (lit, the strings, the login), which
      // the page asks for on the connection that brought the shell: a second file costs a
      // new connection, one more round trip on a slow link (client/screens.ts).
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
  plugins: [
    coreScreens(),
    swSyncScript(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      // A new version waits for the person to accept it (client/data/app-update.ts).
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The install sheet's screenshots are for the browser's install dialog, not the app.
        globIgnores: ['icons/generate.mjs', 'screenshots/**'],
        // The install fetches only what a resident needs offline; the rest is kept later.
        manifestTransforms: [markCore(() => output.dir)],
        rollupFormat: 'iife',
      },
      manifest: {
        // The identity of the installed app. "/" is what browsers derived from start_url
        // before there was an id, so apps installed then stay the same app.
        id: '/',
        name: 'SAC — Alerta Comunitaria',
        short_name: 'SAC',
        description: 'Sistema de Alerta Comunitaria',
        lang: 'es-AR',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f5f3',
        theme_color: '#b3261e',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        // A long press on the installed icon: straight to the resident's alert buttons or
        // their alerts (client/views/resident/tab-bar.ts paths).
        shortcuts: [
          {
            name: 'Alerta',
            short_name: 'Alerta',
            description: 'Pedir ayuda ahora',
            url: '/#/',
            icons: [{ src: '/icons/shortcut-alert-96.png', sizes: '96x96', type: 'image/png' }],
          },
          {
            name: 'Mis alertas',
            short_name: 'Mis alertas',
            description: 'Cómo siguen tus alertas',
            url: '/#/alerts',
            icons: [{ src: '/icons/shortcut-mine-96.png', sizes: '96x96', type: 'image/png' }],
          },
        ],
        // The install sheet. Made from the real app by e2e/install-screenshots.spec.ts.
        screenshots: INSTALL_SCREENSHOTS,
      },
    }),
    precompress(),
  ],
});
