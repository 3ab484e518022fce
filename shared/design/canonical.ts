// JSON with every object's keys in sorted order: the same value gives the same text however it was built
// or stored (PostgreSQL's jsonb, for one, reorders keys). World hashes read designs through this.

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  // Default sort compares UTF-16 code units: no locale involved.
  for (const key of Object.keys(value).sort()) out[key] = sorted((value as Record<string, unknown>)[key]);
  return out;
}
