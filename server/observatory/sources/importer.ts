import { randomUUID } from 'node:crypto';
import type {
  ImportProvenance,
  ImportRejection,
  ImportedSource,
} from '../../../shared/observatory-evaluation.js';
import type { AreaFeature } from '../../../shared/types.js';
import type { Storage } from '../../storage/storage.js';
import { readCsv, readGeojson } from './formats.js';

export type ImportFormat = ImportedSource['format'];

/**
 * Reads and stores one import: every row checked first, then the source, its records and the
 * audit entry in one transaction, so a file is either all in or not at all. Used by the route
 * and by the demo, which imports its samples as an analyst would.
 */
export function importSource(
  storage: Storage,
  input: {
    provenance: ImportProvenance;
    format: ImportFormat;
    text: string;
    areas: readonly AreaFeature[];
    timeZone: string;
    actorId: string;
    /** printed in the list of imports (`importedBy`): the account's username */
    actorName: string;
    now: Date;
  },
): { ok: true; source: ImportedSource } | { ok: false; rejection: ImportRejection } {
  const ctx = {
    areas: input.areas,
    timeZone: input.timeZone,
    from: input.provenance.from,
    to: input.provenance.to,
  };
  const read = input.format === 'csv' ? readCsv(input.text, ctx) : readGeojson(input.text, ctx);
  if (!read.ok) return read;
  const source: ImportedSource = {
    ...input.provenance,
    id: randomUUID(),
    importedAt: input.now.toISOString(),
    importedBy: input.actorName,
    format: input.format,
    records: read.records.length,
  };
  storage.transaction(() => {
    storage.imports.add(source, read.records);
    storage.audit.add({
      at: source.importedAt,
      actorId: input.actorId,
      action: 'observatory.source.import',
      subject: source.id,
      detail: `${source.format} ${source.kind} ${source.records}`,
    });
  });
  return { ok: true, source };
}

/** The format a file is in: its name's ending, else its first character (`{` is JSON). */
export function formatOf(name: string | undefined, text: string): ImportFormat {
  const lower = (name ?? '').toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
    ? 'geojson'
    : 'csv';
}
