// Auto Scaling: groups (launch template, subnets or zones, min/desired/max, target groups), scaling policies
// (simple, step, target tracking) and scheduled actions.

import type { ResourceId } from '../../design/model.ts';
import { codec, defined } from '../codec.ts';
import { defaultSubnetsOf, onlyDefaultSubnetsOf } from '../default-vpc-placement.ts';
import type { PropertyReader } from '../property-reader.ts';
import { scheduleOffsetS, startTimeOf } from '../schedule-time.ts';

/** Auto Scaling's default cooldown and instance warm-up, in seconds. */
const DEFAULT_COOLDOWN_S = 300;

export const autoScalingGroupCodec = codec({
  kind: 'autoScalingGroup',
  awsType: 'AWS::AutoScaling::AutoScalingGroup',
  defaulted: ['HealthCheckType', 'Cooldown'],
  usual: true,
  read: (p) => {
    const { launchTemplate, instanceType } = readLaunchTemplate(p);
    const zones = p.zones('AvailabilityZones');
    // Zones alone launch the group's instances in those zones' default subnets, as AWS does.
    const subnets = p.has('VPCZoneIdentifier')
      ? p.refs('VPCZoneIdentifier', ['subnet'])
      : zones === undefined
        ? []
        : defaultSubnetsOf(p, zones, 'the group names AvailabilityZones and no VPCZoneIdentifier');
    if (subnets === undefined) return undefined;
    const min = p.number('MinSize', 0);
    const max = p.number('MaxSize', Math.max(min, 1));
    const desired = p.number('DesiredCapacity', min);
    const targetGroups = [...p.refs('TargetGroupARNs', ['targetGroup']), ...classicTargetGroups(p)];
    const healthCheckType = p.choice('HealthCheckType', ['EC2', 'ELB'] as const, 'EC2');
    const cooldownS = p.number('Cooldown', DEFAULT_COOLDOWN_S);
    if (launchTemplate === undefined) return undefined;
    const props = { launchTemplate, subnets, min, max, desired, targetGroups, healthCheckType, cooldownS };
    return { ...props, ...(zones === undefined ? {} : { zones }), ...(instanceType === undefined ? {} : { instanceType }) };
  },
  write: (props, w) => {
    const template = w.resource(props.launchTemplate);
    const byConfiguration = template?.awsType === 'AWS::AutoScaling::LaunchConfiguration';
    const groups = props.targetGroups.map((id) => ({ id, parent: w.resource(id)?.partOf }));
    const arns = groups.filter((g) => g.parent === undefined).map((g) => w.ref(g.id));
    const classic = groups.flatMap((g) => (g.parent === undefined ? [] : [w.ref(g.parent)]));
    const specification = { LaunchTemplateId: w.ref(props.launchTemplate), Version: w.att(props.launchTemplate, 'LatestVersionNumber') };
    // A mixed instances policy names its launch template inside it (its overrides are kept as written).
    const mixed = !byConfiguration && w.kept?.['MixedInstancesPolicy'] !== undefined;
    return defined({
      LaunchConfigurationName: byConfiguration ? w.ref(props.launchTemplate) : undefined,
      LaunchTemplate: byConfiguration || mixed ? undefined : specification,
      MixedInstancesPolicy: mixed ? { LaunchTemplate: { LaunchTemplateSpecification: specification } } : undefined,
      VPCZoneIdentifier: props.subnets.length === 0 || onlyDefaultSubnetsOf(w, props.subnets, props.zones, 'VPCZoneIdentifier') ? undefined : props.subnets.map(w.ref),
      AvailabilityZones: props.zones,
      MinSize: String(props.min),
      MaxSize: String(props.max),
      DesiredCapacity: String(props.desired),
      TargetGroupARNs: arns.length === 0 ? undefined : arns,
      LoadBalancerNames: classic.length === 0 ? undefined : classic,
      HealthCheckType: props.healthCheckType,
      Cooldown: String(props.cooldownS),
    });
  },
});

