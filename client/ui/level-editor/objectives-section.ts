// The objectives a run is judged by: a metric, a comparison and a target, primary or not (stars are earned only
// when every primary one is met), each described in English and Korean.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { moveItem, newObjective, OBJECTIVE_COMPARISONS, OBJECTIVE_METRICS, removeItem } from '../../../shared/scenario/editor-model.ts';
import { t } from '../../i18n/index.ts';
import { useEditing } from './context.ts';
import { CheckField, ChoiceField, ItemButtons, NumberField, Problems, TextField } from './fields.ts';

export const metricName = (metric: string): string => t(`levelEditor.metric.${metric}`, { defaultValue: metric });

export function ObjectivesSection() {
  const { form, set } = useEditing();
  const objectives = (form.document.objectives as { id: string; metric: string }[] | undefined) ?? [];
  const [metric, setMetric] = useState<(typeof OBJECTIVE_METRICS)[number]>('latencyP95');
  return h(
    'section',
    { class: 'editor-section', 'aria-labelledby': 'level-objectives-head' },
    h('h2', { id: 'level-objectives-head' }, t('levelEditor.objectives')),
    h('p', { class: 'explain' }, t('levelEditor.objectivesHint')),
    h(Problems, { path: ['objectives'] }),
    objectives.map((o, i) =>
      h(
        'div',
        { key: i, class: 'editor-item', 'data-item': `objective-${i}` },
        h('div', { class: 'item-head' }, h('strong', {}, o.id || metricName(o.metric)), h(ItemButtons, { name: o.id || String(i + 1), index: i, count: objectives.length, onMove: (d) => set(['objectives'], moveItem(objectives, i, d)), onRemove: () => set(['objectives'], removeItem(objectives, i)) })),
        h(
          'div',
          { class: 'editor-grid four' },
          h(TextField, { path: ['objectives', i, 'id'], label: t('levelEditor.objectiveId') }),
          h(ChoiceField, { path: ['objectives', i, 'metric'], label: t('levelEditor.metricLabel'), options: OBJECTIVE_METRICS, word: metricName }),
          h(ChoiceField, { path: ['objectives', i, 'comparison'], label: t('levelEditor.comparison'), options: OBJECTIVE_COMPARISONS }),
          h(NumberField, { path: ['objectives', i, 'target'], label: t('levelEditor.target') }),
        ),
        h(CheckField, { path: ['objectives', i, 'primary'], label: t('levelEditor.primary') }),
        h(
          'div',
          { class: 'editor-grid' },
          h(TextField, { path: ['objectives', i, 'description'], label: t('levelEditor.descriptionEn'), optional: true }),
          h(TextField, { path: ['objectives', i, 'descriptionKo'], label: t('levelEditor.descriptionKo'), optional: true }),
        ),
      ),
    ),
    h(
      'div',
      { class: 'row add-row' },
      h('label', { for: 'level-new-metric' }, t('levelEditor.newMetric')),
      h('select', { id: 'level-new-metric', value: metric, onChange: (e: Event) => setMetric((e.target as HTMLSelectElement).value as typeof metric) }, OBJECTIVE_METRICS.map((m) => h('option', { key: m, value: m }, metricName(m)))),
      h('button', { type: 'button', class: 'ghost', id: 'level-add-objective', onClick: () => set(['objectives'], [...objectives, newObjective(metric, objectives.map((o) => o.id))]) }, `+ ${t('levelEditor.addObjective')}`),
    ),
  );
}
