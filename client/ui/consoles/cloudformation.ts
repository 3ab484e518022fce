// CloudFormation: the board as stacks, each exportable as a real template (YAML); a template pasted or
// imported is checked by the game's own loader first, its errors and warnings shown, then deployed.
import { h } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { FRESH_ACCOUNT } from '../../../shared/account/default-vpc.ts';
import { isRegion, REGIONS } from '../../../shared/geography/regions.ts';
import { MAX_TEMPLATE_CHARS } from '../../../shared/match/intents.ts';
import { exportDesign, loadDesign, parseTemplateText, templateToYaml } from '../../../shared/template/index.ts';
import type { DesignIssue } from '../../../shared/design/model.ts';
import { checkParameterValues, hasBlockingMessage, parameterForm, type FormInput } from '../../../shared/template/parameter-form.ts';
import { t } from '../../i18n/index.ts';
import { designFromBoard } from '../../view/design-from-board.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';
import { StackParameters } from './stack-parameters.ts';
import { ChangeSetView } from './change-set-view.ts';
import { StackEventsView } from './stack-events-view.ts';
import type { ChangeSetAnswer, ChangeSetRequest } from '../../../shared/protocol/change-set.ts';
import { download } from './trail.ts';

function exportStack(state: MatchViewState, stack: string): string {
  const exported = exportDesign(designFromBoard(state.match.board));
  const template = exported.templates[stack];
  return template ? templateToYaml(template) : '';
}

/** The loader's findings for deploying `text` as `stack` in `region` with `parameters` over the current board. */
export function checkTemplate(state: MatchViewState, stack: string, region: string, text: string, parameters: Record<string, string> = {}): DesignIssue[] {
  const parsed = parseTemplateText(text, { stack });
  if (parsed.issues.some((i) => i.severity === 'error') || parsed.value === undefined) return parsed.issues;
  const exported = exportDesign(designFromBoard(state.match.board));
  const stacks: { name: string; region: string; template: unknown }[] = exported.manifest.stacks.map((s) => ({ name: s.name, region: s.region, template: exported.templates[s.name] }));
  const entry = { name: stack, region, template: parsed.value, parameters };
  const i = stacks.findIndex((s) => s.name === stack);
  if (i >= 0) stacks[i] = entry;
  else stacks.push(entry);
  return loadDesign({ stacks }, () => undefined).issues.filter((issue) => !issue.stack || issue.stack === stack);
}

export function CloudFormation({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const stacks = state.match.board.stacks;
  const [stack, setStack] = useState(stacks[0]?.name ?? 'main-us-east-1');
  const [region, setRegion] = useState(stacks[0]?.region ?? 'us-east-1');
  const [text, setTemplateText] = useState('');
  const [issues, setIssues] = useState<DesignIssue[] | null>(null);
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
  // The client does not know the scenario's account: it offers the default VPC, and the room refuses a deploy
  // that needs one the scenario deleted, in AWS's words.
  const board = state.match.board;
  const formInput: FormInput = useMemo(() => ({ text, stack, region: chosenRegion, account: FRESH_ACCOUNT, board }), [text, stack, chosenRegion, board.stacks, board.resources]);
  const form = useMemo(() => parameterForm(formInput), [formInput]);
  const fields = form.groups.flatMap((g) => g.fields);
  const parameters = Object.fromEntries(fields.map((f) => [f.name, touched[f.name] ?? f.initial]));
  const messages = useMemo(() => checkParameterValues(formInput, parameters), [formInput, JSON.stringify(parameters)]);
  const check = () => setIssues(checkTemplate(state, stack, chosenRegion, text, parameters));
  const errors = (issues ?? []).filter((i) => i.severity === 'error');
  const createChangeSet = async () => {
    if (!isRegion(chosenRegion)) return;
    const request: ChangeSetRequest = { stack, region: chosenRegion, template: text, parameters };
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
              h(
                'td',
                { class: 'buttons' },
                h('button', { type: 'button', 'data-export': s.name, onClick: () => {
                    setText(exportStack(state, s.name));
                    setStack(s.name);
                  } }, t('cfn.view')),
                h('button', { type: 'button', onClick: () => download(`${s.name}.yaml`, exportStack(state, s.name), 'text/yaml') }, t('cfn.download')),
              ),
            ),
          ),
        ),
      ),
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
      h(StackParameters, { form, values: parameters, messages, set: setParameter }),
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
            issues.map((i, n) => h('li', { key: n, class: i.severity }, `${i.severity === 'error' ? '✕' : i.severity === 'warning' ? '⚠' : 'ℹ'} ${i.logicalId ? `${i.logicalId}: ` : ''}${i.message}`)),
          )
        : null,
      changeSet ? h(ChangeSetView, { answer: changeSet.answer, execute, discard: () => setChangeSet(null) }) : null,
      refused ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${refused}`) : null,
      state.notices.length > 0 ? h('div', { class: 'notices' }, h('h4', {}, t('cfn.serverWarnings')), h('ul', {}, state.notices.map((w, i) => h('li', { key: i }, `⚠ ${w}`)))) : null,
      stack.trim() ? h(StackEventsView, { stack: stack.trim(), actions }) : null,
    ),
  );
}
