// The design model's operations: CloudWatch alarms, budgets, budget actions and CloudTrail trails.
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
    /** OKActions and InsufficientDataActions: targets (SNS topics) told when the alarm enters OK or INSUFFICIENT_DATA. */
    okActions?: string[];
    insufficientDataActions?: string[];
  }
>;
/**
 * A budget notification's subscriber (NotificationsWithSubscribers): SNS sends the alert to a topic (its ARN, or
 * the logical id of a topic in the same template), EMAIL to one address (shared/sns/endpoints.ts says whom).
 */
export interface BudgetSubscriber {
  type: 'SNS' | 'EMAIL';
  address: string;
}
/** The usage a usage budget measures: AWS Budgets' usage type group of EC2 instance-hours, in hours. */
export const USAGE_TYPE_GROUPS = ['EC2: Running Hours'] as const;
export type UsageTypeGroup = (typeof USAGE_TYPE_GROUPS)[number];
/** The unit AWS Budgets measures EC2 running hours in (BudgetLimit.Unit of such a usage budget). */
export const USAGE_UNIT = 'Hrs';

export type Budget = ResourceBase<
  'budget',
  {
    name: string;
    /** The budget's limit for its period: USD for a cost budget, the usage's unit (hours) for a usage budget. */
    amountUsd: number;
    /** Set on a usage budget (BudgetType USAGE): the usage type group it measures. Absent: a cost budget. */
    usageTypeGroup?: UsageTypeGroup;
    notifications: { notificationType: 'ACTUAL' | 'FORECASTED'; thresholdPct: number; subscribers?: BudgetSubscriber[] }[];
  }
>;

/**
 * An AWS Budgets action (AWS::Budgets::BudgetsAction): when its budget's actual or forecast spend passes the
 * threshold, it applies an IAM policy to users (and groups, roles) or runs the SSM document that stops chosen
 * EC2 instances. "Budget actions run ... when a budget exceeds a specific cost or usage threshold"
 * (AWS Billing User Guide, "Configuring a budget action"). A MANUAL action waits for approval: the game
 * records that it is waiting and does nothing.
 */
export type BudgetAction = ResourceBase<
  'budgetAction',
  {
    budget: ResourceId;
    notificationType: 'ACTUAL' | 'FORECASTED';
    /** PERCENTAGE of the budget's amount, or ABSOLUTE_VALUE in USD (of the budget's period, prorated like it). */
    thresholdType: 'PERCENTAGE' | 'ABSOLUTE_VALUE';
    threshold: number;
    approval: 'AUTOMATIC' | 'MANUAL';
    actionType: 'APPLY_IAM_POLICY' | 'RUN_SSM_DOCUMENTS';
    /** APPLY_IAM_POLICY: the policy and the IAM names it is attached to. */
    policyArn: string;
    users: string[];
    groups: string[];
    roles: string[];
    /** RUN_SSM_DOCUMENTS (STOP_EC2_INSTANCES): the instances it stops, in `region`. */
    region: string;
    instances: ResourceId[];
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
