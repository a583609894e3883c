type Schema = Record<string, unknown>;

const typeOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number' && Number.isInteger(v)
        ? 'integer'
        : typeof v;

/**
 * Whether `value` conforms to a JSON Schema, for the keywords the document's schemas use
 * (type, enum, const, bounds, pattern, properties, required, additionalProperties, items,
 * anyOf/oneOf/allOf). For tests: a sample is judged by the document, then sent to the route.
 */
export function conforms(schema: Schema, value: unknown): boolean {
  const s = schema;
  const t = typeOf(value);
  if (typeof s.type === 'string' && s.type !== t && !(s.type === 'number' && t === 'integer'))
    return false;
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return false;
  if ('const' in s && s.const !== value) return false;
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) return false;
    if (typeof s.maximum === 'number' && value > s.maximum) return false;
  }
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) return false;
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) return false;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return false;
  }
  if (Array.isArray(value) && s.items) return value.every((v) => conforms(s.items as Schema, v));
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    if (Array.isArray(s.required) && s.required.some((k: string) => !(k in obj))) return false;
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) {
        if (!conforms(props[k], v)) return false;
      } else if (s.additionalProperties === false) return false;
    }
  }
  const all = (k: string) => (Array.isArray(s[k]) ? (s[k] as Schema[]) : null);
  if (all('allOf')?.some((x) => !conforms(x, value))) return false;
  if (all('anyOf') && !all('anyOf')!.some((x) => conforms(x, value))) return false;
  if (all('oneOf') && all('oneOf')!.filter((x) => conforms(x, value)).length !== 1) return false;
  return true;
}
