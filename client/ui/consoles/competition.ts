// The teacher's competition console (the classroom host only): the join code and link to share, the status, who
// is in each team (and a look at any team's board), chaos for one team, and the exports — results as CSV or JSON
// and the teams' replays — fetched with the host token this tab keeps, once the match has results; then each
// team's replay in the replay viewer.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '../../i18n/index.ts';
import { sayTeamName } from '../../i18n/team-name.ts';
import { savedCompetition, type SavedCompetition } from '../../net/competition-store.ts';
import { fetchExport, storedResultCount, type ExportKind } from '../../net/competitions.ts';
import type { MatchView, MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { chaosEvents } from '../chaos.ts';
import { ClassroomControls } from './classroom-controls.ts';
import { ClassroomScreenButtons } from '../classroom-screens.ts';
import { CopyButton } from '../copy-button.ts';
import { saveFile } from '../download.ts';
import { useViewSlice } from '../hooks.ts';

const EXPORTS: { kind: ExportKind; id: string; key: string }[] = [
  { kind: 'results.csv', id: 'export-csv', key: 'teacher.exportCsv' },
  { kind: 'results.json', id: 'export-json', key: 'teacher.exportJson' },
  { kind: 'replay.json', id: 'export-replay', key: 'teacher.exportReplay' },
];

/** What the console knows of the stored results: none before the end; after it, waiting until they are written. */
type Stored = { kind: 'before' } | { kind: 'waiting' } | { kind: 'ready'; count: number } | { kind: 'failed'; message: string };

/** How long to wait for the results to be written after the match ends before saying they were not. */
const RESULT_CHECKS = 60;
const RESULT_CHECK_MS = 1000;

function consoleKey(s: MatchViewState): string {
  const m = s.match;
  return [m.phase, m.board.team, m.board.stacks.map((x) => x.region).join(), m.players.map((p) => `${p.sessionId}:${p.nickname}:${p.team}:${p.connected}`).join(), m.teams.map((x) => `${x.id}:${x.members}`).join()].join('|');
}

/** The id and token as this tab keeps them now (read at each use: that is what the teacher's storage says). */
function credentials(competition: SavedCompetition): SavedCompetition {
  return savedCompetition(competition.code) ?? competition;
}

function Teams({ state, view, competition, watch }: { state: MatchViewState; view: MatchView; competition: SavedCompetition; watch: ((team: number) => void) | null }) {
  const m = state.match;
  const seen = new Set(m.boards.map((b) => b.team));
  return h(
    'ul',
    { class: 'competition-teams', id: 'competition-teams' },
    m.teams.map((team, index) => {
      const members = m.players.filter((p) => !p.host && p.team === team.id);
      const watching = team.id === m.board.team;
      return h(
        'li',
        { key: team.id, class: watching ? 'current' : '', 'data-team': team.id },
        h('div', { class: 'competition-team-head' }, h('strong', {}, sayTeamName(team.name)), h('span', { class: 'pill', title: t('teacher.membersHint') }, `${members.length} / ${competition.teamSize}`), m.phase !== 'build' ? h('span', { class: 'muted' }, t('teacher.points', { points: formatNumber(team.score) })) : null),
        members.length
          ? h('ul', { class: 'members' }, members.map((p) => h('li', { key: p.sessionId, class: p.connected ? '' : 'away' }, p.nickname)))
          : h('p', { class: 'muted members-empty' }, t('teacher.nobody')),
        h(
          'div',
          { class: 'row' },
          seen.has(team.id) ? h('button', { type: 'button', class: 'watch', disabled: watching, 'aria-pressed': String(watching), onClick: () => view.viewBoardOf(team.id) }, watching ? `● ${t('teacher.watching')}` : t('teacher.watch')) : null,
          // After the match: the team's whole match again, in the replay viewer.
          watch ? h('button', { type: 'button', class: 'watch-replay', id: `watch-replay-${team.id}`, onClick: () => watch(index) }, `▶ ${t('teacher.watchReplay')}`) : null,
        ),
      );
    }),
  );
}

function TeamChaos({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const events = chaosEvents(state);
  const teams = state.match.teams;
  const [eventId, setEventId] = useState(events[0]?.id ?? '');
  const [teamId, setTeamId] = useState('');
  const event = events.find((e) => e.id === eventId) ?? events[0];
  const team = teams.find((x) => x.id === (teamId || state.match.board.team)) ?? teams[0];
  const label = (id: string) => {
    const [kind, where] = id.split(':');
    return t(`chaos.${kind}`, { where });
  };
  return h(
    'div',
    { class: 'team-chaos', role: 'group', 'aria-label': t('teacher.chaosTitle') },
    h('h3', {}, t('teacher.chaosTitle')),
    h('select', { id: 'team-chaos-event', 'aria-label': t('chaos.title'), value: event?.id, onChange: (e: Event) => setEventId((e.target as HTMLSelectElement).value) }, events.map((e) => h('option', { key: e.id, value: e.id }, label(e.id)))),
    h(
      'div',
      { class: 'row' },
      h('select', { id: 'team-chaos-team', 'aria-label': t('teacher.chaosTeam'), value: team?.id, onChange: (e: Event) => setTeamId((e.target as HTMLSelectElement).value) }, teams.map((x) => h('option', { key: x.id, value: x.id }, sayTeamName(x.name)))),
      h(
        'button',
        { type: 'button', id: 'team-chaos-inject', class: 'danger', title: t('teacher.chaosHint'), disabled: !event || !team, onClick: () => event && team && actions.send({ type: 'inject', event: event.event, teams: [team.id] }) },
        `⚡ ${t('chaos.inject')}`,
      ),
    ),
  );
}

type Outcome = { saved: string } | { failed: string } | null;

interface ExportsState {
  stored: Stored;
  busy: boolean;
  /** What the last export did: the file it saved, or the server's reason (worded in the language shown now). */
  outcome: Outcome;
  download(kind: ExportKind): void;
  /** One team's replay (its index in the match), from the competition's replay.json, in the replay viewer. */
  watch(team: number): void;
}

function useExports(phase: string, competition: SavedCompetition, onWatchTeam: ((replay: unknown, team: number) => void) | null): ExportsState {
  const [stored, setStored] = useState<Stored>({ kind: 'before' });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  // Results are written once the match ends; until then every export is empty. Ask until they are there.
  useEffect(() => {
    if (phase !== 'results') return setStored({ kind: 'before' });
    setStored({ kind: 'waiting' });
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async (tries: number): Promise<void> => {
      const { id, hostToken, code } = credentials(competition);
      const answer = await storedResultCount(id, hostToken, code);
      if (stopped) return;
      if (!answer.ok) setStored({ kind: 'failed', message: answer.message });
      else if (answer.value > 0) setStored({ kind: 'ready', count: answer.value });
      else if (tries + 1 < RESULT_CHECKS) timer = setTimeout(() => void check(tries + 1), RESULT_CHECK_MS);
      else setStored({ kind: 'failed', message: t('teacher.notStored') });
    };
    void check(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [phase]);

  const fetched = async (kind: ExportKind) => {
    const { id, hostToken, code } = credentials(competition);
    setBusy(true);
    setOutcome(null);
    const answer = await fetchExport(id, hostToken, kind, code);
    setBusy(false);
    if (!answer.ok) setOutcome({ failed: answer.message });
    return answer.ok ? answer.value : null;
  };
  return {
    stored,
    busy,
    outcome,
    download: (kind) =>
      void fetched(kind).then((file) => {
        if (!file) return;
        saveFile(file.name, file.type, file.text);
        setOutcome({ saved: file.name });
      }),
    watch: (team) =>
      void fetched('replay.json').then((file) => {
        if (!file || !onWatchTeam) return;
        let replay: unknown;
        try {
          replay = JSON.parse(file.text);
        } catch (error) {
          return setOutcome({ failed: (error as Error).message });
        }
        onWatchTeam(replay, team);
      }),
  };
}

function Exports({ exports }: { exports: ExportsState }) {
  const { stored, busy, outcome } = exports;
  const usable = stored.kind === 'ready' || stored.kind === 'failed';
  const note =
    stored.kind === 'before' ? t('teacher.exportsBefore') : stored.kind === 'waiting' ? t('teacher.exportsWaiting') : stored.kind === 'ready' ? t('teacher.exportsReady', { count: stored.count }) : t('teacher.exportFailed', { message: stored.message });
  return h(
    'div',
    { class: 'competition-exports' },
    h('h3', {}, t('teacher.exports')),
    h(
      'div',
      { class: 'buttons' },
      EXPORTS.map((e) => h('button', { key: e.kind, type: 'button', id: e.id, disabled: !usable || busy, 'aria-describedby': 'exports-note', onClick: () => exports.download(e.kind) }, `⤓ ${t(e.key)}`)),
    ),
    h('p', { id: 'exports-note', class: `explain ${stored.kind === 'failed' ? 'export-error' : ''}` }, note),
    outcome && 'failed' in outcome ? h('p', { id: 'export-message', role: 'alert', class: 'field-error' }, t('teacher.exportFailed', { message: outcome.failed })) : null,
    outcome && 'saved' in outcome ? h('p', { id: 'export-message', role: 'status', class: 'export-done' }, t('teacher.exported', { name: outcome.saved })) : null,
  );
}

export function Competition({ view, actions, competition, onLeave, onWatchTeam }: { view: MatchView; actions: PlayerActions; competition: SavedCompetition; onLeave: () => void; onWatchTeam: ((replay: unknown, team: number) => void) | null }) {
  const state = useViewSlice(view, consoleKey);
  const m = state.match;
  const exports = useExports(m.phase, competition, onWatchTeam);
  const students = m.players.filter((p) => !p.host);
  return h(
    'div',
    { class: 'console competition', id: 'competition-console' },
    h(
      'div',
      { class: 'competition-share' },
      h('h3', {}, t('teacher.code')),
      h('div', { class: 'row' }, h('strong', { class: 'join-code small', id: 'console-code' }, competition.code), h(CopyButton, { text: competition.code, label: t('teacher.code') })),
      h('label', { class: 'label', for: 'console-link' }, t('teacher.link')),
      h('div', { class: 'row' }, h('input', { id: 'console-link', readOnly: true, value: competition.joinUrl, onFocus: (e: Event) => (e.target as HTMLInputElement).select() }), h(CopyButton, { text: competition.joinUrl, label: t('teacher.link') })),
      h('h3', {}, t('teacher.status')),
      h('p', { id: 'competition-status', 'data-phase': m.phase }, h('span', { class: `phase ${m.phase}` }, t(`phase.${m.phase}`)), ' ', t(`teacher.statusText.${m.phase}`)),
      h('p', { class: 'muted' }, t('teacher.joined', { count: students.length, teams: m.teams.length })),
      h(ClassroomScreenButtons, { phase: m.phase }),
      h('button', { type: 'button', class: m.phase === 'results' ? 'primary' : '', id: 'competition-leave', onClick: onLeave }, t('teacher.leave')),
    ),
    h('div', { class: 'competition-middle' }, h('h3', {}, t('teacher.teamsTitle', { count: m.teams.length })), h(Teams, { state, view, competition, watch: onWatchTeam && exports.stored.kind === 'ready' && !exports.busy ? exports.watch : null })),
    h(
      'div',
      { class: 'competition-side' },
      h(ClassroomControls, { view, actions }),
      m.phase === 'running' || m.phase === 'paused' ? h(TeamChaos, { state, actions }) : null,
      h(Exports, { exports }),
    ),
  );
}
