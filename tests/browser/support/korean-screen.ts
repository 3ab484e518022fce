// What a Korean screen must not show, measured in the page: an English sentence (Latin words outside names, codes
// and AWS terms) and text wrapped to one character per line or cut inside a Korean word or a time.
import type { Page } from 'playwright-core';
import { AWS_TERMS } from '../../support/aws-terms.ts';

export interface ScreenProblems {
  english: string[];
  wrapped: string[];
}

/** Runs in the page: self-contained (no closures), its inputs are arguments. */
function scan([allowedList, extraNames]: [string[], string[]]): ScreenProblems {
  const english: string[] = [];
  const wrapped: string[] = [];
  const allowed = new Set(allowedList);
  // Names the board gives (stacks, logical ids, nicknames, IAM names) are shown as they are in every language.
  const names = new Set(extraNames);
  const fiveNines = (window as unknown as { fiveNines?: { view?: { current?: { match?: Record<string, unknown> } } } }).fiveNines;
  const match = fiveNines?.view?.current?.match as
    | { board?: { resources?: { ref: string }[]; stacks?: { name: string }[] }; players?: { nickname: string }[]; account?: unknown }
    | undefined;
  for (const r of match?.board?.resources ?? []) for (const part of r.ref.split('/')) names.add(part);
  for (const s of match?.board?.stacks ?? []) names.add(s.name);
  for (const p of match?.players ?? []) for (const part of p.nickname.split(/\s+/)) names.add(part);
  // Every one-word string of the account and the board (IAM users and groups, policies, topics, log groups…), not
  // the timeline's (its values are said in the player's language, and English there is what this looks for).
  const collect = (value: unknown) => JSON.stringify(value ?? {}, (k, v: unknown) => (k === 'timeline' || k === 'inbox' ? undefined : (typeof v === 'string' && /^[A-Za-z][\w.-]*$/.test(v) && names.add(v), v)));
  collect(match?.account);
  collect(match?.board);
  const directory = (match as { directory?: unknown } | undefined)?.directory;
  if (typeof directory === 'string') collect(JSON.parse(directory));

  const where = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
  /** Words that are names or code: digits, separators, inner capitals, all capitals. */
  const isCode = (chunk: string) => /[0-9/:_=@.<>\\$#{}[\]*-]/.test(chunk.replace(/[.,;:!?)]+$/, '')) || /[a-z][A-Z]/.test(chunk) || /^[^a-z]*$/.test(chunk);
  const range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!text.trim()) continue;
    const el = node.parentElement;
    if (!el || el.closest('script, style, textarea, code, pre, kbd, .mono, .language-switch, [aria-hidden="true"]')) continue;
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;

    // English: a parenthesis may give AWS's own word ("(ALL_UPFRONT)", "(stateful)"); what is left is checked.
    const outside = text.replace(/\([^()]*\)/g, ' ');
    const words = outside
      .split(/[\s,;·|→←]+/)
      .filter((chunk) => /[A-Za-z]/.test(chunk) && !isCode(chunk))
      .map((chunk) => chunk.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '').replace(/[가-힣].*$/, ''))
      .filter((w) => w.length > 0 && !allowed.has(w) && !names.has(w));
    if (words.length > 0) english.push(`${where(el)}: "${text.trim().slice(0, 120)}" (${words.join(' ')})`);

    // Wrapping: a text on one line has one box; only a wrapped one is measured character by character.
    if (range.getClientRects().length < 2) continue;
    const lines: number[] = [];
    let offset = 0;
    for (const ch of text) {
      if (ch.trim()) {
        range.setStart(node, offset);
        range.setEnd(node, offset + ch.length);
        const box = range.getClientRects()[0];
        lines.push(box ? Math.round(box.top + box.height / 2) : NaN);
      } else lines.push(NaN);
      offset += ch.length;
    }
    const tops = lines.filter((y) => !Number.isNaN(y));
    const distinct = [...new Set(tops)];
    if (distinct.length < 2) continue;
    const perLine = distinct.map((y) => tops.filter((z) => z === y).length);
    if (tops.length >= 2 && Math.max(...perLine) <= 1) {
      wrapped.push(`${where(el)}: "${text.trim()}" one character per line`);
      continue;
    }
    // A Korean word or a time cut in two: Korean wraps at spaces (word-break: keep-all), a time never wraps. A cut
    // is a line change between two syllables, or between two characters of a time; "(" or "-" may start a line.
    const chars = [...text];
    const cut = (a: string, b: string) => (/[가-힣]/.test(a) && /[가-힣]/.test(b)) || (/[\d:]/.test(a) && /[\d:]/.test(b));
    for (let i = 1; i < chars.length; i++) {
      const [before, after] = [lines[i - 1]!, lines[i]!];
      if (Number.isNaN(before) || Number.isNaN(after) || before === after || !cut(chars[i - 1]!, chars[i]!)) continue;
      const from = text.lastIndexOf(' ', i) + 1;
      const to = text.indexOf(' ', i);
      wrapped.push(`${where(el)}: "${text.slice(from, to < 0 ? undefined : to)}" cut between lines in "${text.trim().slice(0, 80)}"`);
    }
  }
  return { english, wrapped };
}

/** The problems of the screen the page shows now (in Korean). `names` adds names the view-model does not hold. */
export function koreanProblems(page: Page, names: string[] = []): Promise<ScreenProblems> {
  return page.evaluate(scan, [[...AWS_TERMS], names] as [string[], string[]]);
}
