// CloudFormation: the board as stacks, each exportable as a real template (YAML); a template pasted or
// imported is checked by the game's own loader first, its errors and warnings shown, then deployed.
import { h } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { isAccountStackName } from '../../../shared/account/default-vpc.ts';
import { isRegion, REGIONS } from '../../../shared/geography/regions.ts';
import { MAX_TEMPLATE_CHARS } from '../../../shared/match/intents.ts';
import { loadDesign, parseTemplateText } from '../../../shared/template/index.ts';
import type { DesignIssue } from '../../../shared/design/model.ts';
import { parametersFileText, type ExportStackAnswer, type StackExport } from '../../../shared/protocol/export-stack.ts';
import { checkParameterValues, formValues, hasBlockingMessage, parameterForm, type FormInput } from '../../../shared/template/parameter-form.ts';
import { currentStackOf, withKeptValuesStandIn, type CurrentStack } from '../../../shared/template/current-parameters.ts';
import { isPlainObject } from '../../../shared/template/plain-data.ts';
import { sayIssue } from '../../i18n/design-issue.ts';
import { t } from '../../i18n/index.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { CopyButton } from '../copy-button.ts';
import { StackParameters } from './stack-parameters.ts';
import { ChangeSetView } from './change-set-view.ts';
import { StackEventsView } from './stack-events-view.ts';
import { DbSnapshots } from './db-snapshots.ts';
import type { ChangeSetAnswer, ChangeSetRequest } from '../../../shared/protocol/change-set.ts';
import { download } from './trail.ts';

/** A stack of the viewed team's real design, exported by the room (the host names the team it looks at). */
function exportStack(state: MatchViewState, actions: PlayerActions, stack: string): Promise<ExportStackAnswer> {
  return actions.exportStack({ stack, ...(state.viewTeam ? { team: state.viewTeam } : {}) });
}

/**
 * The loader's findings for deploying `text` as `stack` in `region` with `parameters` beside the team's other
 * stacks, as the room exports them (with their parameters and unmodelled parts, which the board does not carry).
 */
export async function checkTemplate(
  state: MatchViewState,
  actions: PlayerActions,
  stack: string,
  region: string,
  text: string,
  parameters: Record<string, string> = {},
  usePreviousValues: readonly string[] = [],
): Promise<DesignIssue[]> {
  const parsed = parseTemplateText(text, { stack });
  if (parsed.issues.some((i) => i.severity === 'error') || parsed.value === undefined) return parsed.issues;
  // A value kept by "Use existing value" never reaches the client: read here as a stand-in, checked by the room.
  const template = isPlainObject(parsed.value) ? withKeptValuesStandIn(parsed.value, usePreviousValues) : parsed.value;
  const others = await Promise.all(state.match.board.stacks.filter((s) => s.name !== stack && !isAccountStackName(s.name)).map((s) => exportStack(state, actions, s.name)));
  const exports = others.filter((a): a is { ok: true } & StackExport => a.ok);
  const texts = new Map(exports.map((e) => [e.manifest.template, e.template]));
  const stacks: { name: string; region: string; template: unknown; parameters?: Record<string, string> }[] = exports.map((e) => e.manifest);
  stacks.push({ name: stack, region, template, parameters });
  // Read in the match's account, as the room's deploy reads it (a default VPC the scenario deleted is not there).
  return loadDesign({ stacks }, (path) => texts.get(path), { account: state.match.account }).issues.filter((issue) => !issue.stack || issue.stack === stack);
}

