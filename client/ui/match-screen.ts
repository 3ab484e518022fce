import { PALETTE } from './palette-entries.ts';
import type { BoardView } from '../view/board-view.ts';
import { el } from './element.ts';

export interface MatchScreen {
  /** The element Phaser draws the board into. */
  boardHost: HTMLElement;
}

export interface MatchScreenActions {
  remove(id: string): void;
}

// The play screen around the canvas: the room code to share, who is here, the palette, and the selected
// component's panel. Everything it shows comes from the view-model.
export function mountMatchScreen(root: HTMLElement, view: BoardView, actions: MatchScreenActions): MatchScreen {
  const code = el('strong', { id: 'room-code-display', class: 'code' });
  const players = el('ul', { id: 'players', class: 'players' });
  const palette = el('div', { class: 'palette', role: 'toolbar', 'aria-label': 'Components' });
  const buttons = PALETTE.map((entry, i) => {
    const button = el(
      'button',
      { type: 'button', class: 'palette-item', 'data-kind': entry.kind, title: `${entry.label} (key ${i + 1})` },
      el('span', { class: `swatch ${entry.kind}`, 'aria-hidden': 'true' }),
      el('span', {}, entry.label),
      el('kbd', {}, String(i + 1)),
    );
    button.addEventListener('click', () => view.arm(entry.kind));
    palette.append(button);
    return button;
  });
  const hint = el('p', { class: 'hint' });
  const selection = el('div', { class: 'selection' });
  const boardHost = el('div', { id: 'board', class: 'board' });
  // The canvas is a picture; this list says the same in words, for screen readers (and browser tests).
  const summary = el('ul', { id: 'board-summary', class: 'visually-hidden', 'aria-label': 'Components on the board' });

  root.replaceChildren(
    el(
      'div',
      { class: 'match' },
      el(
        'header',
        { class: 'topbar' },
        el('span', { class: 'brand' }, 'Five Nines'),
        el('span', { class: 'room' }, 'Room ', code),
        players,
      ),
      el('aside', { class: 'sidebar' }, el('h2', {}, 'Palette'), palette, hint, selection),
      boardHost,
      summary,
    ),
  );

  view.subscribe((state) => {
    code.textContent = state.board.code;
    players.replaceChildren(...state.board.players.map((p) => el('li', {}, p.nickname)));
    summary.replaceChildren(
      ...state.board.components.map((c) =>
        el('li', { 'data-ref': c.ref, 'data-kind': c.kind, 'data-zone': c.zone }, `${PALETTE.find((p) => p.kind === c.kind)?.label ?? c.kind} ${c.ref}${c.zone ? ` in ${c.zone}` : ''}: ${c.health}`),
      ),
    );
    buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.kind === state.armed)));
    const armed = PALETTE.find((p) => p.kind === state.armed);
    hint.textContent = armed
      ? `Click an availability zone to place: ${armed.label}. Esc cancels.`
      : 'Pick a component, then click a zone to place it.';
    const chosen = state.board.components.find((c) => c.ref === state.selected);
    if (!chosen) {
      selection.replaceChildren();
      return;
    }
    const entry = PALETTE.find((p) => p.kind === chosen.kind);
    const remove = el('button', { type: 'button', id: 'remove-selected', class: 'danger' }, 'Remove (Del)');
    remove.addEventListener('click', () => actions.remove(chosen.ref));
    selection.replaceChildren(
      el('h2', {}, 'Selected'),
      el('p', {}, `${entry?.label ?? chosen.kind} in ${chosen.zone}`),
      el('p', { class: 'muted' }, `${chosen.ref} · ${chosen.health}`),
      remove,
    );
  });

  // Keyboard: 1–3 pick a palette entry, Esc disarms and deselects, Delete removes the selection.
  window.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement) return;
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= PALETTE.length) view.arm(PALETTE[n - 1]!.kind);
    else if (e.key === 'Escape') {
      if (view.current.armed) view.arm(view.current.armed);
      view.select(null);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && view.current.selected) actions.remove(view.current.selected);
  });

  return { boardHost };
}
