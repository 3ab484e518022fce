// The design model's CloudWatch Logs: log groups and the metric filters that turn matching log lines into
// metrics (shared/sim/app-logs.ts writes the lines, shared/sim/log-metrics.ts counts them).
import type { ResourceBase, ResourceId } from '../model.ts';

/** A CloudWatch Logs log group (AWS::Logs::LogGroup): where log streams arrive, kept for its retention. */
export type LogGroup = ResourceBase<
  'logGroup',
  {
    /** LogGroupName; CloudFormation makes one up from the stack and logical id when it is left out. */
    name: string;
    /** RetentionInDays; omitted: never expire (AWS's default). */
    retentionDays?: number;
  }
>;

/**
 * A metric filter (AWS::Logs::MetricFilter): every log event of its log group that matches FilterPattern adds
 * MetricValue to a custom metric (MetricNamespace/MetricName) that alarms can watch. Only the first
 * MetricTransformation is modelled (CloudFormation allows exactly one); Dimensions are kept as written.
 */
export type MetricFilter = ResourceBase<
  'metricFilter',
  {
    /** The log group on the board (LogGroupName: !Ref AppLogs), else its name as written. */
    logGroup?: ResourceId;
    logGroupName?: string;
    filterPattern: string;
    metricNamespace: string;
    metricName: string;
    /** MetricValue: a number published per matching event ("1" counts them). */
    metricValue: number;
    /** DefaultValue: published for a period with log events but no match; omitted: nothing is published. */
    defaultValue?: number;
    unit?: string;
  }
>;
