// Operations: CloudWatch alarms (metric, statistic, threshold, periods; actions to scaling policies and
// notification targets) and AWS Budgets.

import type { ResourceId, ResourceOfKind } from '../../design/model.ts';
import { USAGE_TYPE_GROUPS, USAGE_UNIT, type BudgetSubscriber, type UsageTypeGroup } from '../../design/kinds/operations.ts';
import { isPlainObject } from '../plain-data.ts';
import { codec, defined, type WriteContext } from '../codec.ts';
import type { PropertyReader } from '../property-reader.ts';

const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'] as const;
const COMPARISONS = ['GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const;

export const alarmCodec = codec({
  kind: 'alarm',
  awsType: 'AWS::CloudWatch::Alarm',
  defaulted: ['Statistic', 'Period', 'EvaluationPeriods'],
  usual: true,
  indexed: ['Dimensions'],
  read: (p) => {
    const subject = readSubject(p);
    const { alarmActions, notifications } = readActions(p);
    const okActions = readTargets(p, 'OKActions');
    const insufficientDataActions = readTargets(p, 'InsufficientDataActions');
    return defined({
      metric: p.text('MetricName', ''),
      namespace: p.text('Namespace', ''),
      statistic: p.choice('Statistic', STATISTICS, 'Average'),
      subject,
      comparison: p.choice('ComparisonOperator', COMPARISONS, 'GreaterThanThreshold'),
      threshold: p.number('Threshold', 0),
      periodS: p.number('Period', 300),
      evaluationPeriods: p.number('EvaluationPeriods', 1),
      alarmActions,
      notifications,
      okActions,
      insufficientDataActions,
    }) as ResourceOfKind<'alarm'>['props'];
  },
  write: (props, w) => {
    // A metric-math alarm (Metrics) or a percentile (ExtendedStatistic) kept as written replaces the simple form.
    const math = w.kept?.['Metrics'] !== undefined;
    return defined({
      MetricName: math || props.metric === '' ? undefined : props.metric,
      Namespace: math || props.namespace === '' ? undefined : props.namespace,
      Statistic: math || w.kept?.['ExtendedStatistic'] !== undefined ? undefined : props.statistic,
      Dimensions: props.subject === undefined ? undefined : [dimensionOf(props.subject, w)],
      ComparisonOperator: props.comparison,
      Threshold: props.threshold,
      Period: math ? undefined : props.periodS,
      EvaluationPeriods: props.evaluationPeriods,
      AlarmActions: writeActions(props.alarmActions, props.notifications, w),
      OKActions: props.okActions?.length ? writeActions([], props.okActions, w) : undefined,
      InsufficientDataActions: props.insufficientDataActions?.length ? writeActions([], props.insufficientDataActions, w) : undefined,
    });
  },
});

/** The first dimension whose value is a board resource is the alarm's subject; other dimensions are kept after it. */
function readSubject(p: PropertyReader): ResourceId | undefined {
  const elements = p.elements('Dimensions');
  let subject: ResourceId | undefined;
  let chosen: PropertyReader | undefined;
  for (const e of elements) {
    if (subject !== undefined || !e.reader) continue;
    const target = e.reader.targetOf(e.reader.peek('Value'));
    if (!('resource' in target)) continue;
    subject = target.resource.id;
    chosen = e.reader;
    e.reader.value('Value');
    e.reader.expect('Name', dimensionName(target.resource.kind, target.resource.awsType));
  }
  p.finishList('Dimensions', chosen ? [chosen] : [], elements.filter((e) => e.reader !== chosen).map((e) => e.raw), 'indexed');
  return subject;
}

export function dimensionName(kind: string, awsType: string): string {
  switch (kind) {
    case 'autoScalingGroup':
      return 'AutoScalingGroupName';
    case 'loadBalancer':
      return awsType === 'AWS::ElasticLoadBalancing::LoadBalancer' ? 'LoadBalancerName' : 'LoadBalancer';
    case 'targetGroup':
      return 'TargetGroup';
    case 'database':
      return 'DBInstanceIdentifier';
    case 'instance':
      return 'InstanceId';
    case 'distribution':
      return 'DistributionId';
    case 'bucket':
      return 'BucketName';
    case 'accelerator':
      return 'Accelerator';
    case 'healthCheck':
      return 'HealthCheckId';
    default:
      return 'Resource';
  }
}

export function dimensionOf(subject: ResourceId, w: WriteContext): Record<string, unknown> {
  const r = w.resource(subject);
  const name = dimensionName(r?.kind ?? '', r?.awsType ?? '');
  // ELBv2 metrics are keyed by the "app/name/id" full names, which Fn::GetAtt gives.
  const value =
    name === 'LoadBalancer'
      ? w.att(subject, 'LoadBalancerFullName')
      : name === 'TargetGroup'
        ? w.att(subject, 'TargetGroupFullName')
        : w.ref(subject);
  return { Name: name, Value: value };
}

/** AlarmActions: scaling policies on the board by id; every other action (an SNS topic, an ARN) as text. */
function readActions(p: PropertyReader): { alarmActions: ResourceId[]; notifications: string[] } {
  const alarmActions: ResourceId[] = [];
  const notifications: string[] = [];
  const value = p.value('AlarmActions');
  for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
    const target = p.targetOf(item);
    if ('resource' in target && target.resource.kind === 'scalingPolicy') alarmActions.push(target.resource.id);
    // A template resource (an SNS topic) is named by its logical id, which the exporter turns into a Ref again.
    else notifications.push('resource' in target ? target.resource.logicalId : target.outside);
  }
  return { alarmActions, notifications };
}

