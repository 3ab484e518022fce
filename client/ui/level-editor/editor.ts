// The level editor's screen (issue 17): where a level starts from (nothing, a campaign level, a file), the form in
// its sections, every field checked as the server checks it a moment after typing, the proof in a worker, and
// sharing. The model is shared/scenario/editor-model.ts; these files only draw it.
import { h } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { HiddenFileInput } from '../file-picker.ts';
import { z } from 'zod';
import type { LevelDocumentProof } from '../../../shared/match/prove-level.ts';
import { checkForm, documentFromForm, emptyLevelForm, fieldId, formFieldPaths, formFromLevel, placeIssues, setAt, type LevelForm } from '../../../shared/scenario/editor-model.ts';
import { levelToYaml, parseLevelText, type LevelIssue } from '../../../shared/scenario/level.ts';
import type { Scenario } from '../../../shared/scenario/schema.ts';
import { t } from '../../i18n/index.ts';
import { fetchCampaignLevel } from '../../net/levels.ts';
import { campaignLevels, localised, type ScenarioSummary } from '../../net/scenarios.ts';
import { saveFile } from '../download.ts';
import { useLanguage } from '../hooks.ts';
import { LanguageSwitch } from '../language-switch.ts';
import { BoardsSection } from './boards-section.ts';
import { EditorContext, type Editing } from './context.ts';
import { sayIssue, sayProblem } from './fields.ts';
import { EventsSection } from './events-section.ts';
import { HintsSection } from './hints-section.ts';
import { ObjectivesSection } from './objectives-section.ts';
import { startProver, type Prover } from './prove.ts';
import { ProofPanel } from './proof-panel.ts';
import { ScenarioSection } from './scenario-section.ts';
import { SharePanel, type Published } from './share-panel.ts';
import { TrafficSection } from './traffic-section.ts';
import './level-editor.css';

/** How long after the last keystroke the level is checked again. */
const CHECK_DELAY_MS = 250;

export interface LevelEditorProps {
  scenarios: ScenarioSummary[];
  /** A level to open (a published one from `?edit=CODE`, with its code and version). */
  initial?: { level: Scenario; published?: Published };
  /** The file chosen on the home screen ("Open a level file"), read as soon as the editor opens. */
  file?: File;
  onBack(): void;
  /** The published level's own page. */
  onOpenLevel(code: string): void;
}

function StartFrom({ scenarios, onForm, onProblem }: { scenarios: ScenarioSummary[]; onForm: (form: LevelForm, note: string) => void; onProblem: (text: string, issues: LevelIssue[]) => void }) {
  const lang = useLanguage();
  const levels = campaignLevels(scenarios);
  const [pick, setPick] = useState('');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const chosen = pick || levels[0]?.id || '';
  const fromCampaign = async () => {
    setBusy(true);
    const answer = await fetchCampaignLevel(chosen);
    setBusy(false);
    if (!answer.ok) return onProblem(t('levelEditor.startFailed', { message: answer.message }), []);
    onForm(formFromLevel(answer.value), t('levelEditor.startedFrom', { title: localised(levels.find((l) => l.id === chosen)!, lang).title }));
  };
  return h(
    'div',
    { class: 'start-from', role: 'group', 'aria-labelledby': 'level-start-from' },
    h('h2', { id: 'level-start-from' }, t('levelEditor.startFrom')),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', id: 'level-start-new', onClick: () => onForm(emptyLevelForm(), t('levelEditor.startedEmpty')) }, t('levelEditor.startNew')),
      h('label', { for: 'level-start-campaign', class: 'visually-hidden' }, t('levelEditor.campaignLevel')),
      h('select', { id: 'level-start-campaign', value: chosen, onChange: (e: Event) => setPick((e.target as HTMLSelectElement).value) }, levels.map((s) => h('option', { key: s.id, value: s.id }, localised(s, lang).title))),
      h('button', { type: 'button', id: 'level-start-campaign-go', disabled: busy || !chosen, onClick: () => void fromCampaign() }, t('levelEditor.startCampaign')),
      h('button', { type: 'button', id: 'level-open-file', onClick: () => file.current?.click() }, t('levelEditor.openFile')),
      h(HiddenFileInput, { id: 'level-file', inputRef: file, accept: '.yaml,.yml,.json', onFile: (chosen) => void readLevelFile(chosen, onForm, onProblem) }),
    ),
  );
}

/** A level file read into the form, or its problems (each naming its field) in the summary. */
export async function readLevelFile(file: File, onForm: (form: LevelForm, note: string) => void, onProblem: (text: string, issues: LevelIssue[]) => void): Promise<void> {
  const read = parseLevelText(await file.text());
  if (read.ok) onForm(formFromLevel(read.level), t('levelEditor.opened', { name: file.name }));
  else onProblem(t('levelEditor.fileRefused', { name: file.name }), read.issues);
}

