// The CloudWatch console's alarms list: what each alarm really watches (namespace, metric name, the dimension
// that names its resource), its condition, its state, whether the metric exists for that resource (an alarm on
// a metric nobody publishes stays INSUFFICIENT_DATA, shared/sim/compile/control.ts), and its actions: scaling
// policies, SNS topics and EC2 actions (arn:aws:automate:<region>:ec2:stop|terminate|reboot|recover).
import { metricOf } from '../catalogue/metrics.ts';
import type { AlarmStateName } from './board-view.ts';
import { metricSubjectOf, type ViewPiece } from './dashboard-view.ts';

export interface AlarmActionView {
  kind: 'scaling' | 'sns' | 'ec2' | 'other';
  /** The policy or topic's name, the EC2 action (stop, terminate, reboot, recover), or the ARN as written. */
  target: string;
}

export interface AlarmRowView {
  ref: string;
  name: string;
  namespace: string;
  metric: string;
  dimensions: { name: string; value: string }[];
  statistic: string;
  comparison: string;
  threshold: number;
  periodS: number;
  evaluationPeriods: number;
  state: AlarmStateName;
  /** False when the catalogue has no such metric for the alarm's resource: why it has no data. */
  metricExists: boolean;
  actions: AlarmActionView[];
}

const EC2_ACTION = /^arn:aws[a-z-]*:automate:[^:]*:ec2:(stop|terminate|reboot|recover)$/;

export function alarmRows(pieces: readonly ViewPiece[]): AlarmRowView[] {
  const byRef = new Map(pieces.map((p) => [p.ref, p]));
  return pieces
    .filter((p) => p.kind === 'alarm')
    .map((a) => {
      const props = a.props as {
        metric: string;
        namespace: string;
        statistic: string;
        subject?: string;
        comparison: string;
        threshold: number;
        periodS: number;
        evaluationPeriods: number;
        alarmActions: string[];
        notifications: string[];
      };
      const subject = props.subject === undefined ? undefined : byRef.get(props.subject);
      const metricSubject = subject ? metricSubjectOf(subject) : props.namespace === 'AWS/Billing' ? 'account' : undefined;
      const entry = metricOf(props.namespace, props.metric, metricSubject);
      const dimensions = subject
        ? [{ name: entry?.dimension ?? dimensionOfKind(subject), value: subject.logicalId }]
        : props.namespace === 'AWS/Billing'
          ? [{ name: 'Currency', value: 'USD' }]
          : [];
      const actions: AlarmActionView[] = [
        ...props.alarmActions.map((ref) => ({ kind: 'scaling' as const, target: byRef.get(ref)?.logicalId ?? ref })),
        ...props.notifications.map((text): AlarmActionView => {
          const ec2 = EC2_ACTION.exec(text);
          if (ec2) return { kind: 'ec2', target: ec2[1]! };
          if (/^arn:aws[a-z-]*:sns:/.test(text)) return { kind: 'sns', target: text.split(':').pop()! };
          // A topic of the template is named by its logical id (shared/template/codecs/operations.ts).
          return /^[A-Za-z0-9]+$/.test(text) ? { kind: 'sns', target: text } : { kind: 'other', target: text };
        }),
      ];
      const state = a.alarmState === 'ALARM' || a.alarmState === 'OK' ? a.alarmState : 'INSUFFICIENT_DATA';
      return {
        ref: a.ref,
        name: a.logicalId,
        namespace: props.namespace,
        metric: props.metric,
        dimensions,
        statistic: props.statistic,
        comparison: props.comparison,
        threshold: props.threshold,
        periodS: props.periodS,
        evaluationPeriods: props.evaluationPeriods,
        state,
        metricExists: entry !== undefined,
        actions,
      };
    });
}

/** The dimension a resource is named by when the alarm's metric is not in the catalogue for it. */
function dimensionOfKind(piece: ViewPiece): string {
  const names: Record<string, string> = {
    instance: 'InstanceId',
    autoScalingGroup: 'AutoScalingGroupName',
    database: 'DBInstanceIdentifier',
    loadBalancer: piece.awsType === 'AWS::ElasticLoadBalancing::LoadBalancer' ? 'LoadBalancerName' : 'LoadBalancer',
    targetGroup: 'TargetGroup',
    distribution: 'DistributionId',
    healthCheck: 'HealthCheckId',
  };
  return names[piece.kind] ?? 'Resource';
}
