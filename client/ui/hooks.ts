// Preact hooks over the view-model and the language: a panel re-renders when what it reads changes.
import { useEffect, useState } from 'preact/hooks';
import { language, onLanguage, type Language } from '../i18n/index.ts';
import type { MatchView, MatchViewState } from '../view/match-view.ts';

export function useView(view: MatchView): MatchViewState {
  const [state, setState] = useState(view.current);
  useEffect(() => view.subscribe((next) => setState(next)), [view]);
  return state;
}

/** Re-renders the caller when the language changes; returns the current one. */
export function useLanguage(): Language {
  const [current, setCurrent] = useState(language());
  useEffect(() => onLanguage(setCurrent), []);
  return current;
}
