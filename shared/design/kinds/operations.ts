// The design model's operations: CloudWatch alarms and budgets.
// Each kind's props as the loader reads them and the simulation compiles them (shared/design/model.ts re-exports them).
import type { ResourceBase, ResourceId } from '../model.ts';

export type Alarm = ResourceBase<
  'alarm',
  {
    metric: string;
    namespace: string;
    statistic: 'Average' | 'Sum' | 'Minimum' | 'Maximum' | 'SampleCount';
    /** The resource the alarm's dimensions name (an ASG, a load balancer, a database, …). */
    subject?: ResourceId;
    comparison:
      | 'GreaterThanThreshold'
      | 'GreaterThanOrEqualToThreshold'
      | 'LessThanThreshold'
      | 'LessThanOrEqualToThreshold';
    threshold: number;
    periodS: number;
    evaluationPeriods: number;
    /** Scaling policies (by id) and notification targets (kept as strings) fired on ALARM. */
    alarmActions: ResourceId[];
    notifications: string[];
  }
>;
export type Budget = ResourceBase<
  'budget',
  {
    name: string;
    amountUsd: number;
    notifications: { notificationType: 'ACTUAL' | 'FORECASTED'; thresholdPct: number }[];
  }
>;