function readLaunchTemplate(p: PropertyReader): { launchTemplate?: ResourceId; instanceType?: string } {
  if (p.has('LaunchConfigurationName')) return { launchTemplate: p.requiredRef('LaunchConfigurationName', ['launchTemplate']) };
  if (p.has('LaunchTemplate')) return { launchTemplate: specified(p, p.child('LaunchTemplate'), 'LaunchTemplate') };
  if (p.has('MixedInstancesPolicy')) {
    // A mixed instances policy: its launch template, and the first override's instance type if it gives one
    // (the first On-Demand choice under the default "prioritized" allocation; the game launches one type).
    const launch = p.child('MixedInstancesPolicy').child('LaunchTemplate');
    const where = 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification';
    const launchTemplate = specified(p, launch.child('LaunchTemplateSpecification'), where);
    const overrides = launch.peek('Overrides');
    const first: unknown = Array.isArray(overrides) ? overrides[0] : undefined;
    const type = first !== null && typeof first === 'object' ? (first as Record<string, unknown>)['InstanceType'] : undefined;
    return typeof type === 'string' && type !== '' ? { launchTemplate, instanceType: type } : { launchTemplate };
  }
  p.env.unplaceable('names no LaunchTemplate, MixedInstancesPolicy or LaunchConfigurationName on the board');
  return {};
}

/** A LaunchTemplateSpecification: the launch template it names (by id or name) on the board. */
function specified(p: PropertyReader, spec: PropertyReader, where: string): ResourceId | undefined {
  const key = spec.has('LaunchTemplateId') ? 'LaunchTemplateId' : 'LaunchTemplateName';
  const id = spec.ref(key, ['launchTemplate']);
  if (id === undefined) {
    p.env.unplaceable(`${where}.${key} is not a launch template on the board`);
    return undefined;
  }
  spec.expectAttribute('Version', id, 'LatestVersionNumber');
  return id;
}

/** LoadBalancerNames name classic ELBs: the group registers with the target group derived from each. */
function classicTargetGroups(p: PropertyReader): ResourceId[] {
  const balancers = p.refs('LoadBalancerNames', ['loadBalancer']);
  const groups = balancers.map((id) => p.env.derivedOf(id, 'targetGroup')?.id);
  if (groups.some((g) => g === undefined)) {
    p.leave('LoadBalancerNames');
    p.env.report('warning', 'unsupported-value', 'LoadBalancerNames names a load balancer that is not a classic ELB');
    return [];
  }
  return groups as ResourceId[];
}

export const scalingPolicyCodec = codec({
  kind: 'scalingPolicy',
  awsType: 'AWS::AutoScaling::ScalingPolicy',
  defaulted: ['PolicyType', 'Cooldown', 'EstimatedInstanceWarmup'],
  usual: true,
  read: (p) => {
    const group = p.requiredRef('AutoScalingGroupName', ['autoScalingGroup']);
    const policyType = p.choice('PolicyType', ['SimpleScaling', 'StepScaling', 'TargetTrackingScaling'] as const, 'SimpleScaling');
    if (policyType !== 'TargetTrackingScaling') p.expect('AdjustmentType', 'ChangeInCapacity');
    let adjustment = 0;
    let cooldownS = DEFAULT_COOLDOWN_S;
    let targetValue: number | undefined;
    if (policyType === 'SimpleScaling') {
      adjustment = p.number('ScalingAdjustment', 0);
      cooldownS = p.number('Cooldown', DEFAULT_COOLDOWN_S);
    } else if (policyType === 'StepScaling') {
      adjustment = readSteps(p);
      cooldownS = p.number('EstimatedInstanceWarmup', DEFAULT_COOLDOWN_S);
    } else {
      const tracking = p.child('TargetTrackingConfiguration');
      tracking.expect('PredefinedMetricSpecification', CPU_METRIC);
      targetValue = tracking.number('TargetValue', 50);
      cooldownS = p.number('EstimatedInstanceWarmup', DEFAULT_COOLDOWN_S);
    }
    if (group === undefined) return undefined;
    const props = { group, policyType, adjustment, cooldownS };
    return targetValue === undefined ? props : { ...props, targetValue };
  },
  write: (props, w) => {
    const base = { AutoScalingGroupName: w.ref(props.group), PolicyType: props.policyType };
    if (props.policyType === 'SimpleScaling') {
      return { ...base, AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: props.adjustment, Cooldown: String(props.cooldownS) };
    }
    if (props.policyType === 'StepScaling') {
      const steps = w.kept?.['StepAdjustments'] !== undefined ? undefined : [{ MetricIntervalLowerBound: 0, ScalingAdjustment: props.adjustment }];
      return defined({ ...base, AdjustmentType: 'ChangeInCapacity', StepAdjustments: steps, EstimatedInstanceWarmup: props.cooldownS });
    }
    return {
      ...base,
      TargetTrackingConfiguration: { PredefinedMetricSpecification: CPU_METRIC, TargetValue: props.targetValue ?? 50 },
      EstimatedInstanceWarmup: props.cooldownS,
    };
  },
});

