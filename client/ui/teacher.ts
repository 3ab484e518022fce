// The teacher's screen: a form that sets up a classroom competition (scenario, seed, teams, team size, build time,
// speed), checked by the server's own schema before anything is sent; then the competition's card — the join code
// and link for the students, the host token shown once, and the way into the teacher's console.
import { h, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { MAX_SPEED, MIN_SPEED } from '../../shared/match/clock.ts';
import { MAX_TEAMS } from '../../shared/protocol/join.ts';
import { t } from '../i18n/index.ts';
import { saveCompetition, putAsideLastCompetition, type SavedCompetition } from '../net/competition-store.ts';
import { createCompetition } from '../net/competitions.ts';
import { campaignLevels, localised, type ScenarioSummary } from '../net/scenarios.ts';
import { normalizeLevelCode, readCompetitionForm, type CompetitionForm, type FieldProblem, type FormField } from '../view/competition-form.ts';
import { CopyButton } from './copy-button.ts';
import { useLanguage } from './hooks.ts';
import { LanguageSwitch } from './language-switch.ts';
import { RoomChoices } from './room-choices.ts';

export interface TeacherProps {
  scenarios: ScenarioSummary[];
  /** The competition this tab set up last, shown again after a reload. */
  saved: SavedCompetition | null;
  /** Takes the host seat; rejects with the reason when the room cannot be joined. */
  onOpen(competition: SavedCompetition): Promise<void>;
  onBack(): void;
  /** A published level to run (the teacher came from its page): its code and summary, chosen in the form. */
  level?: { code: string; summary?: ScenarioSummary };
}

const INITIAL: CompetitionForm = { scenario: '', level: '', seed: '', teams: '2', teamSize: '3', buildTimeMin: '5', speed: '1', autoStart: false, lateJoins: true };

function problemText(problem: FieldProblem | undefined): string {
  return problem ? t(`teacher.invalid.${problem.key}`, problem.params ?? {}) : '';
}

function Field({ id, label, problem, hint, children }: { id: string; label: string; problem: FieldProblem | undefined; hint?: string; children?: ComponentChildren }) {
  return h(
    'div',
    { class: `field ${problem ? 'has-error' : ''}`, 'data-field': id },
    h('label', { for: id }, label),
    children,
    hint ? h('p', { class: 'explain' }, hint) : null,
    problem ? h('p', { class: 'field-error', role: 'alert', id: `${id}-error` }, `⚠ ${problemText(problem)}`) : null,
  );
}

function ScenarioChoice({ scenarios, value, onChange }: { scenarios: ScenarioSummary[]; value: string; onChange: (id: string) => void }) {
  const lang = useLanguage();
  const levels = campaignLevels(scenarios).filter((s) => s.campaign);
  const others = scenarios.filter((s) => !s.campaign);
  const option = (s: ScenarioSummary) => h('option', { key: s.id, value: s.id }, localised(s, lang).title);
  return h(
    'select',
    { id: 'competition-scenario', value, onChange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    levels.length ? h('optgroup', { label: t('teacher.campaignLevels') }, levels.map(option)) : null,
    others.length ? h('optgroup', { label: levels.length ? t('teacher.otherScenarios') : t('teacher.scenario') }, others.map(option)) : null,
  );
}

function NewCompetitionForm({ scenarios, level, onCreated, onBack }: { scenarios: ScenarioSummary[]; level: TeacherProps['level']; onCreated: (c: SavedCompetition) => void; onBack: () => void }) {
  const lang = useLanguage();
  const [form, setForm] = useState<CompetitionForm>(() => ({ ...INITIAL, level: level?.code ?? '' }));
  const [problems, setProblems] = useState<Partial<Record<FormField, FieldProblem>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const scenario = form.scenario || scenarios[0]?.id || '';
  const set = (field: FormField) => (e: Event) => setForm({ ...form, [field]: (e.target as HTMLInputElement).value });
  const number = (field: FormField, id: string, min: number, max: number, unit?: string) =>
    h('div', { class: 'with-unit' }, h('input', { id, type: 'number', inputMode: 'numeric', min, max, step: 1, value: form[field], onInput: set(field) }), unit ? h('span', { class: 'unit' }, unit) : null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setFailure('');
    const reading = readCompetitionForm({ ...form, scenario });
    if (!reading.ok) {
      setProblems(reading.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    const answer = await createCompetition(reading.competition);
    setBusy(false);
    if (!answer.ok) return setFailure(t('teacher.createFailed', { message: answer.message }));
    const c = reading.competition;
    const code = normalizeLevelCode(form.level ?? '');
    const chosenLevel = code ? { code, ...(level?.code === code && level.summary ? { summary: level.summary } : {}) } : undefined;
    const saved: SavedCompetition = { ...answer.value, scenario: chosenLevel?.summary?.id ?? (c as { scenario?: string }).scenario ?? '', ...(chosenLevel ? { level: chosenLevel } : {}), teams: c.teams, teamSize: c.teamSize, buildTimeS: c.buildTimeS, speed: c.speed };
    saveCompetition(saved);
    onCreated(saved);
  };

  return h(
    'form',
    { class: 'teacher-form', id: 'competition-form', noValidate: true, onSubmit: (e: Event) => void submit(e) },
    h('div', { class: 'teacher-head' }, h('p', { class: 'eyebrow' }, t('teacher.eyebrow')), h('h1', {}, t('teacher.title')), h('p', { class: 'tagline' }, t('teacher.intro'))),
    h(Field, { id: 'competition-scenario', label: t('teacher.scenario'), problem: problems.scenario }, h(ScenarioChoice, { scenarios, value: scenario, onChange: (id) => setForm({ ...form, scenario: id, level: '' }) })),
    // A published level (issue 17): its code, typed or brought from its page, is chosen instead of the scenario.
    h(
      Field,
      {
        id: 'competition-level',
        label: t('teacher.levelCode'),
        problem: problems.level,
        hint: level?.summary && normalizeLevelCode(form.level ?? '') === level.code ? t('teacher.levelChosen', { title: localised(level.summary, lang).title }) : t('teacher.levelCodeHint'),
      },
      h('input', { id: 'competition-level', type: 'text', autocomplete: 'off', spellcheck: false, maxLength: 12, placeholder: 'ABC234', value: form.level, onInput: (e: Event) => setForm({ ...form, level: normalizeLevelCode((e.target as HTMLInputElement).value) }) }),
    ),
    h(
      'div',
      { class: 'teacher-grid' },
      h(Field, { id: 'competition-teams', label: t('teacher.teams'), problem: problems.teams, hint: t('teacher.teamsHint', { max: MAX_TEAMS }) }, number('teams', 'competition-teams', 1, MAX_TEAMS)),
      h(Field, { id: 'competition-team-size', label: t('teacher.teamSize'), problem: problems.teamSize }, number('teamSize', 'competition-team-size', 1, 10, t('teacher.players'))),
      h(Field, { id: 'competition-build-time', label: t('teacher.buildTime'), problem: problems.buildTimeMin, hint: t('teacher.buildTimeHint') }, number('buildTimeMin', 'competition-build-time', 0, 60, t('teacher.minutes'))),
      h(Field, { id: 'competition-speed', label: t('teacher.speed'), problem: problems.speed, hint: t('teacher.speedHint', { min: MIN_SPEED, max: MAX_SPEED }) }, number('speed', 'competition-speed', MIN_SPEED, MAX_SPEED, '×')),
      h(RoomChoices, { form, onChange: (choice) => setForm({ ...form, ...choice }) }),
      h(
        Field,
        { id: 'competition-seed', label: t('teacher.seed'), problem: problems.seed, hint: t('teacher.seedHint') },
        h('input', { id: 'competition-seed', type: 'text', inputMode: 'numeric', autocomplete: 'off', placeholder: t('teacher.seedRandom'), value: form.seed, onInput: set('seed') }),
      ),
    ),
    h(
      'div',
      { class: 'buttons teacher-actions' },
      h('button', { type: 'button', class: 'ghost', id: 'teacher-back', onClick: onBack }, `← ${t('common.back')}`),
      h('button', { type: 'submit', class: 'primary', id: 'create-competition', disabled: busy || scenarios.length === 0 }, busy ? t('teacher.creating') : t('teacher.create')),
    ),
    h('p', { class: 'lobby-error', role: 'alert', id: 'competition-failure' }, failure),
  );
}

function CompetitionCard({ competition, scenarios, onOpen, onAnother, onBack }: { competition: SavedCompetition; scenarios: ScenarioSummary[]; onOpen: TeacherProps['onOpen']; onAnother: () => void; onBack: () => void }) {
  const lang = useLanguage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const scenario = competition.level ? competition.level.summary : scenarios.find((s) => s.id === competition.scenario);
  const open = async () => {
    setBusy(true);
    setFailure('');
    try {
      await onOpen(competition);
    } catch (error) {
      setFailure(t('teacher.openFailed', { message: (error as Error).message }));
      setBusy(false);
    }
  };
  return h(
    'section',
    { class: 'competition-card', id: 'competition-card', 'aria-labelledby': 'competition-card-title' },
    h('p', { class: 'eyebrow' }, t('teacher.ready')),
    h('h1', { id: 'competition-card-title' }, scenario ? localised(scenario, lang).title : competition.level ? t('teacher.levelTitle', { code: competition.level.code }) : competition.scenario),
    h('p', { class: 'muted' }, t('teacher.settings', { teams: competition.teams, size: competition.teamSize, minutes: Math.round(competition.buildTimeS / 6) / 10, speed: competition.speed })),
    h(
      'div',
      { class: 'join-code-block' },
      h('span', { class: 'label' }, t('teacher.code')),
      h('div', { class: 'row' }, h('strong', { class: 'join-code', id: 'competition-code' }, competition.code), h(CopyButton, { text: competition.code, id: 'copy-code', label: t('teacher.code') })),
      h('p', { class: 'explain' }, t('teacher.codeHint')),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'competition-link' }, t('teacher.link')),
      h('div', { class: 'row' }, h('input', { id: 'competition-link', readOnly: true, value: competition.joinUrl, onFocus: (e: Event) => (e.target as HTMLInputElement).select() }), h(CopyButton, { text: competition.joinUrl, id: 'copy-link', label: t('teacher.link') })),
    ),
    h(
      'div',
      { class: 'token-box', role: 'note' },
      h('label', { for: 'host-token' }, t('teacher.token')),
      h('div', { class: 'row' }, h('input', { id: 'host-token', readOnly: true, value: competition.hostToken, onFocus: (e: Event) => (e.target as HTMLInputElement).select() }), h(CopyButton, { text: competition.hostToken, id: 'copy-token', label: t('teacher.token') })),
      h('p', { class: 'warn' }, `⚠ ${t('teacher.tokenWarning')}`),
    ),
    h('button', { type: 'button', class: 'primary big', id: 'open-console', disabled: busy, onClick: () => void open() }, h('strong', {}, busy ? t('teacher.opening') : t('teacher.open')), h('span', {}, t('teacher.openHint'))),
    h('p', { class: 'lobby-error', role: 'alert', id: 'open-failure' }, failure),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'ghost', onClick: onBack }, `← ${t('common.back')}`),
      h('button', { type: 'button', class: 'link', id: 'another-competition', onClick: onAnother }, t('teacher.another')),
    ),
  );
}

export function Teacher({ scenarios, saved, onOpen, onBack, level }: TeacherProps) {
  useLanguage();
  const [competition, setCompetition] = useState<SavedCompetition | null>(saved);
  return h(
    'main',
    { class: 'home teacher' },
    h('div', { class: 'home-top' }, h(LanguageSwitch, {})),
    competition
      ? h(CompetitionCard, {
          competition,
          scenarios,
          onOpen,
          onBack,
          onAnother: () => {
            putAsideLastCompetition();
            setCompetition(null);
          },
        })
      : h('section', { class: 'home-card teacher-card' }, h(NewCompetitionForm, { scenarios, level, onCreated: setCompetition, onBack })),
  );
}
