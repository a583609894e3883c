import fs from 'node:fs';
import path from 'node:path';

/**
 * Build step (vite.config.ts): marks the precache entries a resident needs to open the app
 * and raise an alert with no network. The service worker's install fetches only those
 * (client/sw-precache.ts); every other file (the other roles' screens, Leaflet, English, the
 * observatory) is kept after sign-in for the role that signed in (client/data/warm.ts).
 *
 * The first load is exactly that: the shell, the entry and what it imports statically (the
 * resident's home, the login and the Spanish strings are in it, client/screens.ts), found by
 * following the built files' own `import` statements from index.html.
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
