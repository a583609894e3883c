import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COSTLY_DEFAULTS, openFds } from './process-cheap.js';
import { processRegistry } from './process.js';

describe("the process's series", () => {
  it.runIf(process.platform === 'linux')(
    'counts open descriptors without listing them',
    async () => {
      const extra = Array.from({ length: 20 }, () => fs.openSync('/dev/null', 'r'));
      try {
        // readdirSync opens one descriptor of its own to list the folder.
        const listed = fs.readdirSync('/proc/self/fd').length - 1;
        expect(await openFds()).toBe(listed);
      } finally {
        for (const fd of extra) fs.closeSync(fd);
      }
    },
  );

  it('keeps the descriptor count and leaves out the series that walk every handle', async () => {
    const text = await processRegistry().metrics();
    const names = new Set(
      text
        .split('\n')
        .filter((l) => l.startsWith('# TYPE '))
        .map((l) => l.split(' ')[2]),
    );
    if (process.platform === 'linux') expect(names).toContain('process_open_fds');
    for (const name of COSTLY_DEFAULTS.filter((n) => n !== 'process_open_fds'))
      expect(names).not.toContain(name);
    expect(names).toContain('process_resident_memory_bytes');
    expect(names).toContain('nodejs_heap_size_used_bytes');
    const fds = /^process_open_fds (\d+)$/m.exec(text);
    if (process.platform === 'linux') expect(Number(fds?.[1])).toBeGreaterThan(2);
  });
});
