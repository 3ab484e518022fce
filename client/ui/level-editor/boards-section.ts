// The level's boards: the board players start from (an empty one in some regions, or stacks pasted as
// CloudFormation), the reference design that must win and the naive one that should lose. Each stack is a name, a
// region and its template as text (YAML or JSON), read by shared/template's parser into the level's inline design.
import { h } from 'preact';
import { REGIONS } from '../../../shared/geography/regions.ts';
import { newStack, removeItem, type DesignForm, type LevelForm, type StackForm } from '../../../shared/scenario/editor-model.ts';
import { t } from '../../i18n/index.ts';
import { useEditing } from './context.ts';
import { Field, ItemButtons, Problems } from './fields.ts';

type Board = 'start' | 'reference' | 'naive';
const BASE: Record<Board, string[]> = { start: ['start'], reference: ['solutions', 'reference'], naive: ['solutions', 'naive'] };

function designOf(form: LevelForm, board: Board): DesignForm | undefined {
  if (board === 'start') return form.start.kind === 'stacks' ? form.start.design : undefined;
  return form[board];
}

function withDesign(form: LevelForm, board: Board, design: DesignForm): LevelForm {
  if (board === 'start') return { ...form, start: { kind: 'stacks', design } };
  return { ...form, [board]: design };
}

function StackBox({ board, index, stack, count }: { board: Board; index: number; stack: StackForm; count: number }) {
  const { update } = useEditing();
  const base = [...BASE[board], 'stacks', index];
  const change = (patch: Partial<StackForm>) =>
    update((f) => {
      const design = designOf(f, board)!;
      return withDesign(f, board, { ...design, stacks: design.stacks.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
    });
  return h(
    'div',
    { class: 'editor-item stack-box', 'data-item': `${board}-stack-${index}` },
    h(
      'div',
      { class: 'editor-grid' },
      h(Field, { path: [...base, 'name'], label: t('levelEditor.stackName'), input: (props) => h('input', { ...props, type: 'text', class: 'stack-name', value: stack.name, onInput: (e: Event) => change({ name: (e.target as HTMLInputElement).value }) }) }),
      h(Field, {
        path: [...base, 'region'],
        label: t('levelEditor.stackRegion'),
        input: (props) => h('select', { ...props, class: 'stack-region', value: stack.region, onChange: (e: Event) => change({ region: (e.target as HTMLSelectElement).value }) }, REGIONS.map((r) => h('option', { key: r.code, value: r.code }, `${r.code} · ${t(`regions.${r.code}`)}`))),
      }),
      h(Field, {
        path: [...base, 'template'],
        label: t('levelEditor.template'),
        hint: t('levelEditor.templateHint'),
        wide: true,
        input: (props) => h('textarea', { ...props, class: 'mono template', rows: 10, spellcheck: false, value: stack.template, onInput: (e: Event) => change({ template: (e.target as HTMLTextAreaElement).value }) }),
      }),
      h(Field, {
        path: [...base, 'parameters'],
        label: t('levelEditor.parameters'),
        hint: t('levelEditor.parametersHint'),
        wide: true,
        input: (props) => h('textarea', { ...props, class: 'mono stack-parameters', rows: 3, spellcheck: false, value: stack.parameters, onInput: (e: Event) => change({ parameters: (e.target as HTMLTextAreaElement).value }) }),
      }),
    ),
    h(ItemButtons, {
      name: stack.name,
      index,
      count,
      onMove: (d) =>
        update((f) => {
          const design = designOf(f, board)!;
          const to = Math.max(0, Math.min(design.stacks.length - 1, index + d));
          const stacks = [...design.stacks];
          const [moved] = stacks.splice(index, 1);
          stacks.splice(to, 0, moved!);
          return withDesign(f, board, { ...design, stacks });
        }),
      onRemove: () => update((f) => withDesign(f, board, { ...designOf(f, board)!, stacks: removeItem(designOf(f, board)!.stacks, index) })),
    }),
  );
}

function DesignBox({ board }: { board: Board }) {
  const { form, update } = useEditing();
  const design = designOf(form, board)!;
  return h(
    'div',
    { class: 'design-box' },
    h(Problems, { path: BASE[board] }),
    h(Problems, { path: [...BASE[board], 'stacks'] }),
    design.stacks.map((stack, i) => h(StackBox, { key: i, board, index: i, stack, count: design.stacks.length })),
    h('button', { type: 'button', class: 'ghost', id: `level-add-stack-${board}`, onClick: () => update((f) => withDesign(f, board, { ...designOf(f, board)!, stacks: [...designOf(f, board)!.stacks, newStack(designOf(f, board)!.stacks.length + 1)] })) }, `+ ${t('levelEditor.addStack')}`),
  );
}

function StartBoard() {
  const { form, update } = useEditing();
  const start = form.start;
  return h(
    'div',
    { class: 'start-board' },
    h('h3', {}, t('levelEditor.startBoard')),
    h(
      'div',
      { class: 'row', role: 'radiogroup', 'aria-label': t('levelEditor.startBoard') },
      h('label', { class: 'check' }, h('input', { type: 'radio', name: 'level-start-kind', id: 'level-start-empty', checked: start.kind === 'empty', onChange: () => update((f) => ({ ...f, start: { kind: 'empty', regions: ['us-east-1'] } })) }), ` ${t('levelEditor.startEmpty')}`),
      h('label', { class: 'check' }, h('input', { type: 'radio', name: 'level-start-kind', id: 'level-start-stacks', checked: start.kind === 'stacks', onChange: () => update((f) => ({ ...f, start: { kind: 'stacks', design: { stacks: [newStack(1)] } } })) }), ` ${t('levelEditor.startStacks')}`),
    ),
    start.kind === 'empty'
      ? h(Field, {
          path: ['start', 'regions'],
          label: t('levelEditor.startRegions'),
          input: (props) =>
            h(
              'div',
              { class: 'area-checks', role: 'group', ...props },
              REGIONS.map((r) =>
                h(
                  'label',
                  { key: r.code, class: 'check' },
                  h('input', {
                    type: 'checkbox',
                    checked: start.regions.includes(r.code),
                    onChange: (e: Event) => {
                      const on = (e.target as HTMLInputElement).checked;
                      update((f) => (f.start.kind !== 'empty' ? f : { ...f, start: { kind: 'empty', regions: on ? [...f.start.regions, r.code] : f.start.regions.filter((x) => x !== r.code) } }));
                    },
                  }),
                  ` ${r.code}`,
                ),
              ),
            ),
        })
      : h(DesignBox, { board: 'start' }),
    h(Problems, { path: ['start'] }),
  );
}

export function BoardsSection() {
  return h(
    'section',
    { class: 'editor-section', 'aria-labelledby': 'level-boards-head' },
    h('h2', { id: 'level-boards-head' }, t('levelEditor.boards')),
    h('p', { class: 'explain' }, t('levelEditor.boardsHint')),
    h(StartBoard, {}),
    h(Problems, { path: ['solutions'] }),
    h('h3', {}, t('levelEditor.reference')),
    h('p', { class: 'explain' }, t('levelEditor.referenceHint')),
    h(DesignBox, { board: 'reference' }),
    h('h3', {}, t('levelEditor.naive')),
    h('p', { class: 'explain' }, t('levelEditor.naiveHint')),
    h(DesignBox, { board: 'naive' }),
  );
}
