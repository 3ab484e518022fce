// Keyboard shortcuts of the match screen. Typing in a field never triggers them.
import type { BoardControls } from '../board-game.ts';
import type { MatchView } from '../view/match-view.ts';
import { watchesOnly } from '../view/permissions.ts';
import { PALETTE } from '../../shared/design/plans/palette.ts';
import type { PlayerActions } from '../view/player-actions.ts';
import { CONSOLE_KEYS } from './consoles/dock.ts';
import { PALETTE_KEYS } from './palette.ts';
import { isSingleCharacterKey, singleKeyShortcutsOn } from './shortcut-setting.ts';

export function bindKeys(view: MatchView, actions: PlayerActions, board: () => BoardControls | null): () => void {
  const onKey = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
    // Space on a focused button or list item is that control's own key, never the clock's.
    if (e.key === ' ' && target && target !== document.body && (target.tagName === 'BUTTON' || target.getAttribute('role'))) return;
    if (isSingleCharacterKey(e) && !singleKeyShortcutsOn()) return;
    const state = view.current;
    const key = e.key;
    if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'z') {
      e.preventDefault();
      actions.undo();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const paletteIndex = PALETTE_KEYS.indexOf(key.toLowerCase());
    if (paletteIndex >= 0 && PALETTE[paletteIndex]) return watchesOnly(state.match) ? undefined : view.arm(PALETTE[paletteIndex].id);
    switch (key) {
      case 'Escape':
        if (state.armed) view.arm(state.armed);
        if (state.connectFrom) view.startConnect(null);
        if (state.help) view.toggleHelp(false);
        view.select(null);
        return;
      case 'Delete':
      case 'Backspace':
        if (state.selected) actions.remove(state.selected);
        return;
      case 'c':
      case 'C':
        if (state.selected) view.startConnect(state.selected);
        return;
      case '+':
      case '=':
        board()?.zoomBy(1.2);
        return;
      case '-':
      case '_':
        board()?.zoomBy(1 / 1.2);
        return;
      case 'h':
      case 'H':
        board()?.fit();
        return;
      case 'ArrowLeft':
        board()?.panBy(60, 0);
        return;
      case 'ArrowRight':
        board()?.panBy(-60, 0);
        return;
      case 'ArrowUp':
        board()?.panBy(0, 60);
        return;
      case 'ArrowDown':
        board()?.panBy(0, -60);
        return;
      case '?':
        view.toggleHelp();
        return;
      case ' ': {
        const m = state.match;
        if (!m.me?.host) return;
        e.preventDefault();
        if (m.phase === 'running') actions.send({ type: 'clock', command: 'pause' });
        else if (m.phase === 'paused') actions.send({ type: 'clock', command: 'resume' });
        else if (m.phase === 'build') actions.send({ type: 'clock', command: 'start' });
        return;
      }
    }
    const console = CONSOLE_KEYS[key.toLowerCase()];
    if (console) view.openConsole(console);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