/**
 * OKActions / InsufficientDataActions: every target as text (a topic by its logical id, an ARN as written);
 * undefined when the template has none, so designs without them stay as they were.
 */
function readTargets(p: PropertyReader, key: string): string[] | undefined {
  if (!p.has(key)) return undefined;
  const value = p.value(key);
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).map((item) => {
    const target = p.targetOf(item);
    return 'resource' in target ? target.resource.logicalId : target.outside;
  });
}

function writeActions(policies: ResourceId[], notifications: string[], w: WriteContext): unknown[] | undefined {
  const actions = [...policies.map(w.ref), ...notifications.map((n) => (w.isLogicalId(n) ? { Ref: n } : n))];
  return actions.length === 0 ? undefined : actions;
}

export const budgetCodec = codec({
  kind: 'budget',
  awsType: 'AWS::Budgets::Budget',
  usual: true,
  indexed: ['NotificationsWithSubscribers'],
  read: (p) => {
    const budget = p.child('Budget');
    const name = budget.text('BudgetName', p.env.logicalId);
    const limit = budget.child('BudgetLimit');
    const amountUsd = limit.number('Amount', 0);
    budget.expect('TimeUnit', 'MONTHLY');
    const usageTypeGroup = readUsage(budget);
    // A usage budget on usage the game does not measure is kept as written, off the board.
    if (usageTypeGroup === null) return undefined;
    limit.expect('Unit', usageTypeGroup ? USAGE_UNIT : 'USD');
    const elements = p.elements('NotificationsWithSubscribers');
    const notifications: ResourceOfKind<'budget'>['props']['notifications'] = [];
    const modelled: PropertyReader[] = [];
    for (const e of elements) {
      if (!e.reader) continue;
      const n = e.reader.child('Notification');
      const subscribers = readSubscribers(e.reader);
      notifications.push({
        notificationType: n.choice('NotificationType', ['ACTUAL', 'FORECASTED'] as const, 'ACTUAL'),
        thresholdPct: n.number('Threshold', 100),
        ...(subscribers.length ? { subscribers } : {}),
      });
      n.expect('ComparisonOperator', 'GREATER_THAN');
      n.expect('ThresholdType', 'PERCENTAGE');
      modelled.push(e.reader);
    }
    p.finishList('NotificationsWithSubscribers', modelled, elements.filter((e) => !e.reader).map((e) => e.raw), 'indexed');
    return { name, amountUsd, ...(usageTypeGroup ? { usageTypeGroup } : {}), notifications };
  },
  write: (props, w) => ({
    Budget: props.usageTypeGroup
      ? {
          BudgetName: props.name,
          BudgetLimit: { Amount: props.amountUsd, Unit: USAGE_UNIT },
          TimeUnit: 'MONTHLY',
          BudgetType: 'USAGE',
          CostFilters: { UsageTypeGroup: [props.usageTypeGroup] },
        }
      : { BudgetName: props.name, BudgetLimit: { Amount: props.amountUsd, Unit: 'USD' }, TimeUnit: 'MONTHLY', BudgetType: 'COST' },
    NotificationsWithSubscribers: props.notifications.map((n) => ({
      Notification: { NotificationType: n.notificationType, ComparisonOperator: 'GREATER_THAN', Threshold: n.thresholdPct, ThresholdType: 'PERCENTAGE' },
      Subscribers: (n.subscribers ?? []).map((s) => ({ SubscriptionType: s.type, Address: s.type === 'SNS' && w.isLogicalId(s.address) ? { Ref: s.address } : s.address })),
    })),
  }),
});

/**
 * BudgetType: COST (or absent) gives undefined; USAGE with CostFilters naming only one usage type group the game
 * measures (UsageTypeGroup "EC2: Running Hours") gives that group; any other usage budget gives null.
 */
