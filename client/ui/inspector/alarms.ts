// The CloudWatch alarms that watch a piece: metric, comparison, threshold and periods, each editable.
import { h } from 'preact';
import { t } from '../../i18n/index.ts';
import { explainFigure } from '../../view/catalogue-text.ts';
import { ALARM_PRESETS } from '../../../shared/catalogue/defaults.ts';
import { NumberField, Section, SelectField } from '../fields.ts';
import { num, type InspectorContext } from './context.ts';

export function AlarmsSection({ c }: { c: InspectorContext }) {
  const alarms = c.piece.parts.filter((x) => x.kind === 'alarm');
  const preset = ALARM_PRESETS[c.r.kind];
  const add = () => c.actions.addPart('alarm', c.r.ref, 'undo.addAlarm');
  if (!preset && alarms.length === 0) return null;
  return h(
    Section,
    { title: t('inspector.alarms') },
    alarms.map((a) =>
      h(
        'div',
        { key: a.ref, class: 'part alarm-part' },
        h('strong', {}, `⚑ ${a.logicalId}`),
        h('span', { class: 'muted' }, `${String(a.props.namespace)} ${String(a.props.metric)} (${String(a.props.statistic)})`),
        h(SelectField, {
          id: c.id('comparison', a.ref),
          label: t('inspector.comparison'),
          value: String(a.props.comparison),
          options: ['GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'].map((v) => ({ value: v, label: t(`inspector.cmp.${v}`) })),
          error: c.error('comparison', a.ref),
          onCommit: (v) => c.set('comparison', v, a.ref),
        }),
        h(
          'div',
          { class: 'three' },
          h(NumberField, { id: c.id('threshold', a.ref), label: t('inspector.threshold'), value: num(a.props.threshold), error: c.error('threshold', a.ref), onCommit: (v) => c.set('threshold', v, a.ref) }),
          h(NumberField, { id: c.id('periodS', a.ref), label: t('inspector.period'), value: num(a.props.periodS, 60), min: 10, unit: 's', error: c.error('periodS', a.ref), onCommit: (v) => c.set('periodS', v, a.ref) }),
          h(NumberField, { id: c.id('evaluationPeriods', a.ref), label: t('inspector.periods'), value: num(a.props.evaluationPeriods, 2), min: 1, max: 10, error: c.error('evaluationPeriods', a.ref), onCommit: (v) => c.set('evaluationPeriods', v, a.ref) }),
        ),
        h('button', { type: 'button', class: 'link danger', onClick: () => c.actions.remove(a.ref) }, t('common.remove')),
      ),
    ),
    preset ? h('button', { type: 'button', onClick: add }, t('inspector.addAlarm')) : null,
    h('p', { class: 'explain' }, explainFigure('cloudWatch.metricIntervalS')),
  );
}
