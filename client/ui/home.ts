// The first screen: a nickname, then the solo campaign, a new room for a team, or a code to join one (with a
// classroom team to ask for); the way to the teacher's screen, to run a classroom competition; and the level
// editor, to write a level of one's own or open a level file.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { HiddenFileInput } from './file-picker.ts';
import { NICKNAME_MAX_LENGTH } from '../../shared/protocol/messages.ts';
import { isRoomCode, normalizeRoomCode, ROOM_CODE_LENGTH } from '../../shared/protocol/room-code.ts';
import { t } from '../i18n/index.ts';
import { localised, type ScenarioSummary } from '../net/scenarios.ts';
import { useLanguage } from './hooks.ts';
import { LanguageSwitch } from './language-switch.ts';

const NICKNAME_KEY = 'five-nines.nickname';

export interface HomeChoice {
  nickname: string;
  choice: { kind: 'campaign' } | { kind: 'create'; scenario: string } | { kind: 'join'; code: string; team?: string } | { kind: 'teacher' } | { kind: 'editor'; file?: File };
}

export function Home({ scenarios, error, busy, onChoice, onReplayFile }: { scenarios: ScenarioSummary[]; error: string; busy: boolean; onChoice: (c: HomeChoice) => void; onReplayFile?: (file: File) => void }) {
  const lang = useLanguage();
  const [nickname, setNickname] = useState(() => localStorage.getItem(NICKNAME_KEY) ?? '');
  const [code, setCode] = useState(() => normalizeRoomCode(new URLSearchParams(location.search).get('code') ?? ''));
  const [scenario, setScenario] = useState('');
  const [team, setTeam] = useState('');
  const [problem, setProblem] = useState('');
  const nicknameInput = useRef<HTMLInputElement>(null);
  const replayInput = useRef<HTMLInputElement>(null);
  const levelInput = useRef<HTMLInputElement>(null);
  useEffect(() => nicknameInput.current?.focus(), []);
  useEffect(() => setProblem(error), [error]);

  const named = (): string | null => {
    const name = nickname.trim();
    if (!name) {
      setProblem(t('home.needNickname'));
      nicknameInput.current?.focus();
      return null;
    }
    localStorage.setItem(NICKNAME_KEY, name);
    return name;
  };
  const join = () => {
    const name = named();
    if (!name) return;
    const typed = normalizeRoomCode(code);
    if (!isRoomCode(typed)) {
      setProblem(t('home.badCode', { length: ROOM_CODE_LENGTH }));
      return;
    }
    // A classroom's teams are team-1 … team-N (server/rooms/match-setup.ts); a room without that team puts the
    // player in the smallest one, as when none is asked for.
    const number = team.trim() === '' ? undefined : Number(team);
    if (number !== undefined && !(Number.isInteger(number) && number >= 1)) {
      setProblem(t('teacher.badTeam'));
      return;
    }
    onChoice({ nickname: name, choice: { kind: 'join', code: typed, ...(number !== undefined ? { team: `team-${number}` } : {}) } });
  };

  // The teacher needs no nickname to set up a competition (the console seats them as "Teacher" without one).
  const teach = () => {
    const name = nickname.trim();
    if (name) localStorage.setItem(NICKNAME_KEY, name);
    onChoice({ nickname: name, choice: { kind: 'teacher' } });
  };

  return h(
    'main',
    { class: 'home' },
    h('div', { class: 'home-top' }, h(LanguageSwitch, {})),
    h(
      'section',
      { class: 'home-card' },
      h('div', { class: 'logo', 'aria-hidden': 'true' }, '99.999'),
      h('h1', {}, t('app.name')),
      h('p', { class: 'tagline' }, t('app.tagline')),
      h('label', { for: 'nickname' }, t('home.nickname')),
      h('input', {
        id: 'nickname',
        ref: nicknameInput,
        maxLength: NICKNAME_MAX_LENGTH,
        placeholder: t('home.nicknamePlaceholder'),
        autocomplete: 'nickname',
        value: nickname,
        onInput: (e: Event) => setNickname((e.target as HTMLInputElement).value),
      }),
      h(
        'div',
        { class: 'home-choices' },
        h(
          'button',
          { id: 'play-campaign', type: 'button', class: 'primary big', disabled: busy, onClick: () => named() && onChoice({ nickname: nickname.trim(), choice: { kind: 'campaign' } }) },
          h('strong', {}, t('home.campaign')),
          h('span', {}, t('home.campaignHint')),
        ),
        h(
          'div',
          { class: 'together' },
          h('h2', {}, t('home.together')),
          h(
            'div',
            { class: 'row' },
            h(
              'select',
              { id: 'team-scenario', 'aria-label': t('home.scenario'), value: scenario || scenarios[0]?.id || '', onChange: (e: Event) => setScenario((e.target as HTMLSelectElement).value) },
              scenarios.map((s) => h('option', { key: s.id, value: s.id }, localised(s, lang).title)),
            ),
            h('button', { id: 'create-room', type: 'button', disabled: busy, onClick: () => named() && onChoice({ nickname: nickname.trim(), choice: { kind: 'create', scenario: scenario || scenarios[0]?.id || 'az-outage' } }) }, t('home.create')),
          ),
          h(
            'div',
            { class: 'row' },
            h('input', {
              id: 'room-code',
              maxLength: ROOM_CODE_LENGTH,
              placeholder: 'ABC234',
              autocomplete: 'off',
              spellcheck: false,
              'aria-label': t('home.code'),
              value: code,
              onInput: (e: Event) => setCode(normalizeRoomCode((e.target as HTMLInputElement).value)),
              onKeyDown: (e: KeyboardEvent) => e.key === 'Enter' && join(),
            }),
            h('button', { id: 'join-room', type: 'button', disabled: busy, onClick: join }, t('home.join')),
          ),
          // Asking for a team only matters in a classroom; it shows once there is a code (as a join link gives).
          code
            ? h(
                'div',
                { class: 'row join-team' },
                h('label', { for: 'join-team' }, t('teacher.joinTeam')),
                h('input', {
                  id: 'join-team',
                  type: 'number',
                  inputMode: 'numeric',
                  min: 1,
                  placeholder: t('teacher.joinTeamAny'),
                  value: team,
                  onInput: (e: Event) => setTeam((e.target as HTMLInputElement).value),
                  onKeyDown: (e: KeyboardEvent) => e.key === 'Enter' && join(),
                }),
                h('span', { class: 'explain' }, t('teacher.joinTeamHint')),
              )
            : null,
        ),
        h(
          'button',
          { id: 'run-competition', type: 'button', class: 'teacher-entry', disabled: busy, onClick: teach },
          h('strong', {}, t('teacher.entry')),
          h('span', {}, t('teacher.entryHint')),
        ),
        // A level of one's own (issue 17): the editor, empty or with a level file read into it.
        h(
          'div',
          { class: 'row level-entries' },
          h('button', { id: 'create-level', type: 'button', class: 'teacher-entry', disabled: busy, onClick: () => onChoice({ nickname: nickname.trim(), choice: { kind: 'editor' } }) }, h('strong', {}, t('levelEditor.entry')), h('span', {}, t('levelEditor.entryHint'))),
          h('button', { id: 'open-level-file', type: 'button', class: 'teacher-entry', disabled: busy, onClick: () => levelInput.current?.click() }, h('strong', {}, t('levelEditor.openFile')), h('span', {}, t('levelEditor.openFileHint'))),
        ),
        h(HiddenFileInput, { id: 'level-file-home', inputRef: levelInput, accept: '.yaml,.yml,.json', onFile: (file) => onChoice({ nickname: nickname.trim(), choice: { kind: 'editor', file } }) }),
        // A finished match watched again from the replay.json a competition exported.
        onReplayFile
          ? h(
              'button',
              { id: 'open-replay', type: 'button', class: 'teacher-entry', disabled: busy, onClick: () => replayInput.current?.click() },
              h('strong', {}, t('replay.openFile')),
              h('span', {}, t('replay.openFileHint')),
            )
          : null,
        onReplayFile
          ? h(HiddenFileInput, { id: 'replay-file', inputRef: replayInput, accept: '.json,application/json', onFile: onReplayFile })
          : null,
      ),
      h('p', { class: 'lobby-error', role: 'alert' }, problem),
    ),
  );
}
