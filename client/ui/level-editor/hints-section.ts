// Hints: the briefing's tips (English beside Korean, one pair a row) and the live hints shown during play while
// their condition holds on the running world (shared/scenario/hints.ts), with the condition's thresholds.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { HINT_CONDITIONS, hintConditionFields, moveItem, newLiveHint, recondition, removeItem } from '../../../shared/scenario/editor-model.ts';
import type { HintCondition } from '../../../shared/scenario/hints.ts';
import { t } from '../../i18n/index.ts';
import { useEditing } from './context.ts';
import { Field, ItemButtons, NumberField, Problems, TextField } from './fields.ts';
import { ParamField } from './param-fields.ts';

type Condition = HintCondition['condition'];
export const conditionName = (c: string): string => t(`levelEditor.condition.${c}`, { defaultValue: c });

function BriefingHints() {
  const { form, update } = useEditing();
  const en = (form.document.hints as string[] | undefined) ?? [];
  const ko = ((form.document.ko as { hints?: string[] } | undefined)?.hints ?? []) as string[];
  const rows = Math.max(en.length, ko.length);
  // Both lists change together, so a row's English and Korean stay side by side.
  const change = (next: (list: string[]) => string[]) =>
    update((f) => {
      const koNow = ((f.document.ko as { hints?: string[] } | undefined)?.hints ?? []) as string[];
      const enNow = (f.document.hints as string[] | undefined) ?? [];
      const pad = (list: string[]) => Array.from({ length: rows }, (_, i) => list[i] ?? '');
      return { ...f, document: { ...f.document, hints: next(pad(enNow)), ko: { ...((f.document.ko as object) ?? {}), hints: next(pad(koNow)) } } };
    });
  return h(
    'div',
    { class: 'briefing-hints' },
    h('h3', {}, t('levelEditor.briefingHints')),
    h(Problems, { path: ['hints'] }),
    Array.from({ length: rows }, (_, i) =>
      h(
        'div',
        { key: i, class: 'editor-item', 'data-item': `hint-${i}` },
        h('div', { class: 'editor-grid' }, h(TextField, { path: ['hints', i], label: t('levelEditor.hintEn', { n: i + 1 }) }), h(TextField, { path: ['ko', 'hints', i], label: t('levelEditor.hintKo', { n: i + 1 }) })),
        h(ItemButtons, { name: t('levelEditor.hintEn', { n: i + 1 }), index: i, count: rows, onMove: (d) => change((l) => moveItem(l, i, d)), onRemove: () => change((l) => removeItem(l, i)) }),
      ),
    ),
    h('button', { type: 'button', class: 'ghost', id: 'level-add-hint', onClick: () => change((l) => [...l, '']) }, `+ ${t('levelEditor.addHint')}`),
  );
}

function LiveHints() {
  const { form, set } = useEditing();
  const hints = (form.document.liveHints as { id: string; when: { condition: Condition }; beforeS?: number }[] | undefined) ?? [];
  const [condition, setCondition] = useState<Condition>('cpu-high');
  return h(
    'div',
    { class: 'live-hints' },
    h('h3', {}, t('levelEditor.liveHints')),
    h(Problems, { path: ['liveHints'] }),
    hints.map((hint, i) =>
      h(
        'div',
        { key: i, class: 'editor-item', 'data-item': `live-hint-${i}` },
        h('div', { class: 'item-head' }, h('strong', {}, hint.id), h(ItemButtons, { name: hint.id, index: i, count: hints.length, onMove: (d) => set(['liveHints'], moveItem(hints, i, d)), onRemove: () => set(['liveHints'], removeItem(hints, i)) })),
        h(
          'div',
          { class: 'editor-grid' },
          h(TextField, { path: ['liveHints', i, 'id'], label: t('levelEditor.hintId') }),
          h(Field, {
            path: ['liveHints', i, 'when'],
            label: t('levelEditor.condition.label'),
            input: (props) =>
              h(
                'select',
                { ...props, value: hint.when?.condition, onChange: (e: Event) => set(['liveHints', i], recondition(hint as unknown as Record<string, unknown>, (e.target as HTMLSelectElement).value as Condition)) },
                HINT_CONDITIONS.map((c) => h('option', { key: c, value: c }, conditionName(c))),
              ),
          }),
          ...(HINT_CONDITIONS.includes(hint.when?.condition) ? hintConditionFields(hint.when.condition).map((spec) => h(ParamField, { key: spec.key, base: ['liveHints', i, 'when'], spec })) : []),
          h(NumberField, { path: ['liveHints', i, 'afterS'], label: t('levelEditor.afterS'), unit: t('levelEditor.seconds'), step: 60 }),
          h(NumberField, { path: ['liveHints', i, 'beforeS'], label: t('levelEditor.beforeS'), hint: t('levelEditor.beforeSHint'), unit: t('levelEditor.seconds'), step: 60 }),
        ),
        // The two languages side by side, whatever the condition's thresholds are.
        h(
          'div',
          { class: 'editor-grid' },
          h(TextField, { path: ['liveHints', i, 'text', 'en'], label: t('levelEditor.liveTextEn') }),
          h(TextField, { path: ['liveHints', i, 'text', 'ko'], label: t('levelEditor.liveTextKo'), optional: true }),
        ),
      ),
    ),
    h(
      'div',
      { class: 'row add-row' },
      h('label', { for: 'level-new-condition' }, t('levelEditor.newCondition')),
      h('select', { id: 'level-new-condition', value: condition, onChange: (e: Event) => setCondition((e.target as HTMLSelectElement).value as Condition) }, HINT_CONDITIONS.map((c) => h('option', { key: c, value: c }, conditionName(c)))),
      h('button', { type: 'button', class: 'ghost', id: 'level-add-live-hint', onClick: () => set(['liveHints'], [...hints, newLiveHint(condition, hints.map((x) => x.id))]) }, `+ ${t('levelEditor.addLiveHint')}`),
    ),
  );
}

export function HintsSection() {
  return h('section', { class: 'editor-section', 'aria-labelledby': 'level-hints-head' }, h('h2', { id: 'level-hints-head' }, t('levelEditor.hints')), h(BriefingHints, {}), h(LiveHints, {}));
}
