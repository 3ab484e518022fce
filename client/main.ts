// The page's entry: the home screen first (or straight back into a seat after a reload); then the campaign
// and a scenario's briefing, or a room with others, or the teacher's screen for a classroom competition. The
// match itself is a chunk of its own (match-app.ts), loaded when the player takes a seat, and so is the teacher's
// screen, so the first screen is interactive without waiting for either. Published levels (issue 17) have their own
// page (`?level=CODE`) and the level editor (`?editor`, `?edit=CODE`) is a chunk of its own too.
import './styles.css';
import { h, render } from 'preact';
import { onLanguage, t } from './i18n/index.ts';
import { campaignLevels, fetchScenarios, type ScenarioSummary } from './net/scenarios.ts';
import { joinRefusal } from '../shared/protocol/join-refusal.ts';
import { forgetSeat, savedSeat, seatIsGone, seatMayStillBeHeld } from './net/session-store.ts';
import { Briefing, CampaignMap } from './ui/campaign.ts';
import { Home, type HomeChoice } from './ui/home.ts';
import { mountToasts } from './ui/toasts.ts';
import { isOpen, readProgress } from './view/campaign-progress.ts';
import type { SeatRequest } from './match-app.ts';
import type { Teacher as TeacherScreen } from './ui/teacher.ts';
import type { SavedCompetition } from './net/competition-store.ts';
import type { LevelRecord } from '../shared/protocol/levels.ts';
import { fetchLevel } from './net/levels.ts';
import { LevelPage, type LevelPlay } from './ui/level-page.ts';
import type { LevelEditor as LevelEditorScreen, LevelEditorProps } from './ui/level-editor/editor.ts';

const root = document.getElementById('app')!;
const toast = mountToasts(document.body);

type Screen =
  | { kind: 'home'; error: string; busy: boolean }
  | { kind: 'campaign' }
  | { kind: 'briefing'; scenario: ScenarioSummary; busy: boolean }
  | { kind: 'teacher'; screen: typeof TeacherScreen; saved: SavedCompetition | null; level?: { code: string; summary?: ScenarioSummary } }
  | { kind: 'editor'; screen: typeof LevelEditorScreen; props: Pick<LevelEditorProps, 'initial' | 'file'> }
  | { kind: 'level'; record: LevelRecord; busy: boolean }
  | { kind: 'match' }
  | { kind: 'replay' };

/** The teacher's screen is in the address (`?teacher`), so a reload comes back to it and its card. */
const TEACHER_PARAM = 'teacher';

let screen: Screen = { kind: 'home', error: '', busy: false };
let scenarios: ScenarioSummary[] = [];
let nickname = localStorage.getItem('five-nines.nickname') ?? '';

function show(next: Screen): void {
  screen = next;
  draw();
}

function draw(): void {
  const s = screen;
  if (s.kind === 'match' || s.kind === 'replay') return;
  document.body.dataset.screen = s.kind;
  if (s.kind === 'home') render(h(Home, { scenarios, error: s.error, busy: s.busy, onChoice: choose, onReplayFile: (file) => void watchReplay(file) }), root);
  else if (s.kind === 'teacher') render(h(s.screen, { scenarios, saved: s.saved, onOpen: openConsole, onBack: leaveTeacher, ...(s.level ? { level: s.level } : {}) }), root);
  else if (s.kind === 'editor') render(h(s.screen, { scenarios, ...s.props, onBack: goHome, onOpenLevel: (code) => void openLevel(code) }), root);
  else if (s.kind === 'level') render(h(LevelPage, { record: s.record, busy: s.busy, onPlay: (how) => void playLevel(s.record, how), onBack: goHome }), root);
  else if (s.kind === 'campaign')
    render(h(CampaignMap, { scenarios: campaignLevels(scenarios), progress: readProgress(), onPick: (scenario) => show({ kind: 'briefing', scenario, busy: false }), onBack: () => show({ kind: 'home', error: '', busy: false }) }), root);
  else {
    const locked = !isOpen(campaignLevels(scenarios).map((x) => x.id), s.scenario.id, readProgress());
    render(h(Briefing, { scenario: s.scenario, locked, busy: s.busy, onStart: () => void startSolo(s.scenario), onBack: () => show({ kind: 'campaign' }) }), root);
  }
}