export function LevelEditor({ scenarios, initial, file, onBack, onOpenLevel }: LevelEditorProps) {
  const lang = useLanguage();
  const [form, setForm] = useState<LevelForm>(() => (initial ? formFromLevel(initial.level) : emptyLevelForm()));
  const [issues, setIssues] = useState<LevelIssue[]>([]);
  const [level, setLevel] = useState<Scenario | null>(null);
  const [serverIssues, setServerIssues] = useState<LevelIssue[]>([]);
  const [note, setNote] = useState('');
  const [proof, setProof] = useState<{ form: LevelForm; answer: LevelDocumentProof } | null>(null);
  const [proving, setProving] = useState(false);
  const [published, setPublished] = useState<Published | null>(initial?.published ?? null);
  const prover = useRef<Prover | null>(null);

  useEffect(() => () => prover.current?.stop(), []);
  // The schema's generic messages in the player's language (zod's locales; the level's limits and the format's own
  // sentences are said by sayIssue).
  useMemo(() => z.config(lang === 'ko' ? z.locales.ko() : z.locales.en()), [lang]);
  // Checked a moment after the last change, as the server will check it.
  useEffect(() => {
    const timer = setTimeout(() => {
      const checked = checkForm(form);
      setIssues(checked.issues);
      setLevel(checked.ok ? checked.level : null);
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, lang]);
  const problem = (text: string, found: LevelIssue[]) => {
    setNote(text);
    setServerIssues(found);
  };
  useEffect(() => {
    if (file) void readLevelFile(file, (f, text) => startWith(f, text), problem);
  }, [file]);

  const startWith = (next: LevelForm, text: string) => {
    setForm(next);
    setProof(null);
    setPublished(null);
    setServerIssues([]);
    setNote(text);
  };
  const allIssues = proof && proof.form === form && !proof.answer.ok ? [...issues, ...proof.answer.issues, ...serverIssues] : [...issues, ...serverIssues];
  // Each problem in the player's language before it is placed (the limits by their key, the format's sentences by theirs).
  const placed = useMemo(() => placeIssues(allIssues.map(sayIssue), formFieldPaths(form)), [issues, serverIssues, proof, form, lang]);
  const editing: Editing = {
    form,
    placed,
    set: (path, value) => {
      setServerIssues([]);
      setForm((f) => ({ ...f, document: setAt(f.document, path, value) }));
    },
    update: (change) => {
      setServerIssues([]);
      setForm((f) => change(f));
    },
  };

  const prove = async () => {
    prover.current ??= startProver();
    setProving(true);
    const proving = form;
    const answer = await prover.current.prove(documentFromForm(proving).document);
    setProving(false);
    setProof({ form: proving, answer });
  };
  const stale = proof !== null && proof.form !== form;
  const publishable = proof !== null && !stale && proof.answer.ok && proof.answer.proof.publishable && level !== null;
  const exportYaml = () => {
    if (level) saveFile(`${level.id}.yaml`, 'application/yaml', levelToYaml(level));
  };

  return h(
    EditorContext.Provider,
    { value: editing },
    h(
      'main',
      { class: 'level-editor', id: 'level-editor' },
      h(
        'header',
        { class: 'editor-head' },
        h('button', { type: 'button', class: 'ghost', id: 'level-back', onClick: onBack }, `← ${t('common.back')}`),
        h('div', { class: 'editor-title' }, h('p', { class: 'eyebrow' }, t('levelEditor.eyebrow')), h('h1', {}, t('levelEditor.title'))),
        h(LanguageSwitch, {}),
      ),
      h('p', { class: 'tagline' }, t('levelEditor.intro')),
      h(StartFrom, { scenarios, onForm: startWith, onProblem: problem }),
      h('p', { class: 'muted', role: 'status', id: 'level-note' }, note),
      h(
        'div',
        { class: `editor-summary ${allIssues.length ? 'has-issues' : 'clean'}`, id: 'level-summary', role: 'status', 'aria-live': 'polite' },
        allIssues.length === 0 ? h('p', { class: 'ok' }, `✓ ${t('levelEditor.valid')}`) : h('p', {}, t('levelEditor.issueCount', { count: allIssues.length })),
        placed.unplaced.length
          ? h(
              'ul',
              {},
              placed.unplaced.map((i, n) => h('li', { key: n, 'data-path': i.path }, `${i.path ? `${i.path}: ` : ''}${sayProblem(i.message)}`)),
            )
          : null,
        allIssues.length > placed.unplaced.length
          ? h(
              'p',
              { class: 'explain' },
              t('levelEditor.firstIssue'),
              ' ',
              h('a', { href: `#${fieldId([...placed.at.keys()][0] ?? '')}`, id: 'level-first-issue' }, [...placed.at.keys()][0]),
            )
          : null,
      ),
      h(ScenarioSection, {}),
      h(TrafficSection, {}),
      h(EventsSection, {}),
      h(ObjectivesSection, {}),
      h(HintsSection, {}),
      h(BoardsSection, {}),
      h(ProofPanel, { answer: proof?.answer ?? null, stale, busy: proving, canProve: issues.length === 0 && level !== null, onProve: () => void prove() }),
      h(SharePanel, {
        document: level ? documentFromForm(form).document : null,
        publishable,
        published,
        onPublished: (p) => {
          setPublished(p);
          history.replaceState(null, '', `?edit=${p.code}`);
        },
        onDeleted: () => {
          setPublished(null);
          setNote(t('levelEditor.deleted'));
          history.replaceState(null, '', '?editor');
        },
        onExport: exportYaml,
        onServerIssues: setServerIssues,
        onOpenLevel,
      }),
    ),
  );
}
