// Every string a player sees comes from assets/i18n/<language>.json through here. English and Korean are both
// bundled (a few kilobytes each), so switching language at any moment is instant and needs no request.
import i18next, { type TOptions } from 'i18next';
import { englishTimelineEntries } from './timeline-english.ts';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'five-nines.language';

const files = import.meta.glob('../../assets/i18n/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;

function resourcesFor(language: Language): Record<string, unknown> {
  const found = Object.entries(files).find(([path]) => path.endsWith(`/${language}.json`));
  const resources = found ? found[1] : {};
  if (language !== 'en') return resources;
  // English timeline sentences are the shared table's own (see timeline-english.ts).
  const timeline = (resources.timeline ?? {}) as Record<string, unknown>;
  return { ...resources, timeline: { ...timeline, entry: englishTimelineEntries() } };
}

const i18n = i18next.createInstance();

function initialLanguage(): Language {
  const params = new URLSearchParams(globalThis.location?.search ?? '');
  const asked = params.get('lang') ?? globalThis.localStorage?.getItem(LANGUAGE_KEY) ?? globalThis.navigator?.language ?? 'en';
  return asked.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

void i18n.init({
  lng: initialLanguage(),
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: resourcesFor(l) }])),
  returnNull: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** Plain lookups (no placeholders) by key, for the current language: the board asks for the same words often. */
const plain = new Map<string, string>();

/** The translation of `key`, with `{{name}}` placeholders filled from `params`. */
export function t(key: string, params?: TOptions): string {
  if (params) return i18n.t(key, params) as string;
  let text = plain.get(key);
  if (text === undefined) {
    text = i18n.t(key) as string;
    plain.set(key, text);
  }
  return text;
}

/** Whether a key exists in the current language or the fallback (`params.count` picks a plural form). */
export function hasText(key: string, params?: TOptions): boolean {
  return i18n.exists(key, params);
}

export function language(): Language {
  return i18n.language === 'ko' ? 'ko' : 'en';
}

const listeners = new Set<(language: Language) => void>();

export function setLanguage(next: Language): void {
  globalThis.localStorage?.setItem(LANGUAGE_KEY, next);
  void i18n.changeLanguage(next);
  plain.clear();
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const l of listeners) l(next);
}

/** Calls `listener` whenever the language changes; returns the unsubscribe. */
export function onLanguage(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Number formats by locale and digits: making one is slow (toLocaleString makes one per call), using one is not. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the current language's format. */
export function formatNumber(value: number, digits = 0): string {
  const locale = language() === 'ko' ? 'ko-KR' : 'en-US';
  const key = `${locale}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export function formatUsd(value: number, digits = 2): string {
  return `$${formatNumber(value, digits)}`;
}

/** Simulated seconds as h:mm:ss. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
