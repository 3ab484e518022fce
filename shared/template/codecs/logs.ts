// CloudWatch Logs: log groups (AWS::Logs::LogGroup: name and retention) and metric filters
// (AWS::Logs::MetricFilter: the log group, the filter pattern and the one metric transformation).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-metricfilter.html
// What the game does with them: shared/sim/app-logs.ts and shared/sim/log-metrics.ts. Properties the model does
// not hold (KmsKeyId, DataProtectionPolicy, a transformation's Dimensions, a MetricValue naming a field) are
// kept as written.

import { codec, defined } from '../codec.ts';
import type { PropertyReader } from '../property-reader.ts';

export const logGroupCodec = codec({
  kind: 'logGroup',
  awsType: 'AWS::Logs::LogGroup',
  usual: true,
  read: (p) => defined({ name: p.text('LogGroupName', p.env.logicalId), retentionDays: p.optionalNumber('RetentionInDays') }) as { name: string; retentionDays?: number },
  write: (props) => defined({ LogGroupName: props.name, RetentionInDays: props.retentionDays }),
});

export const metricFilterCodec = codec({
  kind: 'metricFilter',
  awsType: 'AWS::Logs::MetricFilter',
  usual: true,
  indexed: ['MetricTransformations'],
  read: (p) => {
    const { logGroup, logGroupName } = readLogGroup(p);
    const elements = p.elements('MetricTransformations');
    const first = elements.find((e) => e.reader !== undefined)?.reader;
    if (first === undefined) {
      p.env.unplaceable(`${p.where('MetricTransformations')} names no metric`);
      return undefined;
    }
    const transformation = {
      metricNamespace: first.text('MetricNamespace', ''),
      metricName: first.text('MetricName', ''),
      metricValue: readMetricValue(first),
      defaultValue: first.optionalNumber('DefaultValue'),
      unit: first.optionalText('Unit'),
    };
    p.finishList('MetricTransformations', [first], elements.filter((e) => e.reader !== first).map((e) => e.raw), 'indexed');
    return defined({ logGroup, logGroupName, filterPattern: p.text('FilterPattern', ''), ...transformation }) as {
      filterPattern: string;
      metricNamespace: string;
      metricName: string;
      metricValue: number;
    };
  },
  write: (props, w) =>
    defined({
      LogGroupName: props.logGroup !== undefined ? w.ref(props.logGroup) : props.logGroupName,
      FilterPattern: props.filterPattern,
      MetricTransformations: [
        defined({
          MetricNamespace: props.metricNamespace,
          MetricName: props.metricName,
          MetricValue: String(props.metricValue),
          DefaultValue: props.defaultValue,
          Unit: props.unit,
        }),
      ],
    }),
});

/** LogGroupName: a Ref to a log group of the board stays a reference; any other value is the name as written. */
function readLogGroup(p: PropertyReader): { logGroup?: number; logGroupName?: string } {
  const target = p.has('LogGroupName') ? p.targetOf(p.peek('LogGroupName')) : undefined;
  if (target !== undefined && 'resource' in target && target.resource.kind === 'logGroup' && target.attribute === undefined) {
    p.value('LogGroupName');
    return { logGroup: target.resource.id };
  }
  return { logGroupName: p.optionalText('LogGroupName') };
}

/**
 * MetricValue is a string: a number ("1" counts matching events) or a field of the event ("$.latency"), which the
 * game's unstructured log lines do not have: kept as written and counted as 1.
 */
function readMetricValue(p: PropertyReader): number {
  const raw = p.peek('MetricValue');
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (Number.isFinite(n)) {
    p.value('MetricValue');
    return n;
  }
  if (raw !== undefined) p.env.report('warning', 'unsupported-value', `${p.where('MetricValue')} "${String(raw)}" names a field of the log event, which the game's log lines do not have; each match counts 1`);
  return 1;
}
