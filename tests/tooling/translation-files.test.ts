import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// JSON.parse keeps the last of two equal keys without a word, so a sentence added twice (two branches adding
// the same refusal, say) silently hides one of them. Each object of a translation file names each key once.
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: Set<string>[] = [];
  const path: string[] = [];
  // A small scanner: strings, braces and the key before each colon; enough for the translation files.
  const token = /"(?:[^"\\]|\\.)*"|[{}[\],:]/g;
  let last = '';
  let match: RegExpExecArray | null;
  while ((match = token.exec(text))) {
    const t = match[0];
    if (t === '{') {
      stack.push(new Set());
      path.push(last);
    } else if (t === '}') {
      stack.pop();
      path.pop();
    } else if (t === ':') {
      const keys = stack[stack.length - 1];
      if (keys?.has(last)) found.push([...path.slice(1), last].join('.'));
      keys?.add(last);
    } else if (t.startsWith('"')) last = JSON.parse(t) as string;
  }
  return found;
}

describe('the translation files', () => {
  it.each(['en', 'ko'])('%s.json names each key once in each object', (language) => {
    const text = readFileSync(new URL(`../../assets/i18n/${language}.json`, import.meta.url), 'utf8');
    expect(duplicateKeys(text)).toEqual([]);
  });

  it('the scanner finds a key given twice', () => {
    expect(duplicateKeys('{"a": {"b": "x", "b": "y"}, "c": "z"}')).toEqual(['a.b']);
  });
});
