import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface JsBudget {
  files: { file: string; bytes: number; gzBytes: number }[];
  gzKb: number;
}

/**
 * The JavaScript the built app loads before it can run: the entry module scripts and
 * modulepreloads of dist/client/index.html and, transitively, their static imports. Dynamic
 * `import()` chunks and the service worker (sw.js, fetched in the background) are excluded.
 * Sizes are gzip level 9, as a static server or CDN would send them.
 */
export function initialJs(distDir: string): JsBudget {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ];
  const seen = new Set<string>();
  const queue = entries.map((e) => path.join(distDir, e.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !file.endsWith('.js') || path.basename(file) === 'sw.js') continue;
    seen.add(file);
    for (const spec of staticImports(fs.readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/'))
        queue.push(
          spec.startsWith('/') ? path.join(distDir, spec) : path.resolve(path.dirname(file), spec),
        );
    }
  }
  const files = [...seen].map((file) => {
    const body = fs.readFileSync(file);
    return {
      file: path.relative(distDir, file),
      bytes: body.length,
      gzBytes: zlib.gzipSync(body, { level: 9 }).length,
    };
  });
  return { files, gzKb: files.reduce((s, f) => s + f.gzBytes, 0) / 1024 };
}

/** `import x from "./a.js"`, `import "./b.js"`, `export * from "./c.js"`; not `import("./d.js")`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}
