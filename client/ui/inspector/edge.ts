// Inspector sections of the global and edge services: Route 53 records and their health checks, CloudFront
// TTL and price class, Global Accelerator endpoint groups, WAF rules.
import { h } from 'preact';
import { catalogue, readCurve } from '../../../shared/catalogue/index.ts';
import { dnsHealthCheckDefaults } from '../../../shared/catalogue/defaults.ts';
import { AREAS, REGIONS } from '../../../shared/geography/regions.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { explainFigure } from '../../view/catalogue-text.ts';
import { NumberField, Section, SelectField, TextField, ToggleField } from '../fields.ts';
import { num, refList, refOne, type InspectorContext } from './context.ts';

export function RecordSection({ c }: { c: InspectorContext }) {
  const p = c.r.props;
  const policy = String(p.policy ?? 'simple');
  const check = c.piece.parts.find((x) => x.kind === 'healthCheck');
  const addCheck = () => c.actions.addPart('healthCheck', c.r.ref, 'undo.addCheck');
  return h(
    'div',
    {},
    h(
      Section,
      { title: t('kinds.name.recordSet') },
      h(TextField, { id: c.id('name'), label: t('inspector.recordName'), value: String(p.name ?? ''), error: c.error('name'), onCommit: (v) => c.set('name', v) }),
      h(SelectField, {
        id: c.id('policy'),
        label: t('inspector.routing'),
        value: policy,
        options: ['simple', 'weighted', 'latency', 'failover'].map((v) => ({ value: v, label: t(`route53.policy.${v}`) })),
        error: c.error('policy'),
        explain: t(`route53.explain.${policy}`),
        onCommit: (v) => c.set('policy', v),
      }),
      policy === 'weighted' ? h(NumberField, { id: c.id('weight'), label: t('inspector.weight'), value: num(p.weight, 1), min: 0, max: 255, error: c.error('weight'), onCommit: (v) => c.set('weight', v) }) : null,
      policy === 'failover'
        ? h(SelectField, { id: c.id('failover'), label: t('inspector.failoverRole'), value: String(p.failover ?? 'PRIMARY'), options: [{ value: 'PRIMARY', label: t('inspector.primary') }, { value: 'SECONDARY', label: t('inspector.secondary') }], error: c.error('failover'), onCommit: (v) => c.set('failover', v) })
        : null,
      policy === 'latency'
        ? h(SelectField, { id: c.id('region'), label: t('inspector.region'), value: String(p.region ?? 'us-east-1'), options: REGIONS.map((r) => ({ value: r.code, label: r.code })), error: c.error('region'), onCommit: (v) => c.set('region', v) })
        : null,
      h(NumberField, { id: c.id('ttlS'), label: t('inspector.ttl'), value: num(p.ttlS, 60), min: 0, max: 86400, unit: 's', error: c.error('ttlS'), explain: explainFigure('route53.queriesPerRequestAtTtl60'), onCommit: (v) => c.set('ttlS', v) }),
      h(ToggleField, { id: c.id('evaluateTargetHealth'), label: t('inspector.evaluateHealth'), value: p.evaluateTargetHealth === true, error: c.error('evaluateTargetHealth'), onCommit: (v) => c.set('evaluateTargetHealth', v) }),
      h('p', { class: 'muted' }, t('inspector.target', { target: String(p.target ?? t('common.none')) })),
    ),
    h(
      Section,
      { title: t('inspector.healthCheck') },
      check
        ? h(
            'div',
            { class: 'three' },
            h(NumberField, { id: c.id('intervalS', check.ref), label: t('inspector.hcInterval'), value: num(check.props.intervalS, dnsHealthCheckDefaults().intervalS), min: 10, max: 30, unit: 's', error: c.error('intervalS', check.ref), onCommit: (v) => c.set('intervalS', v, check.ref) }),
            h(NumberField, { id: c.id('failureThreshold', check.ref), label: t('inspector.hcUnhealthy'), value: num(check.props.failureThreshold, dnsHealthCheckDefaults().failureThreshold), min: 1, max: 10, error: c.error('failureThreshold', check.ref), onCommit: (v) => c.set('failureThreshold', v, check.ref) }),
          )
        : h('button', { type: 'button', id: 'add-health-check', onClick: addCheck }, t('inspector.addHealthCheck')),
      h('p', { class: 'explain' }, `${explainFigure('route53.healthCheckIntervalS')} ${explainFigure('route53.failureThreshold')}`),
    ),
  );
}

