import fs from 'node:fs';

/**
 * The data directory holds every resident's name, phone and home, the session hashes, the
 * VAPID private key and the sirens' tokens: nobody but the server's own user may read it.
 * Created 0700; an existing one is tightened (an install from before, or a mkdir by hand).
 */
export function ownerOnlyDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700);
}

/**
 * The database file is created 0600 before SQLite opens it: SQLite creates the WAL and the
 * shared-memory file with the database file's permissions, so they follow. Files left by
 * an older install are tightened too.
 */
export function ownerOnlyDatabase(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    if (fs.existsSync(file + suffix)) tighten(file + suffix, 0o600);
}

function tighten(target: string, mode: number): void {
  try {
    if ((fs.statSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
  } catch (error) {
    // Not ours to change (a volume owned by another user): the operator's decision, and
    // not a reason to stay down.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}
