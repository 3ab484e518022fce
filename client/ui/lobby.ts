import { isRoomCode, normalizeRoomCode, ROOM_CODE_LENGTH } from '../../shared/protocol/room-code.ts';
import { NICKNAME_MAX_LENGTH } from '../../shared/protocol/messages.ts';
import { el } from './element.ts';

export interface LobbyChoice {
  nickname: string;
  /** A room code to join, or null to create a new room. */
  code: string | null;
}

const NICKNAME_KEY = 'five-nines.nickname';

// The first screen: a nickname, then either a new room or a code to join. It only collects and checks what
// the player typed; joining is the caller's job, which reports failures back through `showError`.
export function mountLobby(root: HTMLElement, onChoice: (choice: LobbyChoice) => void): { showError(text: string): void; busy(on: boolean): void } {
  const nickname = el('input', {
    id: 'nickname',
    name: 'nickname',
    maxlength: String(NICKNAME_MAX_LENGTH),
    placeholder: 'e.g. Ada',
    autocomplete: 'nickname',
    required: true,
  });
  nickname.value = localStorage.getItem(NICKNAME_KEY) ?? '';
  const code = el('input', {
    id: 'room-code',
    name: 'code',
    maxlength: String(ROOM_CODE_LENGTH),
    placeholder: 'ABC234',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const params = new URLSearchParams(window.location.search);
  code.value = normalizeRoomCode(params.get('code') ?? '');
  const error = el('p', { class: 'lobby-error', role: 'alert' });
  const create = el('button', { id: 'create-room', type: 'button', class: 'primary' }, 'Create a room');
  const join = el('button', { id: 'join-room', type: 'button' }, 'Join');

  function chosenNickname(): string | null {
    const name = nickname.value.trim();
    if (name.length === 0) {
      error.textContent = 'Enter a nickname first.';
      nickname.focus();
      return null;
    }
    localStorage.setItem(NICKNAME_KEY, name);
    return name;
  }

  create.addEventListener('click', () => {
    const name = chosenNickname();
    if (name) onChoice({ nickname: name, code: null });
  });
  function tryJoin(): void {
    const name = chosenNickname();
    if (!name) return;
    const typed = normalizeRoomCode(code.value);
    if (!isRoomCode(typed)) {
      error.textContent = `A room code is ${ROOM_CODE_LENGTH} letters and digits, like the one your host shows.`;
      code.focus();
      return;
    }
    onChoice({ nickname: name, code: typed });
  }
  join.addEventListener('click', tryJoin);
  code.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') tryJoin();
  });
  code.addEventListener('input', () => {
    code.value = normalizeRoomCode(code.value);
  });

  root.replaceChildren(
    el(
      'main',
      { class: 'lobby' },
      el('h1', {}, 'Five Nines'),
      el('p', { class: 'tagline' }, 'Build a cloud architecture together and keep it alive.'),
      el('label', { for: 'nickname' }, 'Your nickname'),
      nickname,
      create,
      el('div', { class: 'or' }, 'or join a room'),
      el('div', { class: 'join-row' }, code, join),
      error,
    ),
  );
  (nickname.value ? code : nickname).focus();
  return {
    showError(text) {
      error.textContent = text;
    },
    busy(on) {
      create.disabled = on;
      join.disabled = on;
    },
  };
}