export function DistributionSection({ c }: { c: InspectorContext }) {
  const p = c.r.props;
  const ttl = num(p.defaultTtlS, 86400);
  const hit = readCurve(catalogue.cloudFront.staticHitRatioByTtl.points, ttl);
  return h(
    Section,
    { title: t('kinds.name.distribution') },
    h(NumberField, { id: c.id('defaultTtlS'), label: t('inspector.cacheTtl'), value: ttl, min: 0, max: 31536000, unit: 's', error: c.error('defaultTtlS'), explain: `${t('inspector.hitPreview', { pct: formatNumber(hit * 100) })} ${explainFigure('cloudFront.staticHitRatioByTtl')}`, onCommit: (v) => c.set('defaultTtlS', v) }),
    h(SelectField, {
      id: c.id('priceClass'),
      label: t('inspector.priceClass'),
      value: String(p.priceClass ?? 'PriceClass_100'),
      options: ['PriceClass_100', 'PriceClass_200', 'PriceClass_All'].map((v) => ({ value: v, label: t(`inspector.price.${v}`) })),
      error: c.error('priceClass'),
      explain: explainFigure('cloudFront.outsidePriceClassExtraMs'),
      onCommit: (v) => c.set('priceClass', v),
    }),
    h('p', { class: 'muted' }, t('inspector.origins', { list: refList(p.origins).join(', ') || t('common.none') })),
    h('p', { class: 'explain' }, explainFigure('cloudFront.floodAbsorbedShare')),
  );
}

export function AcceleratorSection({ c }: { c: InspectorContext }) {
  const groups = c.piece.parts.filter((x) => x.kind === 'endpointGroup');
  return h(
    Section,
    { title: t('kinds.name.accelerator') },
    h(ToggleField, { id: c.id('enabled'), label: t('inspector.enabled'), value: c.r.props.enabled !== false, error: c.error('enabled'), explain: explainFigure('globalAccelerator.hourlyUsd'), onCommit: (v) => c.set('enabled', v) }),
    groups.map((g) =>
      h(
        'div',
        { key: g.ref, class: 'part' },
        h('strong', {}, String(g.props.region)),
        h(NumberField, { id: c.id('trafficDialPct', g.ref), label: t('inspector.trafficDial'), value: num(g.props.trafficDialPct, 100), min: 0, max: 100, unit: '%', error: c.error('trafficDialPct', g.ref), onCommit: (v) => c.set('trafficDialPct', v, g.ref) }),
      ),
    ),
    h('p', { class: 'explain' }, explainFigure('globalAccelerator.thresholdCount')),
  );
}

export function WebAclSection({ c }: { c: InspectorContext }) {
  const p = c.r.props;
  const blocked = Array.isArray(p.blockedAreas) ? (p.blockedAreas as string[]) : [];
  return h(
    Section,
    { title: t('kinds.name.webAcl') },
    h(NumberField, { id: c.id('rateLimit'), label: t('inspector.rateLimit'), value: num(p.rateLimit, 2000), min: catalogue.waf.minRateLimit.value, max: 2_000_000_000, unit: t('units.per5min'), error: c.error('rateLimit'), explain: explainFigure('waf.userRequestsPer5MinPerSource'), onCommit: (v) => c.set('rateLimit', v) }),
    h('p', { class: 'label' }, t('inspector.blockedAreas')),
    h(
      'div',
      { class: 'checks' },
      AREAS.map((a) =>
        h(
          'label',
          { key: a.code, class: 'check' },
          h('input', { type: 'checkbox', checked: blocked.includes(a.code), onChange: (e: Event) => c.set('blockedAreas', (e.target as HTMLInputElement).checked ? [...blocked, a.code] : blocked.filter((x) => x !== a.code)) }),
          t(`areas.${a.code}`),
        ),
      ),
    ),
    c.error('blockedAreas') ? h('p', { class: 'field-error' }, `⚠ ${c.error('blockedAreas')}`) : null,
  );
}