/** A replay file picked on the home screen: the replay viewer (a chunk of its own) until it is closed. */
async function watchReplay(file: File): Promise<void> {
  const { openReplayViewer } = await import('./replay-app.ts');
  screen = { kind: 'replay' };
  openReplayViewer(root, file, { onExit: () => show({ kind: 'home', error: '', busy: false }) });
}

/** Takes a seat in a match: loads the match's code, connects, and hands the page to the match screen. */
async function seat(request: SeatRequest): Promise<void> {
  const { seatPlayer } = await import('./match-app.ts');
  // The match screen names its scenario in the player's language from the list: a join clicked before the list
  // arrived would show the wire's English title.
  await listing;
  await seatPlayer(request, {
    root,
    toast,
    scenarios,
    levelSummary: async (code, version) => ((await levelRecord(code, version)) ?? undefined)?.summary,
    onExit: (solo, again) => {
      if (again) return void startSolo(again);
      // A published level's player goes back to its page, not to the campaign.
      if (solo && playing) return void openLevel(playing.code);
      show(solo ? { kind: 'campaign' } : { kind: 'home', error: '', busy: false });
    },
  });
  screen = { kind: 'match' };
}

async function startSolo(scenario: ScenarioSummary): Promise<void> {
  // A published level is played again (its same version) from its page.
  if (scenario.level) {
    const record = await levelRecord(scenario.level.code, scenario.level.version);
    if (record) return playLevel(record, 'solo');
  }
  show({ kind: 'briefing', scenario, busy: true });
  playing = null;
  try {
    await seat({ kind: 'create', nickname: nickname || t('home.defaultNickname'), match: { mode: 'solo', scenario: scenario.id } });
  } catch (error) {
    toast(t('home.createFailed', { message: (error as Error).message }));
    show({ kind: 'briefing', scenario, busy: false });
  }
}

function goHome(): void {
  history.replaceState(null, '', location.pathname);
  show({ kind: 'home', error: '', busy: false });
}

/** Published levels read this session, by code and version (the match screen and the page ask for the same ones). */
const records = new Map<string, Promise<LevelRecord | null>>();

/** A published level (its latest version when none is named), its summary naming its code and version; null when gone. */
function levelRecord(code: string, version?: number): Promise<LevelRecord | null> {
  const key = `${code}@${version ?? 'latest'}`;
  let found = records.get(key);
  if (!found) {
    found = fetchLevel(code, version).then((a) => (a.ok ? { ...a.value, summary: { ...a.value.summary, level: { code: a.value.code, version: a.value.version } } } : null));
    // A failure is not kept: the next look tries again.
    void found.then((r) => r ?? records.delete(key));
    records.set(key, found);
  }
  return found;
}

/** `?level=CODE`: the level's page, or home with the reason it cannot be opened. */
async function openLevel(code: string): Promise<void> {
  const answer = await fetchLevel(code);
  if (!answer.ok) {
    history.replaceState(null, '', location.pathname);
    return show({ kind: 'home', busy: false, error: t('levelPage.missing', { code, message: answer.message }) });
  }
  history.replaceState(null, '', `?level=${answer.value.code}`);
  const record = { ...answer.value, summary: { ...answer.value.summary, level: { code: answer.value.code, version: answer.value.version } } };
  records.set(`${record.code}@${record.version}`, Promise.resolve(record));
  show({ kind: 'level', record, busy: false });
}

/** The published level being played from its page (null for the campaign's scenarios). */
let playing: LevelRecord | null = null;

async function playLevel(record: LevelRecord, how: LevelPlay): Promise<void> {
  if (how === 'edit') return showEditor({ initial: { level: record.level, published: { code: record.code, version: record.version } } });
  if (how === 'competition') return showTeacher({ code: record.code, summary: record.summary });
  show({ kind: 'level', record, busy: true });
  playing = record;
  try {
    const level = { code: record.code, version: record.version };
    await seat({ kind: 'create', nickname: nickname || t('home.defaultNickname'), match: { mode: how === 'solo' ? 'solo' : 'team', scenario: record.summary.id, level } });
  } catch (error) {
    // A level gone or a version removed since its page opened: the refusal's own sentence.
    toast(t('home.createFailed', { message: sayJoinRefusal(error) }));
    show({ kind: 'level', record, busy: false });
  }
}

/** The level editor (a chunk of its own), empty, with a file, or with a published level to change. */
async function showEditor(props: Pick<LevelEditorProps, 'initial' | 'file'> = {}): Promise<void> {
  const { LevelEditor } = await import('./ui/level-editor/editor.ts');
  history.replaceState(null, '', props.initial?.published ? `?edit=${props.initial.published.code}` : '?editor');
  show({ kind: 'editor', screen: LevelEditor, props });
}