export function CloudFormation({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const stacks = state.match.board.stacks;
  const [stack, setStack] = useState(stacks[0]?.name ?? 'main-us-east-1');
  const [region, setRegion] = useState(stacks[0]?.region ?? 'us-east-1');
  const [text, setTemplateText] = useState('');
  const [issues, setIssues] = useState<DesignIssue[] | null>(null);
  // The last export viewed: its parameters file is offered beside the template while the text is unchanged.
  const [viewed, setViewed] = useState<StackExport | null>(null);
  const [exportRefused, setExportRefused] = useState<string | null>(null);
  // The change set the room computed, with exactly what was asked: Execute deploys that, not what is typed since.
  const [changeSet, setChangeSet] = useState<{ request: ChangeSetRequest; answer: ChangeSetAnswer } | null>(null);
  const [asking, setAsking] = useState(false);
  // What the player typed or chose in the parameter form; a field not touched holds the form's first value.
  const [touched, setTouched] = useState<Record<string, string>>({});
  const setText = (next: string) => {
    setTemplateText(next);
    setTouched({});
    setIssues(null);
    setChangeSet(null);
  };
  const existing = stacks.find((s) => s.name === stack);
  const chosenRegion = existing?.region ?? region;
  // Updating a deployed stack: its current values fill the form ("Update stack"), read from the room's export.
  const [current, setCurrent] = useState<CurrentStack | undefined>(undefined);
  const updating = existing && !existing.account ? existing.name : undefined;
  useEffect(() => {
    setCurrent(undefined);
    if (!updating) return;
    let live = true;
    void exportStack(state, actions, updating).then((answer) => {
      if (live && answer.ok) setCurrent(currentStackOf(answer));
    });
    return () => {
      live = false;
    };
  }, [updating, state.match.board.revision, state.viewTeam]);
  // The match's account (the wire says which default VPCs its scenario deleted): the form offers only what is there.
  const board = state.match.board;
  const account = state.match.account;
  const formInput: FormInput = useMemo(
    () => ({ text, stack, region: chosenRegion, account, board, ...(current ? { current } : {}) }),
    [text, stack, chosenRegion, account, board.stacks, board.resources, current],
  );
  const form = useMemo(() => parameterForm(formInput), [formInput]);
  const { parameters, usePreviousValues } = formValues(form, touched);
  const messages = useMemo(() => checkParameterValues(formInput, parameters, usePreviousValues), [formInput, JSON.stringify(parameters), usePreviousValues.join(',')]);
  const check = () => void checkTemplate(state, actions, stack, chosenRegion, text, parameters, usePreviousValues).then(setIssues);
  const fetchExport = async (name: string): Promise<StackExport | null> => {
    const answer = await exportStack(state, actions, name);
    setExportRefused(answer.ok ? null : actions.describe(answer.refusal));
    return answer.ok ? answer : null;
  };
  const view = async (name: string) => {
    const exported = await fetchExport(name);
    if (!exported) return;
    setText(exported.template);
    setStack(name);
    setViewed(exported);
  };
  const shown = viewed && viewed.template === text ? viewed : null;
  const errors = (issues ?? []).filter((i) => i.severity === 'error');
  const createChangeSet = async () => {
    if (!isRegion(chosenRegion)) return;
    const request: ChangeSetRequest = { stack, region: chosenRegion, template: text, parameters, ...(usePreviousValues.length > 0 ? { usePreviousValues } : {}) };
    setAsking(true);
    const answer = await actions.changeSet(request);
    setAsking(false);
    setChangeSet({ request, answer });
  };
  const execute = () => {
    if (!changeSet) return;
    actions.send({ type: 'deployStack', ...changeSet.request }, { field: 'cloudformation:template' });
    setChangeSet(null);
  };
  const setParameter = (name: string, value: string) => {
    setTouched({ ...touched, [name]: value });
    setIssues(null);
    setChangeSet(null);
  };
  // "Use existing value" on: the field holds nothing of the player's; off: an empty value to type a new one.
  const keepParameter = (name: string, on: boolean) => {
    const next = { ...touched };
    if (on) delete next[name];
    else next[name] = '';
    setTouched(next);
    setIssues(null);
    setChangeSet(null);
  };
  const refused = state.fieldErrors['cloudformation:template']?.message;
  return h(
    'div',
    { class: 'console cloudformation' },
    h(
      'section',
      {},
      h('h3', {}, t('cfn.stacks')),
      h(
        'table',
        { class: 'table' },
        h('thead', {}, h('tr', {}, [t('cfn.stack'), t('cfn.region'), t('cfn.resources'), ''].map((c, i) => h('th', { key: i }, c)))),
        h(
          'tbody',
          {},
          stacks.map((s) =>
            h(
              'tr',
              { key: s.name },
              h('td', {}, s.name),
              h('td', {}, s.region),
              h('td', {}, String(state.match.board.resources.filter((r) => r.stack === s.name).length)),
              // The account's default VPC is AWS's, no stack's: there is no template of it to export.
              isAccountStackName(s.name) ? h('td', {}) : h(
                'td',
                { class: 'buttons' },
                h('button', { type: 'button', 'data-export': s.name, onClick: () => void view(s.name) }, t('cfn.view')),
                h('button', { type: 'button', 'data-download': s.name, onClick: () => void fetchExport(s.name).then((e) => e && download(`${s.name}.yaml`, e.template, 'text/yaml')) }, t('cfn.download')),
              ),
            ),
          ),
        ),
      ),
      h(DbSnapshots, { snapshots: state.match.board.snapshots, ...(state.viewTeam ? {} : { onDelete: (ref: string) => actions.deleteSnapshot(ref) }) }),
    ),
    h(
      'section',
      { class: 'cfn-editor' },
      h('h3', {}, t('cfn.deploy')),
      h(
        'div',
        { class: 'row' },
        h('input', { 'aria-label': t('cfn.stack'), value: stack, id: 'cfn-stack', onInput: (e: Event) => {
            setStack((e.target as HTMLInputElement).value);
            setChangeSet(null);
          } }),
        existing
          ? h('span', { class: 'muted' }, existing.region)
          : h('select', { 'aria-label': t('cfn.region'), value: region, onChange: (e: Event) => { setRegion((e.target as HTMLSelectElement).value); setChangeSet(null); } }, REGIONS.map((r) => h('option', { key: r.code, value: r.code }, r.code))),
        h(
          'label',
          { class: 'file button' },
          t('cfn.import'),
          h('input', {
            type: 'file',
            accept: '.yaml,.yml,.json,.template',
            onChange: async (e: Event) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) setText(await file.text());
            },
          }),
        ),
      ),
      h('textarea', {
        id: 'cfn-template',
        spellcheck: false,
        maxLength: MAX_TEMPLATE_CHARS,
        placeholder: t('cfn.paste'),
        value: text,
        onInput: (e: Event) => setText((e.target as HTMLTextAreaElement).value),
        // A template file dropped on the editor is read as if imported.
        onDragOver: (e: DragEvent) => e.preventDefault(),
        onDrop: async (e: DragEvent) => {
          const file = e.dataTransfer?.files?.[0];
          if (!file) return;
          e.preventDefault();
          setText((await file.text()).slice(0, MAX_TEMPLATE_CHARS));
        },
      }),
      shown
        ? h(
            'div',
            { class: 'row cfn-exported', id: 'cfn-exported' },
            h(CopyButton, { text: shown.template, id: 'cfn-copy', label: `${shown.stack}.yaml` }),
            h('span', { class: 'muted' }, shown.parameters.length > 0 ? t('cfn.parametersFile', { count: shown.parameters.length }) : t('cfn.noParametersFile')),
            shown.parameters.length > 0
              ? h('button', { type: 'button', id: 'cfn-download-parameters', onClick: () => download(`${shown.stack}-parameters.json`, parametersFileText(shown.parameters), 'application/json') }, t('cfn.downloadParameters'))
              : null,
          )
        : null,
      shown && shown.parameters.length > 0 ? h('pre', { class: 'cfn-parameters-file', id: 'cfn-parameters-file' }, parametersFileText(shown.parameters)) : null,
      exportRefused ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${exportRefused}`) : null,
      h(StackParameters, { form, values: parameters, kept: usePreviousValues, messages, set: setParameter, keep: keepParameter }),
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'button', id: 'cfn-check', onClick: check, disabled: !text.trim() }, t('cfn.check')),
        h('button', { type: 'button', id: 'cfn-create-change-set', class: 'primary', onClick: () => void createChangeSet(), disabled: asking || !text.trim() || issues === null || errors.length > 0 || hasBlockingMessage(messages) }, t('cfn.changeSet.create')),
      ),
      issues !== null
        ? h(
            'ul',
            { class: 'issues', id: 'cfn-issues' },
            issues.length === 0 ? h('li', { class: 'ok' }, `✓ ${t('cfn.clean')}`) : null,
            issues.map((i, n) => h('li', { key: n, class: i.severity }, `${i.severity === 'error' ? '✕' : i.severity === 'warning' ? '⚠' : 'ℹ'} ${i.logicalId ? `${i.logicalId}: ` : ''}${sayIssue(i)}`)),
          )
        : null,
      changeSet ? h(ChangeSetView, { answer: changeSet.answer, execute, discard: () => setChangeSet(null) }) : null,
      refused ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${refused}`) : null,
      state.notices.length > 0 ? h('div', { class: 'notices' }, h('h4', {}, t('cfn.serverWarnings')), h('ul', {}, state.notices.map((w, i) => h('li', { key: i }, `⚠ ${[w.stack, w.logicalId].filter(Boolean).join('/')}${w.stack || w.logicalId ? ': ' : ''}${sayIssue(w)}`)))) : null,
      stack.trim() ? h(StackEventsView, { stack: stack.trim(), actions, changed: `${state.match.board.revision}/${state.match.board.debrief.refused}` }) : null,
    ),
  );
}
