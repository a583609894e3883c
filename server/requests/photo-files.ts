import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ownerOnlyDir } from '../storage/sqlite/files.js';

/**
 * The bytes of request photos, one file per request under `DATA_DIR/photos`, readable only by
 * the server's own user like the rest of the data directory (0700 folder, 0600 files). Names
 * are request ids the routes have checked to be UUIDs, never anything a client chose freely.
 */
export class PhotoFiles {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'photos');
  }

  private file(requestId: string): string {
    return path.join(this.dir, requestId);
  }

  /**
   * Written to a temporary name, flushed, then renamed: a crash leaves either the whole
   * photo or none under the request's name, never half of one that a later read would serve.
   */
  write(requestId: string, bytes: Uint8Array): void {
    ownerOnlyDir(this.dir);
    const temp = path.join(this.dir, `.${requestId}.${randomUUID()}`);
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, this.file(requestId));
  }

  read(requestId: string): Buffer | null {
    try {
      return fs.readFileSync(this.file(requestId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  remove(requestId: string): void {
    fs.rmSync(this.file(requestId), { force: true });
  }
}
