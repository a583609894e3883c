import fs from 'node:fs';
import path from 'node:path';
import { percentile, round } from './stats.js';

/**
 * What a durable commit costs on this disk right now: 200 × (write 4 KiB, fdatasync) in the
 * run's directory. The server's every group commit pays one; on a shared machine it varies.
 */
export function fsyncCost(dir: string, n = 200): { p50Ms: number | null; p99Ms: number | null } {
  const file = path.join(dir, 'fsync-probe');
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      fs.writeSync(fd, block, 0, block.length, (i % 16) * block.length);
      const t = performance.now();
      fs.fdatasyncSync(fd);
      times.push(performance.now() - t);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  return { p50Ms: round(percentile(times, 50), 2), p99Ms: round(percentile(times, 99), 2) };
}