const CPU_METRIC = { PredefinedMetricType: 'ASGAverageCPUUtilization' };

/** One step from 0 up is the board's adjustment; several steps are kept as written and the first one shown. */
function readSteps(p: PropertyReader): number {
  const steps = p.elements('StepAdjustments');
  const first = steps[0]?.reader;
  if (steps.length === 1 && first) {
    const adjustment = first.number('ScalingAdjustment', 0);
    first.expect('MetricIntervalLowerBound', 0);
    p.finishList('StepAdjustments', [first], [], 'indexed');
    if (first.kept() === undefined) return adjustment;
  }
  p.leave('StepAdjustments');
  if (steps.length > 1) p.env.report('note', 'steps-simplified', `${steps.length} step adjustments: the board uses the first one`);
  return first ? Number(first.peek('ScalingAdjustment') ?? 0) || 0 : 0;
}

export const scheduledActionCodec = codec({
  kind: 'scheduledAction',
  awsType: 'AWS::AutoScaling::ScheduledAction',
  usual: true,
  read: (p) => {
    const group = p.requiredRef('AutoScalingGroupName', ['autoScalingGroup']);
    let atS = 0;
    if (p.has('StartTime')) {
      const read = scheduleOffsetS(p.text('StartTime', ''));
      atS = read.atS;
      if (read.note) p.env.report('note', 'schedule-time', read.note);
    } else if (p.has('Recurrence')) {
      // The recurrence stays as written; its first hit on the scenario's first day is when the board acts.
      const read = scheduleOffsetS(String(p.peek('Recurrence') ?? ''));
      atS = read.atS;
      if (read.note) p.env.report('note', 'schedule-time', read.note);
    }
    const sizes = defined({ min: p.optionalNumber('MinSize'), max: p.optionalNumber('MaxSize'), desired: p.optionalNumber('DesiredCapacity') });
    return group === undefined ? undefined : { group, atS, ...sizes };
  },
  write: (props, w) =>
    defined({
      AutoScalingGroupName: w.ref(props.group),
      StartTime: w.kept?.['Recurrence'] !== undefined && props.atS === recurrenceAt(w.kept['Recurrence']) ? undefined : startTimeOf(props.atS),
      MinSize: props.min === undefined ? undefined : String(props.min),
      MaxSize: props.max === undefined ? undefined : String(props.max),
      DesiredCapacity: props.desired === undefined ? undefined : String(props.desired),
    }),
});

function recurrenceAt(recurrence: unknown): number | undefined {
  return typeof recurrence === 'string' ? scheduleOffsetS(recurrence).atS : undefined;
}
