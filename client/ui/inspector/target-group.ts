// One target group of a load balancer in the inspector: its algorithm (anomaly mitigation with weighted random),
// sticky sessions (type and duration), cross-zone where the target group decides it (an ALB's), and its health
// check. Only what the shared rules take behind this kind of load balancer is offered (lb-settings.ts): an NLB's
// target group balances by flow hash, a GWLB's speaks GENEVE to its appliances.
import { h } from 'preact';
import { t } from '../../i18n/index.ts';
import { explainFigure } from '../../view/catalogue-text.ts';
import { targetHealthCheckDefaults, DEFAULT_HEALTH_CHECK_PATH } from '../../../shared/catalogue/defaults.ts';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { effectiveCrossZone, type LoadBalancerPanel, type TargetGroupView } from '../../view/lb-panel.ts';
import { NumberField, Section, SelectField, TextField, ToggleField } from '../fields.ts';
import { num, type InspectorContext } from './context.ts';

export function TargetGroupSection({ c, panel, group: g }: { c: InspectorContext; panel: LoadBalancerPanel; group: TargetGroupView }) {
  const resource = c.state.model.byRef.get(g.ref);
  if (!resource) return null;
  const s = panel.settings;
  const family = s.family;
  const hc = (resource.props.healthCheck ?? {}) as { intervalS?: number; healthyThreshold?: number; unhealthyThreshold?: number; path?: string };
  const setHc = (field: string, value: unknown) => c.actions.configure(g.ref, { healthCheck: { ...hc, [field]: value } }, 'healthCheck');
  const defaults = targetHealthCheckDefaults(family === 'network' ? 'network' : 'application');
  const title = family === 'gateway' ? t('inspector.applianceGroup', { name: g.logicalId }) : t('inspector.targetGroupNamed', { name: g.logicalId });
  return h(
    Section,
    { title },
    h('p', { class: 'muted fixed-value' }, `${g.protocol} :${g.port} · ${t('inspector.targets', { count: g.targets })}`),
    family === 'gateway' ? h('p', { class: 'explain' }, `${explainFigure('gatewayLoadBalancer.genevePort')} ${explainFigure('gatewayLoadBalancer.noFailOpen')}`) : null,
    // Per-request algorithms need a layer-7 load balancer; elsewhere the only one is shown, not offered.
    s.algorithms.length > 1
      ? h(SelectField, {
          id: c.id('algorithm', g.ref),
          label: t('inspector.algorithm'),
          value: g.algorithm,
          options: s.algorithms.map((v) => ({ value: v, label: t(`inspector.algo.${v}`) })),
          error: c.error('algorithm', g.ref),
          explain: g.algorithm === 'weighted_random' ? explainFigure('loadBalancing.anomalyMitigationFloor') : undefined,
          onCommit: (v) => c.set('algorithm', v, g.ref),
        })
      : h('p', { class: 'fixed-value' }, t('inspector.algorithmFixed', { algorithm: t(family === 'network' ? 'inspector.algo.flow_hash' : family === 'gateway' ? 'inspector.algo.five_tuple' : 'inspector.algo.round_robin') })),
    s.algorithms.length > 1 && g.algorithm === 'weighted_random'
      ? h(ToggleField, { id: c.id('anomalyMitigation', g.ref), label: t('inspector.anomalyMitigation'), value: g.anomalyMitigation, error: c.error('anomalyMitigation', g.ref), onCommit: (v) => c.set('anomalyMitigation', v, g.ref) })
      : null,
    s.stickinessTypes.length > 0 ? h(Stickiness, { c, g, types: s.stickinessTypes }) : null,
    s.crossZoneOn === 'targetGroup'
      ? h(ToggleField, {
          id: c.id('crossZone', g.ref),
          label: t('inspector.crossZone'),
          value: effectiveCrossZone(panel, g, c.r.props.crossZone === true),
          error: c.error('crossZone', g.ref),
          explain: explainFigure('loadBalancers.application.crossZoneDefault'),
          onCommit: (v) => c.set('crossZone', v, g.ref),
        })
      : null,
    h(
      'div',
      { class: 'three' },
      h(NumberField, { id: c.id('interval', g.ref), label: t('inspector.hcInterval'), value: num(hc.intervalS, defaults.intervalS), min: 5, max: 300, unit: 's', onCommit: (v) => setHc('intervalS', v) }),
      h(NumberField, { id: c.id('healthy', g.ref), label: t('inspector.hcHealthy'), value: num(hc.healthyThreshold, defaults.healthyThreshold), min: 2, max: 10, onCommit: (v) => setHc('healthyThreshold', v) }),
      h(NumberField, { id: c.id('unhealthy', g.ref), label: t('inspector.hcUnhealthy'), value: num(hc.unhealthyThreshold, defaults.unhealthyThreshold), min: 2, max: 10, onCommit: (v) => setHc('unhealthyThreshold', v) }),
    ),
    s.healthCheckPath
      ? h(TextField, {
          id: c.id('path', g.ref),
          label: t('inspector.hcPath'),
          value: g.healthPath ?? DEFAULT_HEALTH_CHECK_PATH,
          error: c.error('healthCheck', g.ref),
          explain: `${explainFigure('loadBalancing.failOpen')}`,
          onCommit: (v) => setHc('path', v),
        })
      : c.error('healthCheck', g.ref)
        ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${c.error('healthCheck', g.ref)}`)
        : null,
  );
}

/** Sticky sessions: on or off, by the load balancer's cookie or the application's, for how long. */
function Stickiness({ c, g, types }: { c: InspectorContext; g: TargetGroupView; types: string[] }) {
  const fallback = catalogue.loadBalancing.stickyDefaultDurationS.value;
  return h(
    'div',
    { class: 'stickiness' },
    h(ToggleField, { id: c.id('stickiness', g.ref), label: t('inspector.stickiness'), value: g.stickiness, error: c.error('stickiness', g.ref), explain: g.stickiness ? explainFigure('loadBalancing.stickyVisitS') : undefined, onCommit: (v) => c.set('stickiness', v, g.ref) }),
    g.stickiness
      ? h(
          'div',
          { class: 'two' },
          h(SelectField, {
            id: c.id('stickinessType', g.ref),
            label: t('inspector.stickinessType'),
            value: g.stickinessType,
            options: types.map((v) => ({ value: v, label: t(`inspector.sticky.${v}`) })),
            error: c.error('stickinessType', g.ref),
            onCommit: (v) => c.set('stickinessType', v, g.ref),
          }),
          h(NumberField, {
            id: c.id('stickinessDurationS', g.ref),
            label: t('inspector.stickinessDuration'),
            value: g.stickinessDurationS ?? fallback,
            min: 1,
            max: 604800,
            unit: 's',
            error: c.error('stickinessDurationS', g.ref),
            explain: explainFigure('loadBalancing.stickyDefaultDurationS'),
            onCommit: (v) => c.set('stickinessDurationS', v, g.ref),
          }),
        )
      : null,
  );
}
