// Users per world area (a baseline and an optional 24-hour curve) and the chart of the day they plan: the plan is
// shared/scenario/peak.ts's, the one the briefing reads its peak from.
import { h } from 'preact';
import { useMemo } from 'preact/hooks';
import { AREAS } from '../../../shared/geography/regions.ts';
import { fieldId, moveItem, numberFromText, removeItem, trafficPreview } from '../../../shared/scenario/editor-model.ts';
import { t } from '../../i18n/index.ts';
import { Chart } from '../consoles/chart.ts';
import { useEditing } from './context.ts';
import { ChoiceField, ItemButtons, NumberField, Problems } from './fields.ts';

const FLAT = Array.from({ length: 24 }, () => 1);

function Curve({ index }: { index: number }) {
  const { form, set, placed } = useEditing();
  const curve = (form.document.traffic as { dailyCurve?: number[] }[])[index]?.dailyCurve;
  const path = `traffic.${index}.dailyCurve`;
  const problems = placed.at.get(path) ?? [];
  return h(
    'fieldset',
    { class: 'curve wide', 'data-path': path, ...(problems.length ? { 'aria-describedby': `${fieldId(path)}-error` } : {}) },
    h('legend', {}, t('levelEditor.curve')),
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', id: `${fieldId(path)}-on`, checked: curve !== undefined, onChange: (e: Event) => set(['traffic', index, 'dailyCurve'], (e.target as HTMLInputElement).checked ? [...FLAT] : undefined) }),
      ` ${t('levelEditor.curveOn')}`,
    ),
    curve
      ? h(
          'div',
          { class: 'curve-hours' },
          curve.map((m, hour) =>
            h(
              'label',
              { key: hour, class: 'hour' },
              h('span', {}, `${hour}h`),
              h('input', {
                type: 'number',
                step: 0.05,
                min: 0,
                'aria-label': t('levelEditor.curveHour', { hour }),
                value: Number.isFinite(m) ? String(m) : '',
                onInput: (e: Event) => set(['traffic', index, 'dailyCurve', hour], numberFromText((e.target as HTMLInputElement).value) ?? Number.NaN),
              }),
            ),
          ),
        )
      : null,
    h(Problems, { path: ['traffic', index, 'dailyCurve'] }),
  );
}

function PlanChart() {
  const { form } = useEditing();
  const plan = useMemo(() => trafficPreview(form), [form.document]);
  if (!plan) return h('p', { class: 'muted', id: 'level-traffic-chart' }, t('levelEditor.chartWaiting'));
  return h(Chart, { id: 'level-traffic-chart', title: t('levelEditor.chart'), x: plan.tS, series: [{ label: t('levelEditor.chartRps'), colour: '#38bdf8', values: plan.rps, fill: true }], height: 170, unit: '' });
}

export function TrafficSection() {
  const { form, set } = useEditing();
  const traffic = (form.document.traffic as { area: string }[] | undefined) ?? [];
  const free = AREAS.map((a) => a.code).filter((code) => !traffic.some((x) => x.area === code));
  return h(
    'section',
    { class: 'editor-section', 'aria-labelledby': 'level-traffic-head' },
    h('h2', { id: 'level-traffic-head' }, t('levelEditor.traffic')),
    h(PlanChart, {}),
    h(Problems, { path: ['traffic'] }),
    traffic.map((row, i) =>
      h(
        'div',
        { key: `${i}-${row.area}`, class: 'editor-item', 'data-item': `traffic-${i}` },
        h(
          'div',
          { class: 'editor-grid' },
          h(ChoiceField, { path: ['traffic', i, 'area'], label: t('levelEditor.area'), options: AREAS.map((a) => a.code), word: (code) => t(`areas.${code}`) }),
          h(NumberField, { path: ['traffic', i, 'baselineRps'], label: t('levelEditor.baseline'), unit: t('levelEditor.rps') }),
          h(Curve, { index: i }),
        ),
        h(ItemButtons, {
          name: t(`areas.${row.area}`, { defaultValue: row.area }),
          index: i,
          count: traffic.length,
          onMove: (d) => set(['traffic'], moveItem(traffic, i, d)),
          onRemove: () => set(['traffic'], removeItem(traffic, i)),
        }),
      ),
    ),
    free.length
      ? h('button', { type: 'button', class: 'ghost', id: 'level-add-area', onClick: () => set(['traffic'], [...traffic, { area: free[0], baselineRps: 20 }]) }, `+ ${t('levelEditor.addArea')}`)
      : null,
  );
}
