// Whether single-key shortcuts (a letter, a digit, a sign or Space on its own) are on: WCAG 2.1.4 asks that they
// can be turned off, since speech input and a stray key press trigger them. Kept in the browser, per player;
// shortcuts with Ctrl or ⌘ (undo) and the keys that only move or cancel (arrows, Esc, Delete) stay on.
const KEY = 'fivenines.singleKeyShortcuts';

export function singleKeyShortcutsOn(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setSingleKeyShortcuts(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // A browser without storage keeps them on: nothing to remember the choice in.
  }
}

/** A key that is a single printable character pressed on its own (no Ctrl, ⌘ or Alt). */
export function isSingleCharacterKey(e: KeyboardEvent): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}
