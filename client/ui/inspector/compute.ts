// Inspector sections of instances and Auto Scaling groups: instance type (with the catalogue's capacity and
// price), min/desired/max, health check type, enabled zones, scaling policies and scheduled actions.
import { h } from 'preact';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { formatClock, t } from '../../i18n/index.ts';
import { explainFigure } from '../../view/catalogue-text.ts';
import { DEFAULT_INSTANCE_TYPE } from '../../../shared/catalogue/defaults.ts';
import { NumberField, Section, SelectField } from '../fields.ts';
import { num, refList, refOne, type InspectorContext } from './context.ts';
import { GroupNow } from './group-now.ts';
import { SubnetChecks } from './subnet-checks.ts';

export function instanceTypeOptions() {
  return Object.entries(catalogue.instanceTypes).map(([name, e]) => ({
    value: name,
    label: t('inspector.instanceOption', { name, rps: e.capacityRps.value, usd: e.hourlyUsd.value }),
  }));
}

export function InstanceSection({ c }: { c: InspectorContext }) {
  const type = String(c.r.props.instanceType ?? DEFAULT_INSTANCE_TYPE);
  return h(
    Section,
    { title: t('inspector.compute') },
    h(SelectField, {
      id: c.id('instanceType'),
      label: t('inspector.instanceType'),
      value: type,
      options: instanceTypeOptions(),
      error: c.error('instanceType'),
      explain: `${explainFigure(`instanceTypes.${type}.capacityRps`)} ${explainFigure(`instanceTypes.${type}.hourlyUsd`)}`,
      onCommit: (v) => c.set('instanceType', v),
    }),
    c.running ? h('button', { type: 'button', onClick: () => c.actions.send({ type: 'reboot', target: c.r.ref }) }, t('inspector.reboot')) : null,
  );
}

export function GroupSection({ c }: { c: InspectorContext }) {
  const p = c.r.props;
  const template = c.piece.parts.find((x) => x.kind === 'launchTemplate');
  const type = String(template?.props.instanceType ?? DEFAULT_INSTANCE_TYPE);
  const vpcOf = (subnet: string) => refOne(c.state.model.byRef.get(subnet)?.props.vpc);
  const vpc = refList(p.subnets).map(vpcOf).find(Boolean);
  const live = c.running ? c.r.group : undefined;
  const setDesired = (v: number) => (c.running ? c.send({ type: 'setDesiredCapacity', target: c.r.ref, desired: v }, 'desired') : c.set('desired', v));
  return h(
    'div',
    {},
    h(
      Section,
      { title: t('inspector.capacity') },
      h(
        'div',
        { class: 'three' },
        h(NumberField, { id: c.id('min'), label: t('inspector.min'), value: live?.min ?? num(p.min), min: 0, max: 200, error: c.error('min'), onCommit: (v) => c.set('min', v) }),
        h(NumberField, { id: c.id('desired'), label: t('inspector.desired'), value: live?.desired ?? num(p.desired), min: 0, max: 200, error: c.error('desired'), onCommit: setDesired }),
        h(NumberField, { id: c.id('max'), label: t('inspector.max'), value: live?.max ?? num(p.max), min: 0, max: 200, error: c.error('max'), onCommit: (v) => c.set('max', v) }),
      ),
      // While the clock runs, the group's figures now (they may differ from the design's); before it, the design's.
      live ? h(GroupNow, { g: live }) : h('p', { class: 'explain' }, t('inspector.groupRunning', { running: c.r.count, desired: num(p.desired) })),
      h('p', { class: 'explain' }, explainFigure('ec2.bootS')),
      template
        ? h(SelectField, {
            id: c.id('instanceType', template.ref),
            label: t('inspector.launchTemplate'),
            value: type,
            options: instanceTypeOptions(),
            error: c.error('instanceType', template.ref),
            explain: explainFigure(`instanceTypes.${type}.capacityRps`),
            onCommit: (v) => c.set('instanceType', v, template.ref),
          })
        : null,
      // A template change reaches running instances only through a refresh (shared/sim/refresh.ts).
      c.running
        ? h(
            'p',
            {},
            h('button', { type: 'button', onClick: () => c.actions.send({ type: 'startInstanceRefresh', target: c.r.ref }) }, t('inspector.startRefresh')),
            h('span', { class: 'explain' }, ' ', explainFigure('autoScaling.refreshMinHealthyPct')),
          )
        : null,
      h(SelectField, {
        id: c.id('healthCheckType'),
        label: t('inspector.healthCheckType'),
        value: String(p.healthCheckType ?? 'EC2'),
        options: [
          { value: 'EC2', label: t('inspector.healthEC2') },
          { value: 'ELB', label: t('inspector.healthELB') },
        ],
        error: c.error('healthCheckType'),
        onCommit: (v) => c.set('healthCheckType', v),
      }),
    ),
    h(
      Section,
      { title: t('inspector.zones') },
      h(SubnetChecks, { c, vpc }),
    ),
    h(PoliciesSection, { c }),
    h(ScheduleSection, { c }),
  );
}

