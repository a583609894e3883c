import type { DataSource } from '../../../shared/observatory.js';
import type { ReportSources } from '../../../shared/observatory-evaluation.js';
import type { ReportPrivacy, ReportSource } from '../../../shared/observatory-reports.js';
import { MIN_ANSWERS } from '../evaluation/wilson.js';
import type { Services } from '../../services.js';

/**
 * The colophon's sources: every source a figure of the report counted, and the imported
 * sources with their provenance (an analyst reads where each number came from).
 */
export function reportSources(s: Services, metas: { sources: ReportSource[] }[]): ReportSources {
  const sources = new Set<DataSource>();
  // Request counts name their own source in their meta line; the list is of incident sources.
  for (const m of metas)
    for (const source of m.sources) if (source !== 'requests') sources.add(source);
  return { sources: [...sources].sort(), imported: s.storage.imports.list() };
}

/** The thresholds the colophon states. */
export function reportPrivacy(s: Services): ReportPrivacy {
  return { minCellCount: s.city.observatory.minCellCount, minAnswers: MIN_ANSWERS };
}
