// CloudWatch Logs filter patterns for unstructured log events (METRIC_FILTER_EXPLAIN in
// shared/catalogue/app-logs.ts): terms that must all appear, ?terms of which one must, -terms that must not,
// "quoted phrases" for any of them. Matching is by substring and case-sensitive, as CloudWatch Logs matches terms.

export interface FilterPattern {
  /** False for a JSON, space-delimited or regex pattern: kept, but it matches nothing on the board. */
  supported: boolean;
  all: string[];
  any: string[];
  none: string[];
}

/** Splits a pattern into its terms; quotes group a phrase, a leading ? or - (outside or before the quote) marks it. */
export function parseFilterPattern(text: string): FilterPattern {
  const pattern: FilterPattern = { supported: true, all: [], any: [], none: [] };
  const trimmed = text.trim();
  if (/^[{[%]/.test(trimmed)) return { ...pattern, supported: false };
  const term = /([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (let m = term.exec(trimmed); m !== null; m = term.exec(trimmed)) {
    const word = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
    if (word === '') continue;
    if (m[1] === '?') pattern.any.push(word);
    else if (m[1] === '-') pattern.none.push(word);
    else pattern.all.push(word);
  }
  return pattern;
}

/** Whether a log event's message matches the pattern. */
export function matchesFilter(pattern: FilterPattern, message: string): boolean {
  if (!pattern.supported) return false;
  if (!pattern.all.every((w) => message.includes(w))) return false;
  if (pattern.any.length > 0 && !pattern.any.some((w) => message.includes(w))) return false;
  return !pattern.none.some((w) => message.includes(w));
}
