import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Build step (vite.config.ts): marks the precache entries a resident needs to open the app
 * and raise an alert with no network. The service worker's install fetches only those
 * (client/sw-precache.ts); every other file (the other roles' screens, Leaflet, English, the
 * observatory) is kept after sign-in for the role that signed in (client/data/warm.ts).
 *
 * That is the first load (the shell, the entry and what it imports statically: the login and
 * the Spanish strings, client/screens.ts), found by following the built files' own `import`
 * statements from index.html, and the screens a signed-in resident opens on
 * (`CORE_SCREENS`: their chunks and what those import statically, as the bundler wrote them).
 */
export interface CoreEntry {
  url: string;
  revision: string | null;
  size: number;
  /** fetched by the install, before the app counts as working offline */
  core?: true;
}

/** Small files the shell itself uses (the manifest and its home-screen icon). */
const SHELL = ['index.html', 'manifest.webmanifest', 'favicon.svg', 'icons/icon-192.png'];
const IMPORT = /(?:\bimport\s*|\bfrom\s*)["']\.\/([\w.-]+\.js)["']/g;
const HTML_ASSET = /(?:src|href)="\/(assets\/[\w.-]+\.(?:js|css))"/g;

/** Fetched after sign-in, yet part of a resident's offline app: the home and its header. */
export const CORE_SCREENS = ['client/frame.ts', 'client/views/resident/resident-home.ts'];

/** The built files of `CORE_SCREENS`, recorded as the bundle is written (`coreScreens`). */
const screenFiles = new Set<string>();

/**
 * Records which built files `CORE_SCREENS` are (a chunk per dynamic import, named by the
 * bundler) and what each imports statically. The build fails if one has no chunk of its own:
 * a resident's phone would install without its home.
 */
export function coreScreens(): Plugin {
  return {
    name: 'sac-core-screens',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { imports: string[] }>();
      const queue: string[] = [];
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.set(out.fileName, out);
        const id = out.facadeModuleId?.replaceAll('\\', '/') ?? '';
        if (out.isDynamicEntry && CORE_SCREENS.some((s) => id.endsWith(`/${s}`)))
          queue.push(out.fileName);
      }
      if (queue.length !== CORE_SCREENS.length)
        this.error(`core screens: found ${queue.length} chunks for ${CORE_SCREENS.join(', ')}`);
      screenFiles.clear();
      while (queue.length) {
        const file = queue.pop() ?? '';
        if (screenFiles.has(file)) continue;
        screenFiles.add(file);
        queue.push(...(chunks.get(file)?.imports ?? []));
      }
    },
  };
}

export function firstLoad(outDir: string): Set<string> {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const found = new Set<string>(SHELL);
  const queue = [...html.matchAll(HTML_ASSET)].map((m) => m[1] ?? '');
  while (queue.length) {
    const file = queue.pop() ?? '';
    if (!file || found.has(file)) continue;
    found.add(file);
    if (!file.endsWith('.js')) continue;
    const code = fs.readFileSync(path.join(outDir, file), 'utf8');
    for (const m of code.matchAll(IMPORT)) queue.push(`assets/${m[1] ?? ''}`);
  }
  return found;
}

/** A `manifestTransforms` step: one entry per URL, the first load marked `core`. */
export function markCore(outDir: () => string) {
  return (entries: CoreEntry[]) => {
    const core = firstLoad(outDir());
    for (const file of screenFiles) core.add(file);
    const seen = new Set<string>();
    const manifest: CoreEntry[] = [];
    for (const entry of entries) {
      if (seen.has(entry.url)) continue;
      seen.add(entry.url);
      manifest.push(core.has(entry.url) ? { ...entry, core: true } : entry);
    }
    return { manifest, warnings: [] };
  };
}