function readUsage(budget: PropertyReader): UsageTypeGroup | undefined | null {
  if (budget.peek('BudgetType') !== 'USAGE') {
    budget.expect('BudgetType', 'COST');
    return undefined;
  }
  const filters = budget.peek('CostFilters');
  if (!isPlainObject(filters) || Object.keys(filters).length !== 1) return null;
  const groups = filters['UsageTypeGroup'];
  if (!Array.isArray(groups) || groups.length !== 1 || !(USAGE_TYPE_GROUPS as readonly unknown[]).includes(groups[0])) return null;
  budget.value('BudgetType');
  budget.value('CostFilters');
  return groups[0] as UsageTypeGroup;
}

/**
 * A notification's Subscribers: SNS with a topic's ARN (a Ref to a topic of the template is kept as its logical
 * id) or EMAIL with an address. Subscribers of another shape are kept as written.
 */
function readSubscribers(reader: PropertyReader): BudgetSubscriber[] {
  const elements = reader.elements('Subscribers');
  const out: BudgetSubscriber[] = [];
  const modelled: PropertyReader[] = [];
  for (const e of elements) {
    if (!e.reader) continue;
    const type = e.reader.peek('SubscriptionType');
    if (type !== 'SNS' && type !== 'EMAIL') continue;
    const raw = e.reader.peek('Address');
    const target = raw === undefined ? undefined : e.reader.targetOf(raw);
    if (target === undefined) continue;
    e.reader.value('SubscriptionType');
    e.reader.value('Address');
    out.push({ type, address: 'resource' in target ? target.resource.logicalId : target.outside });
    modelled.push(e.reader);
  }
  reader.finishList('Subscribers', modelled, elements.filter((e) => !modelled.includes(e.reader!)).map((e) => e.raw), 'append');
  return out;
}

const READ_WRITE_TYPES = ['All', 'ReadOnly', 'WriteOnly'] as const;

/** A list of strings as written, or undefined when it is anything else (an intrinsic, say): kept, not modelled. */
function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

/**
 * AWS::CloudTrail::Trail: the bucket it delivers to (S3BucketName, a Ref to a bucket on the board), whether it
 * logs, whether it covers every region, and its EventSelectors with their DataResources
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html).
 * Selectors or data resources the model cannot hold are kept as written.
 */
export const trailCodec = codec({
  kind: 'trail',
  awsType: 'AWS::CloudTrail::Trail',
  usual: true,
  indexed: ['EventSelectors', 'EventSelectors[].DataResources'],
  read: (p) => {
    const bucket = p.requiredRef('S3BucketName', ['bucket']);
    if (bucket === undefined) return undefined;
    const name = p.text('TrailName', p.env.logicalId);
    const isLogging = p.flag('IsLogging', true);
    const multiRegion = p.flag('IsMultiRegionTrail', false);
    const elements = p.elements('EventSelectors');
    const eventSelectors: ResourceOfKind<'trail'>['props']['eventSelectors'] = [];
    const modelled: PropertyReader[] = [];
    for (const e of elements) {
      if (!e.reader) continue;
      const r = e.reader;
      const readWriteType = r.choice('ReadWriteType', READ_WRITE_TYPES, 'All');
      const includeManagementEvents = r.flag('IncludeManagementEvents', true);
      const resources = r.elements('DataResources');
      const dataResources: { type: string; values: string[] }[] = [];
      const kept: PropertyReader[] = [];
      const others: unknown[] = [];
      for (const d of resources) {
        const values = d.reader ? stringList(d.reader.peek('Values')) : undefined;
        const type = d.reader?.peek('Type');
        if (!d.reader || values === undefined || typeof type !== 'string') {
          others.push(d.raw);
          continue;
        }
        d.reader.text('Type', type);
        d.reader.value('Values');
        dataResources.push({ type, values });
        kept.push(d.reader);
      }
      r.finishList('DataResources', kept, others, 'append');
      eventSelectors.push({ readWriteType, includeManagementEvents, dataResources });
      modelled.push(r);
    }
    p.finishList('EventSelectors', modelled, elements.filter((e) => !e.reader).map((e) => e.raw), 'indexed');
    return { name, bucket, isLogging, multiRegion, eventSelectors };
  },
  write: (props, w) =>
    defined({
      TrailName: props.name,
      S3BucketName: w.ref(props.bucket),
      IsLogging: props.isLogging,
      IsMultiRegionTrail: props.multiRegion,
      EventSelectors: props.eventSelectors.length
        ? props.eventSelectors.map((s) =>
            defined({
              ReadWriteType: s.readWriteType,
              IncludeManagementEvents: s.includeManagementEvents,
              DataResources: s.dataResources.length ? s.dataResources.map((d) => ({ Type: d.type, Values: d.values })) : undefined,
            }),
          )
        : undefined,
    }),
});
