// The teacher's controls of the classroom's room, in the competition console: pause or resume everyone (the one
// match clock), whether students may join after the start, and each student by name — rename, remove, and let a
// removed one back. The room decides (shared/protocol/classroom.ts); this panel only asks and shows the answer.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { ClassroomCommand } from '../../../shared/protocol/classroom.ts';
import { NICKNAME_MAX_LENGTH } from '../../../shared/protocol/messages.ts';
import { t } from '../../i18n/index.ts';
import type { PlayerSeat } from '../../net/snapshot.ts';
import type { MatchView, MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { useViewSlice } from '../hooks.ts';
import './classroom-controls.css';

function controlsKey(s: MatchViewState): string {
  const m = s.match;
  const c = m.classroom;
  return [m.phase, m.players.map((p) => `${p.sessionId}:${p.nickname}:${p.team}:${p.connected}`).join(), m.teams.map((x) => `${x.id}:${x.name}`).join(), c ? `${c.lateJoins}:${c.autoStart}:${c.removed.map((p) => p.sessionId).join()}` : ''].join('|');
}

function Student({ player, teamName, send }: { player: PlayerSeat; teamName: string; send: (c: ClassroomCommand) => Promise<boolean> }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(player.nickname);
  const save = async (e: Event) => {
    e.preventDefault();
    if (await send({ op: 'rename', player: player.sessionId, nickname: name })) setRenaming(false);
  };
  const remove = () => {
    if (confirm(t('classroom.removeConfirm', { name: player.nickname }))) void send({ op: 'remove', player: player.sessionId });
  };
  return h(
    'li',
    { class: `classroom-student ${player.connected ? '' : 'away'}`, 'data-player': player.nickname },
    renaming
      ? h(
          'form',
          { class: 'row', onSubmit: (e: Event) => void save(e) },
          h('input', { 'aria-label': t('classroom.newName', { name: player.nickname }), class: 'rename-input', value: name, maxLength: NICKNAME_MAX_LENGTH, onInput: (e: Event) => setName((e.target as HTMLInputElement).value), ref: (el: HTMLInputElement | null) => el?.focus() }),
          h('button', { type: 'submit', class: 'primary' }, t('classroom.save')),
          h('button', { type: 'button', class: 'ghost', onClick: () => setRenaming(false) }, t('classroom.cancel')),
        )
      : h(
          'div',
          { class: 'row' },
          h('span', { class: 'classroom-name' }, player.nickname),
          h('span', { class: 'muted classroom-team' }, teamName),
          h('button', { type: 'button', class: 'ghost small rename', 'aria-label': t('classroom.renameWho', { name: player.nickname }), onClick: () => (setName(player.nickname), setRenaming(true)) }, t('classroom.rename')),
          h('button', { type: 'button', class: 'danger small remove', 'aria-label': t('classroom.removeWho', { name: player.nickname }), onClick: remove }, t('classroom.remove')),
        ),
  );
}

export function ClassroomControls({ view, actions }: { view: MatchView; actions: PlayerActions }) {
  const state = useViewSlice(view, controlsKey);
  const m = state.match;
  const room = m.classroom;
  const students = m.players.filter((p) => !p.host);
  const teamName = (id: string) => m.teams.find((x) => x.id === id)?.name ?? '';
  // A refusal is also shown as a toast by the room's `refused` message; the answer says whether to close a form.
  const send = async (command: ClassroomCommand) => (await actions.classroom(command)).ok;
  const live = m.phase === 'running' || m.phase === 'paused';
  return h(
    'section',
    { class: 'classroom-controls', id: 'classroom-controls', 'aria-labelledby': 'classroom-title' },
    h('h3', { id: 'classroom-title' }, t('classroom.title')),
    live
      ? h(
          'button',
          { type: 'button', id: m.phase === 'paused' ? 'resume-everyone' : 'pause-everyone', class: m.phase === 'paused' ? 'primary' : '', onClick: () => actions.send({ type: 'clock', command: m.phase === 'paused' ? 'resume' : 'pause' }) },
          m.phase === 'paused' ? `▶ ${t('classroom.resumeAll')}` : `❚❚ ${t('classroom.pauseAll')}`,
        )
      : null,
    room
      ? h(
          'label',
          { class: 'check' },
          h('input', { type: 'checkbox', id: 'late-joins', checked: room.lateJoins, onChange: (e: Event) => void send({ op: 'lateJoins', allowed: (e.target as HTMLInputElement).checked }) }),
          ' ',
          t('classroom.lateJoins'),
        )
      : null,
    h('p', { class: 'explain', id: 'late-joins-note' }, room?.lateJoins === false ? t('classroom.lockedNote') : t('classroom.openNote')),
    room?.autoStart && m.phase === 'build' ? h('p', { class: 'explain', id: 'auto-start-note' }, t('classroom.autoStartNote')) : null,
    h('h4', {}, t('classroom.students', { count: students.length })),
    students.length
      ? h('ul', { class: 'classroom-students', id: 'classroom-students' }, students.map((p) => h(Student, { key: p.sessionId, player: p, teamName: teamName(p.team), send })))
      : h('p', { class: 'muted' }, t('teacher.nobody')),
    room && room.removed.length
      ? h(
          'div',
          { class: 'classroom-removed' },
          h('h4', {}, t('classroom.removedTitle')),
          h(
            'ul',
            { class: 'classroom-students', id: 'classroom-removed' },
            room.removed.map((p) =>
              h(
                'li',
                { key: p.sessionId, class: 'classroom-student away', 'data-player': p.nickname },
                h('div', { class: 'row' }, h('span', { class: 'classroom-name' }, p.nickname), h('button', { type: 'button', class: 'small let-back', onClick: () => void send({ op: 'letBack', player: p.sessionId }) }, t('classroom.letBack'))),
              ),
            ),
          ),
          h('p', { class: 'explain' }, t('classroom.letBackHint')),
        )
      : null,
  );
}
