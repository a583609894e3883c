import { ALERT_TYPES } from '../../../shared/catalogue.js';

/**
 * The silent types as an SQL list literal, for queries that must leave silent alerts out (a
 * reporter's history, the per-resident threshold count). Built from the catalogue, whose codes
 * are a closed set of identifiers checked at the edge, never user input. `''` when a city has
 * no silent type, so `type NOT IN ('')` still parses and excludes nothing.
 */
export const SILENT_TYPES: string =
  ALERT_TYPES.filter((t) => t.silent)
    .map((t) => `'${t.code.replace(/'/g, "''")}'`)
    .join(', ') || "''";
