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

/**
 * Re-renders only when `key` of the view's state changes: a panel that shows a slice of the match (the board
 * summary, the palette) is not redrawn by every snapshot of the clock.
 */
export function useViewSlice(view: MatchView, key: (state: MatchViewState) => string): MatchViewState {
  const [state, setState] = useState(view.current);
  useEffect(() => {
    let last = key(view.current);
    return view.subscribe((next) => {
      const k = key(next);
      if (k === last) return;
      last = k;
      setState(next);
    });
  }, [view]);
  return state;
}