/** The teacher's screen: the form, or the card of the competition this tab set up last. */
async function showTeacher(level?: { code: string; summary?: ScenarioSummary }): Promise<void> {
  const [{ Teacher }, { lastCompetition }] = await Promise.all([import('./ui/teacher.ts'), import('./net/competition-store.ts')]);
  history.replaceState(null, '', `?${TEACHER_PARAM}`);
  // Coming from a level's page, the form comes first, with the level chosen.
  show({ kind: 'teacher', screen: Teacher, saved: level ? null : lastCompetition(), ...(level ? { level } : {}) });
}

function leaveTeacher(): void {
  history.replaceState(null, '', location.pathname);
  show({ kind: 'home', error: '', busy: false });
}

/** The teacher takes the host seat of their competition with its host token. */
async function openConsole(competition: SavedCompetition): Promise<void> {
  await seat({ kind: 'host', nickname: nickname || t('teacher.defaultNickname'), code: competition.code, hostToken: competition.hostToken });
}

/** A join that did not seat the player, in the player's language: the matchmaker's own sentence is never shown raw. */
function sayJoinRefusal(error: unknown): string {
  const r = joinRefusal((error as { code?: number }).code, String((error as Error).message ?? ''));
  const said = t(`refusals.${r.code}`, { defaultValue: r.message });
  return r.detail ? `${said} (${r.detail})` : said;
}

async function choose(choice: HomeChoice): Promise<void> {
  nickname = choice.nickname || nickname;
  const c = choice.choice;
  if (c.kind === 'campaign') return show({ kind: 'campaign' });
  if (c.kind === 'editor') return showEditor(c.file ? { file: c.file } : {});
  if (c.kind === 'teacher') {
    try {
      return await showTeacher();
    } catch (error) {
      return show({ kind: 'home', busy: false, error: (error as Error).message });
    }
  }
  show({ kind: 'home', error: '', busy: true });
  try {
    if (c.kind === 'create') await seat({ kind: 'create', nickname, match: { mode: 'team', scenario: c.scenario } });
    else await seat({ kind: 'join', nickname, code: c.code, ...(c.team ? { team: c.team } : {}) });
  } catch (error) {
    const message = (error as Error).message;
    show({ kind: 'home', busy: false, error: c.kind === 'join' ? t('home.joinFailed', { code: c.code, message: sayJoinRefusal(error) }) : t('home.createFailed', { message }) });
  }
}

onLanguage(() => draw());

/** The server's scenario list, asked for once at start. */
let listing: Promise<unknown> = Promise.resolve();

async function boot(): Promise<void> {
  listing = fetchScenarios()
    .then((list) => (scenarios = list))
    .catch(() => (scenarios = []));
  const seatSaved = savedSeat();
  if (seatSaved && seatMayStillBeHeld(seatSaved)) {
    try {
      await listing;
      await seat({ kind: 'rejoin', seat: seatSaved });
      return;
    } catch (error) {
      // Kept when the server could not be reached (restarting, say): the next load tries again.
      if (seatIsGone(error)) forgetSeat();
    }
  }
  const params = new URLSearchParams(location.search);
  const teacher = params.has(TEACHER_PARAM);
  show({ kind: 'home', error: '', busy: false });
  document.body.dataset.ready = 'lobby';
  await listing;
  if (teacher && screen.kind === 'home') await showTeacher().catch(() => leaveTeacher());
  // A level's link, the editor, or a published level to change (its author's token is in this browser).
  const levelCode = params.get('level')?.trim().toUpperCase();
  const editCode = params.get('edit')?.trim().toUpperCase();
  if (levelCode && screen.kind === 'home') await openLevel(levelCode);
  else if (editCode && screen.kind === 'home') {
    const record = await levelRecord(editCode);
    await showEditor(record ? { initial: { level: record.level, published: { code: record.code, version: record.version } } } : {});
  } else if (params.has('editor') && screen.kind === 'home') await showEditor();
  if (screen.kind === 'home' || screen.kind === 'teacher' || screen.kind === 'editor' || screen.kind === 'level') draw();
  // Warm the match's code while the player reads the home screen.
  setTimeout(() => void import('./match-app.ts'), 1500);
}

void boot();
