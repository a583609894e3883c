import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'vite';

/**
 * A second release of the client, built for real from this source (`vite build`, service
 * worker and all) with one visible difference: `<meta name="sac-build" content="<tag>">`
 * in the shell, and the patrol-plan screen changed so its chunk gets a new name, as any
 * release renames the chunks whose code changed. Takes a few seconds.
 */
export async function buildRelease(outDir: string, tag: string): Promise<void> {
  const release: Plugin = {
    name: 'sac-e2e-release',
    transformIndexHtml: (html) =>
      html.replace('</head>', `<meta name="sac-build" content="${tag}" /></head>`),
    transform(code, id) {
      // A dynamically imported module keeps every export: the chunk's content changes.
      if (id.endsWith('plan-editor.ts')) return `${code}\nexport const release = '${tag}';\n`;
      return null;
    },
  };
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    plugins: [release],
  });
}

/** Replaces what the server serves with another release, old chunks gone, as a deploy does. */
export function deploy(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}
