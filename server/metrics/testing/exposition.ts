/** One sample line of the Prometheus text format (0.0.4). */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  type: string;
  help: string;
  samples: Sample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * A strict reader of the exposition, as a scraper reads it: every sample belongs to a family
 * declared by `# HELP` and `# TYPE` before it; anything else throws.
 */
export function parseExposition(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  let current: { name: string; family: Family } | null = null;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      const family = families.get(name) ?? { type: '', help: '', samples: [] };
      families.set(name, family);
      if (kind === 'HELP') family.help = rest;
      else family.type = rest;
      current = { name, family };
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const [, name, labelText, value] = m as unknown as [string, string, string | undefined, string];
    if (!current || !name.startsWith(current.name) || !current.family.type)
      throw new Error(`sample outside its family: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (labelText ?? '').matchAll(LABEL)) labels[l[1]!] = l[2]!;
    // Go's ParseFloat, which Prometheus uses, takes NaN in any case (prom-client writes `Nan`).
    const n = /^nan$/i.test(value) ? NaN : /^\+inf$/i.test(value) ? Infinity : Number(value);
    if (Number.isNaN(n) && !/^nan$/i.test(value)) throw new Error(`bad value: ${line}`);
    current.family.samples.push({ name, labels, value: n });
  }
  return families;
}
