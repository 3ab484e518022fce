// Inspector section of a load balancer: type and scheme, cross-zone, the zones it enables, its listeners, and
// its target group's algorithm, stickiness and health check.
import { h } from 'preact';
import { t } from '../../i18n/index.ts';
import { explainFigure } from '../../view/catalogue-text.ts';
import { targetHealthCheckDefaults, DEFAULT_HEALTH_CHECK_PATH } from '../../../shared/catalogue/defaults.ts';
import { NumberField, Section, SelectField, TextField, ToggleField } from '../fields.ts';
import { num, refList, refOne, type InspectorContext } from './context.ts';
import { SubnetChecks } from './subnet-checks.ts';

export function LoadBalancerSection({ c }: { c: InspectorContext }) {
  const p = c.r.props;
  const type = p.lbType === 'network' ? 'network' : 'application';
  const chosen = refList(p.subnets);
  const vpc = chosen.map((s) => refOne(c.state.model.byRef.get(s)?.props.vpc)).find(Boolean);
  const listeners = c.piece.parts.filter((x) => x.kind === 'listener');
  const group = c.piece.parts.find((x) => x.kind === 'targetGroup');
  const addHttps = () => c.actions.addPart('httpsListener', c.r.ref, 'undo.addListener');
  return h(
    'div',
    {},
    h(
      Section,
      { title: t('inspector.loadBalancer') },
      h(SelectField, {
        id: c.id('lbType'),
        label: t('inspector.lbType'),
        value: type,
        options: [
          { value: 'application', label: t('inspector.alb') },
          { value: 'network', label: t('inspector.nlb') },
        ],
        error: c.error('lbType'),
        explain: explainFigure(`loadBalancers.${type}.addedLatencyMs`),
        onCommit: (v) => c.set('lbType', v),
      }),
      h(SelectField, {
        id: c.id('scheme'),
        label: t('inspector.scheme'),
        value: String(p.scheme ?? 'internet-facing'),
        options: [
          { value: 'internet-facing', label: t('inspector.internetFacing') },
          { value: 'internal', label: t('inspector.internal') },
        ],
        error: c.error('scheme'),
        onCommit: (v) => c.set('scheme', v),
      }),
      // An ALB's own cross-zone is always on (AWS): its target group's toggle is the one that counts.
      type === 'network'
        ? h(ToggleField, { id: c.id('crossZone'), label: t('inspector.crossZone'), value: p.crossZone === true, error: c.error('crossZone'), explain: explainFigure(`loadBalancers.${type}.crossZoneDefault`), onCommit: (v) => c.set('crossZone', v) })
        : null,
    ),
    h(
      Section,
      { title: t('inspector.enabledZones') },
      h('p', { class: 'explain' }, t('inspector.enabledZonesHelp')),
      type === 'application' ? h('p', { class: 'explain' }, explainFigure('loadBalancing.albMinimumZones')) : null,
      // Fixed addresses (an NLB's static IP per zone or Elastic IPs) against an ALB's changing ones.
      h('p', { class: 'explain' }, explainFigure('networkLoadBalancer.staticAddressesPerZone')),
      type === 'network' ? h('p', { class: 'explain' }, explainFigure('networkLoadBalancer.layer4Only')) : null,
      h(SubnetChecks, { c, vpc }),
    ),
    h(
      Section,
      { title: t('inspector.listeners') },
      listeners.map((l) =>
        h(
          'div',
          { key: l.ref, class: 'part' },
          h('strong', {}, `${String(l.props.protocol)} :${String(l.props.port)}`),
          l.props.certificate ? h('span', { class: 'pill' }, t('inspector.tlsOffload')) : null,
          h('button', { type: 'button', class: 'link danger', onClick: () => c.actions.remove(l.ref) }, t('common.remove')),
        ),
      ),
      listeners.some((l) => num(l.props.port) === 443) ? null : h('button', { type: 'button', onClick: addHttps }, t('inspector.addHttps')),
    ),
    group ? h(TargetGroupSection, { c, group: group.ref }) : null,
  );
}

function TargetGroupSection({ c, group }: { c: InspectorContext; group: string }) {
  const g = c.state.model.byRef.get(group);
  if (!g) return null;
  const hc = (g.props.healthCheck ?? {}) as { intervalS?: number; healthyThreshold?: number; unhealthyThreshold?: number; path?: string };
  const setHc = (field: string, value: unknown) => c.actions.configure(group, { healthCheck: { ...hc, [field]: value } }, 'healthCheck');
  const type = c.r.props.lbType === 'network' ? 'network' : 'application';
  const defaults = targetHealthCheckDefaults(type);
  return h(
    Section,
    { title: t('inspector.targetGroup') },
    h(SelectField, {
      id: c.id('algorithm', group),
      label: t('inspector.algorithm'),
      value: String(g.props.algorithm ?? 'round_robin'),
      options: ['round_robin', 'least_outstanding_requests', 'weighted_random'].map((v) => ({ value: v, label: t(`inspector.algo.${v}`) })),
      error: c.error('algorithm', group),
      onCommit: (v) => c.set('algorithm', v, group),
    }),
    h(ToggleField, {
      id: c.id('crossZone', group),
      label: t('inspector.crossZone'),
      // Left unset, the target group uses its load balancer's setting (always on for an ALB).
      value: typeof g.props.crossZone === 'boolean' ? g.props.crossZone : type === 'application' || c.r.props.crossZone === true,
      error: c.error('crossZone', group),
      explain: explainFigure(`loadBalancers.${type}.crossZoneDefault`),
      onCommit: (v) => c.set('crossZone', v, group),
    }),
    h(ToggleField, { id: c.id('stickiness', group), label: t('inspector.stickiness'), value: g.props.stickiness === true, error: c.error('stickiness', group), onCommit: (v) => c.set('stickiness', v, group) }),
    h(
      'div',
      { class: 'three' },
      h(NumberField, { id: c.id('interval', group), label: t('inspector.hcInterval'), value: num(hc.intervalS, defaults.intervalS), min: 5, max: 300, unit: 's', onCommit: (v) => setHc('intervalS', v) }),
      h(NumberField, { id: c.id('healthy', group), label: t('inspector.hcHealthy'), value: num(hc.healthyThreshold, defaults.healthyThreshold), min: 2, max: 10, onCommit: (v) => setHc('healthyThreshold', v) }),
      h(NumberField, { id: c.id('unhealthy', group), label: t('inspector.hcUnhealthy'), value: num(hc.unhealthyThreshold, defaults.unhealthyThreshold), min: 2, max: 10, onCommit: (v) => setHc('unhealthyThreshold', v) }),
    ),
    h(TextField, { id: c.id('path', group), label: t('inspector.hcPath'), value: String(hc.path ?? DEFAULT_HEALTH_CHECK_PATH), error: c.error('healthCheck', group), explain: `${explainFigure(`loadBalancers.${type}.healthCheckIntervalS`)} ${explainFigure(`loadBalancers.${type}.unhealthyThreshold`)}`, onCommit: (v) => setHc('path', v) }),
    h('p', { class: 'muted' }, t('inspector.targets', { count: refList(g.props.targets).length })),
  );
}
