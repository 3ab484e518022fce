// The design model's operations: CloudWatch alarms, budgets and CloudTrail trails.
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
/**
 * A CloudTrail trail (AWS::CloudTrail::Trail) delivering its log files to an S3 bucket on the board. Its event
 * selectors decide what it records (shared/trail/selectors.ts): management events by default, data events (S3
 * object-level calls) only for the resources its DataResources name.
 */
export type Trail = ResourceBase<
  'trail',
  {
    name: string;
    /** The bucket the log files are delivered to (S3BucketName). */
    bucket: ResourceId;
    isLogging: boolean;
    multiRegion: boolean;
    eventSelectors: {
      readWriteType: 'All' | 'ReadOnly' | 'WriteOnly';
      includeManagementEvents: boolean;
      dataResources: { type: string; values: string[] }[];
    }[];
  }
>;
