import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { getMimeType } from 'hono/utils/mime';
import { isCompressibleFile } from '../../shared/compressible.js';
import type { Coding } from './negotiate.js';

/** One stored form of a file: the file itself or its precompressed copy. */
export interface Representation {
  coding: Coding;
  file: string;
  size: number;
  /** strong, per coding: a cache never hands brotli bytes to a request that took identity */
  etag: string;
}

export interface StaticFile {
  type: string;
  /** text that is worth compressing: answers vary by Accept-Encoding */
  compressible: boolean;
  lastModified: Date;
  forms: Partial<Record<Coding, Representation>> & { identity: Representation };
}

const SUFFIX: Record<Exclude<Coding, 'identity'>, string> = { br: '.br', gzip: '.gz' };

async function statFile(file: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const st = await fs.stat(file);
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null;
  } catch {
    return null;
  }
}

async function describe(file: string, size: number, mtimeMs: number): Promise<StaticFile> {
  // The content's hash, not its date: two servers (or two builds) with the same bytes agree,
  // and a rebuilt file with new bytes never keeps its old tag.
  const hash = createHash('sha256')
    .update(await fs.readFile(file))
    .digest('base64url')
    .slice(0, 22);
  const compressible = isCompressibleFile(file);
  const forms: StaticFile['forms'] = {
    identity: { coding: 'identity', file, size, etag: `"${hash}"` },
  };
  if (compressible) {
    for (const coding of ['br', 'gzip'] as const) {
      const copy = `${file}${SUFFIX[coding]}`;
      const st = await statFile(copy);
      // A copy older than its file belongs to another build: leave it, send the file.
      if (st && st.size > 0 && st.mtimeMs >= mtimeMs)
        forms[coding] = { coding, file: copy, size: st.size, etag: `"${hash}.${coding}"` };
    }
  }
  return {
    type: getMimeType(file) ?? 'application/octet-stream',
    compressible,
    lastModified: new Date(Math.floor(mtimeMs / 1000) * 1000),
    forms,
  };
}

/**
 * The built client's files, each read and hashed once per version on disk (the first time it
 * is asked for, again only when its size or date changes), never per request. A request
 * costs one stat: a build that replaces dist/ under a running server is served at once.
 */
export class StaticFiles {
  private readonly known = new Map<string, { key: string; file: Promise<StaticFile | null> }>();

  constructor(private readonly root: string) {}

  /** `rel` is a decoded path inside the root ('assets/x.js'); null when there is no such file. */
  async get(rel: string): Promise<StaticFile | null> {
    const file = path.join(this.root, rel);
    if (!file.startsWith(this.root + path.sep)) return null;
    const st = await statFile(file);
    if (!st) return null;
    const key = `${st.size}:${st.mtimeMs}`;
    const cached = this.known.get(file);
    if (cached?.key === key) return cached.file;
    // A file that vanished between stat and read is not here, now or next time.
    const described = describe(file, st.size, st.mtimeMs).catch(() => {
      this.known.delete(file);
      return null;
    });
    this.known.set(file, { key, file: described });
    return described;
  }
}
