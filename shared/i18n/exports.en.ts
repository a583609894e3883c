import type { exportsEs } from './exports.es.js';

/** English for exports.es.ts. */
export const exportsEn: Record<keyof typeof exportsEs, string> = {
  'ops.tab.exports': 'Export',
};
