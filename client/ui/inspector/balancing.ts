// Inspector section of a load balancer, by what it is (shared/design/lb-settings.ts): its type and scheme, where
// cross-zone is decided, the zones it enables and the addresses it answers on, then its listeners and rules
// (listeners.ts) and its target groups (target-group.ts). Only the settings the shared rules take for its kind
// are offered; every change is still checked by the server.
import { h } from 'preact';
import { t } from '../../i18n/index.ts';
import { explainFigure } from '../../view/catalogue-text.ts';
import { loadBalancerPanel, type LoadBalancerPanel } from '../../view/lb-panel.ts';
import { Section, SelectField, ToggleField } from '../fields.ts';
import { refList, refOne, type InspectorContext } from './context.ts';
import { ListenersSection } from './listeners.ts';
import { SubnetChecks } from './subnet-checks.ts';
import { TargetGroupSection } from './target-group.ts';

/** The catalogue entry that explains a family's cross-zone default. */
const CROSS_ZONE_FIGURE = { application: 'loadBalancers.application.crossZoneDefault', network: 'loadBalancers.network.crossZoneDefault', gateway: 'gatewayLoadBalancer.crossZoneDefault' } as const;

export function LoadBalancerSection({ c }: { c: InspectorContext }) {
  const p = c.r.props;
  const panel = loadBalancerPanel(c.r, c.piece.parts);
  const family = panel.settings.family;
  const chosen = refList(p.subnets);
  const vpc = chosen.map((s) => refOne(c.state.model.byRef.get(s)?.props.vpc)).find(Boolean);
  return h(
    'div',
    { 'data-lb-family': family },
    h(
      Section,
      { title: t('inspector.loadBalancer') },
      // A GWLB or a Classic ELB keeps its type: the select shows only what the rules let it become.
      panel.settings.types.length > 1
        ? h(SelectField, {
            id: c.id('lbType'),
            label: t('inspector.lbType'),
            value: String(p.lbType ?? 'application'),
            options: panel.settings.types.map((v) => ({ value: v, label: t(`inspector.lbFamily.${v}`) })),
            error: c.error('lbType'),
            explain: explainFigure(`loadBalancers.${family === 'network' ? 'network' : 'application'}.addedLatencyMs`),
            onCommit: (v) => c.set('lbType', v),
          })
        : h(
            'div',
            { class: 'field', 'data-field': c.id('lbType') },
            h('span', { class: 'label' }, t('inspector.lbType')),
            h('p', { id: c.id('lbType'), class: 'fixed-value' }, h('strong', {}, t(`inspector.lbFamily.${family}`))),
            h('p', { class: 'explain' }, t(`inspector.typeFixed.${family}`)),
            c.error('lbType') ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${c.error('lbType')}`) : null,
          ),
      // A GWLB has no scheme (AWS refuses one): it is reached through endpoints, not from the internet.
      family === 'gateway'
        ? h('p', { class: 'explain' }, explainFigure('gatewayLoadBalancer.endpointPath'))
        : h(SelectField, {
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
      // An ALB's own cross-zone is always on (AWS): its target groups' toggles are the ones that count.
      panel.settings.crossZoneOn === 'loadBalancer'
        ? h(ToggleField, { id: c.id('crossZone'), label: t('inspector.crossZoneLb'), value: p.crossZone === true, error: c.error('crossZone'), explain: family === 'classic' ? t('inspector.crossZoneClassic') : explainFigure(CROSS_ZONE_FIGURE[family]), onCommit: (v) => c.set('crossZone', v) })
        : h('p', { class: 'explain' }, t('inspector.crossZonePerGroup')),
    ),
    h(
      Section,
      { title: t('inspector.enabledZones') },
      h('p', { class: 'explain' }, t('inspector.enabledZonesHelp')),
      family === 'application' ? h('p', { class: 'explain' }, explainFigure('loadBalancing.albMinimumZones')) : null,
      h(SubnetChecks, { c, vpc }),
    ),
    h(AddressesSection, { c, panel, zones: chosen.map((s) => String(c.state.model.byRef.get(s)?.props.zone ?? '')).filter(Boolean) }),
    h(ListenersSection, { c, panel }),
    panel.groups.map((g) => h(TargetGroupSection, { key: g.ref, c, panel, group: g })),
  );
}

/** The addresses it answers on: an NLB's static IP per AZ or its Elastic IPs; an ALB's change (no allow-listing). */
function AddressesSection({ c, panel, zones }: { c: InspectorContext; panel: LoadBalancerPanel; zones: string[] }) {
  const family = panel.settings.family;
  if (family === 'gateway') return null;
  const unique = [...new Set(zones)].sort();
  return h(
    Section,
    { title: t('inspector.addresses') },
    panel.settings.staticAddresses
      ? h(
          'ul',
          { class: 'addresses', id: c.id('addresses') },
          unique.map((z) => h('li', { key: z }, panel.elasticIps > 0 ? t('inspector.elasticIpIn', { zone: z }) : t('inspector.staticIpIn', { zone: z }))),
        )
      : h('p', { id: c.id('addresses'), class: 'fixed-value' }, t('inspector.changingAddresses')),
    panel.settings.staticAddresses && panel.elasticIps > 0 ? h('p', { class: 'muted' }, t('inspector.elasticIps', { count: panel.elasticIps })) : null,
    h('p', { class: 'explain' }, explainFigure('networkLoadBalancer.staticAddressesPerZone')),
    family === 'network' ? h('p', { class: 'explain' }, explainFigure('networkLoadBalancer.layer4Only')) : null,
  );
}
