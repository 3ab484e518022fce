// The scenario's own figures: its id, its words in English and Korean, its clock, its money, its request mix, its
// stars, and the kinds of resource players may place.
import { h } from 'preact';
import { fieldId, RESOURCE_KINDS } from '../../../shared/scenario/editor-model.ts';
import { t } from '../../i18n/index.ts';
import { useEditing } from './context.ts';
import { NumberField, Problems, TextField } from './fields.ts';

function AllowedKinds() {
  const { form, set } = useEditing();
  const allowed = form.document.allowedKinds as string[] | undefined;
  const toggle = (kind: string, on: boolean) => {
    const now = allowed ?? [...RESOURCE_KINDS];
    const next = on ? [...now, kind] : now.filter((k) => k !== kind);
    set(['allowedKinds'], next);
  };
  return h(
    'fieldset',
    { class: 'kinds wide', 'data-path': 'allowedKinds', 'aria-describedby': `${fieldId('allowedKinds')}-error` },
    h('legend', {}, t('levelEditor.allowedKinds')),
    h(
      'label',
      { class: 'check all-kinds' },
      h('input', { type: 'checkbox', id: 'level-all-kinds', checked: allowed === undefined, onChange: (e: Event) => set(['allowedKinds'], (e.target as HTMLInputElement).checked ? undefined : [...RESOURCE_KINDS]) }),
      ` ${t('levelEditor.allKinds')}`,
    ),
    allowed === undefined
      ? null
      : h(
          'div',
          { class: 'kind-grid' },
          RESOURCE_KINDS.map((kind) =>
            h('label', { key: kind, class: 'check' }, h('input', { type: 'checkbox', checked: allowed.includes(kind), onChange: (e: Event) => toggle(kind, (e.target as HTMLInputElement).checked) }), ` ${t(`kinds.name.${kind}`, { defaultValue: kind })}`),
          ),
        ),
    h(Problems, { path: ['allowedKinds'] }),
  );
}

export function ScenarioSection() {
  return h(
    'section',
    { class: 'editor-section', 'aria-labelledby': 'level-scenario-head' },
    h('h2', { id: 'level-scenario-head' }, t('levelEditor.scenario')),
    h(
      'div',
      { class: 'editor-grid' },
      h(TextField, { path: ['id'], label: t('levelEditor.id'), hint: t('levelEditor.idHint') }),
      h('div', {}),
      h(TextField, { path: ['title'], label: t('levelEditor.titleEn') }),
      h(TextField, { path: ['ko', 'title'], label: t('levelEditor.titleKo') }),
      h(TextField, { path: ['teachingGoal'], label: t('levelEditor.goalEn'), long: true, optional: true }),
      h(TextField, { path: ['ko', 'teachingGoal'], label: t('levelEditor.goalKo'), long: true, optional: true }),
      h(NumberField, { path: ['durationS'], label: t('levelEditor.duration'), unit: t('levelEditor.seconds'), step: 60 }),
      h(NumberField, { path: ['startHour'], label: t('levelEditor.startHour'), hint: t('levelEditor.startHourHint'), unit: 'UTC', step: 1 }),
      h(NumberField, { path: ['budgetUsd'], label: t('levelEditor.budget'), unit: 'USD' }),
      h(NumberField, { path: ['latencyObjectiveMs'], label: t('levelEditor.latency'), unit: 'ms' }),
      h(NumberField, { path: ['revenuePerGoodRequestUsd'], label: t('levelEditor.revenue'), hint: t('levelEditor.revenueHint'), unit: 'USD' }),
      h('div', {}),
    ),
    h('h3', {}, t('levelEditor.mix')),
    h(
      'div',
      { class: 'editor-grid three' },
      h(NumberField, { path: ['mix', 'static'], label: t('levelEditor.mixStatic'), step: 0.05 }),
      h(NumberField, { path: ['mix', 'read'], label: t('levelEditor.mixRead'), step: 0.05 }),
      h(NumberField, { path: ['mix', 'write'], label: t('levelEditor.mixWrite'), step: 0.05 }),
    ),
    h(Problems, { path: ['mix'] }),
    h('h3', {}, t('levelEditor.stars')),
    h(
      'div',
      { class: 'editor-grid three' },
      [0, 1, 2].map((i) => h(NumberField, { key: i, path: ['stars', i], label: t('levelEditor.starScore', { stars: '★'.repeat(i + 1) }), step: 10 })),
    ),
    h(Problems, { path: ['stars'] }),
    h(AllowedKinds, {}),
  );
}