function PoliciesSection({ c }: { c: InspectorContext }) {
  const policies = c.piece.parts.filter((x) => x.kind === 'scalingPolicy');
  const add = (kind: 'tracking' | 'alarm') => c.actions.addPart(kind === 'tracking' ? 'trackingPolicy' : 'alarmPolicy', c.r.ref, 'undo.addPolicy');
  return h(
    Section,
    { title: t('inspector.policies') },
    policies.length === 0 ? h('p', { class: 'muted' }, t('inspector.noPolicies')) : null,
    policies.map((pol) =>
      h(
        'div',
        { key: pol.ref, class: 'part' },
        h('strong', {}, pol.logicalId),
        pol.props.policyType === 'TargetTrackingScaling'
          ? h(NumberField, { id: c.id('targetValue', pol.ref), label: t('inspector.targetCpu'), value: num(pol.props.targetValue, 60), min: 10, max: 95, unit: '%', error: c.error('targetValue', pol.ref), explain: explainFigure('autoScaling.targetTrackingHighPeriods'), onCommit: (v) => c.set('targetValue', v, pol.ref) })
          : h(NumberField, { id: c.id('adjustment', pol.ref), label: t('inspector.adjustment'), value: num(pol.props.adjustment), min: -20, max: 20, error: c.error('adjustment', pol.ref), explain: explainFigure('autoScaling.defaultCooldownS'), onCommit: (v) => c.set('adjustment', v, pol.ref) }),
        h('button', { type: 'button', class: 'link danger', onClick: () => c.actions.remove(pol.ref) }, t('common.remove')),
      ),
    ),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', id: 'add-tracking-policy', onClick: () => add('tracking') }, t('inspector.addTracking')),
      h('button', { type: 'button', id: 'add-alarm-policy', onClick: () => add('alarm') }, t('inspector.addAlarmPolicy')),
    ),
  );
}

function ScheduleSection({ c }: { c: InspectorContext }) {
  const actions = c.piece.parts.filter((x) => x.kind === 'scheduledAction');
  const add = () => c.actions.addPart('scheduledAction', c.r.ref, 'undo.addSchedule');
  return h(
    Section,
    { title: t('inspector.schedule') },
    actions.map((a) =>
      h(
        'div',
        { key: a.ref, class: 'part' },
        h('strong', {}, a.logicalId),
        h(NumberField, { id: c.id('atS', a.ref), label: t('inspector.atMinute'), value: Math.round(num(a.props.atS) / 60), min: 0, unit: t('units.min'), error: c.error('atS', a.ref), onCommit: (v) => c.set('atS', v * 60, a.ref) }),
        h(NumberField, { id: c.id('desired', a.ref), label: t('inspector.desired'), value: num(a.props.desired), min: 0, error: c.error('desired', a.ref), onCommit: (v) => c.set('desired', v, a.ref) }),
        h('span', { class: 'muted' }, formatClock(num(a.props.atS))),
        h('button', { type: 'button', class: 'link danger', onClick: () => c.actions.remove(a.ref) }, t('common.remove')),
      ),
    ),
    h('button', { type: 'button', onClick: add }, t('inspector.addSchedule')),
  );
}
