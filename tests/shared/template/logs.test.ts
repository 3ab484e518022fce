// AWS::Logs::LogGroup and AWS::Logs::MetricFilter are read onto the board (name, retention; log group, pattern,
// the metric transformation) and written back as they were (load → export → load gives the same design). What
// the model does not hold (a transformation's Dimensions, a MetricValue naming a field) is kept as written.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../shared/template/index.ts';
import { byLogicalId, errors, loadTemplate } from './load-helpers.ts';

const TEMPLATE = `
Resources:
  AppLogs: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: /shop/app, RetentionInDays: 14}}
  Unnamed: {Type: AWS::Logs::LogGroup}
  PoolErrors:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: !Ref AppLogs
      FilterPattern: '"connection pool" ?ERROR ?FATAL -DEBUG'
      MetricTransformations: [{MetricNamespace: Shop/App, MetricName: PoolErrors, MetricValue: '1', DefaultValue: 0, Unit: Count}]
  ByName:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: /other/app
      FilterPattern: ERROR
      MetricTransformations: [{MetricNamespace: App, MetricName: Latency, MetricValue: $.latency, Dimensions: [{Key: Host, Value: $.host}]}]
`;

type Written = Record<string, { Type: string; Properties: Record<string, unknown> }>;

describe('CloudWatch Logs in templates', () => {
  it('reads log groups and metric filters', () => {
    const loaded = loadTemplate(TEMPLATE);
    expect(errors(loaded)).toEqual([]);
    const group = byLogicalId(loaded.design, 'AppLogs', 'logGroup');
    expect(group.props).toEqual({ name: '/shop/app', retentionDays: 14 });
    // Without RetentionInDays, events never expire.
    expect(byLogicalId(loaded.design, 'Unnamed', 'logGroup').props.retentionDays).toBeUndefined();
    expect(byLogicalId(loaded.design, 'PoolErrors', 'metricFilter').props).toEqual({
      logGroup: group.id,
      filterPattern: '"connection pool" ?ERROR ?FATAL -DEBUG',
      metricNamespace: 'Shop/App',
      metricName: 'PoolErrors',
      metricValue: 1,
      defaultValue: 0,
      unit: 'Count',
    });
    const byName = byLogicalId(loaded.design, 'ByName', 'metricFilter');
    expect(byName.props).toMatchObject({ logGroupName: '/other/app', metricValue: 1 });
    expect(byName.props.logGroup).toBeUndefined();
  });

  it('writes them back, keeping what the model does not hold, and loads the same design again', () => {
    const loaded = loadTemplate(TEMPLATE);
    const written = exportDesign(loaded.design!).templates['test']!;
    const resources = written['Resources'] as Written;
    expect(resources['AppLogs']).toEqual({ Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/shop/app', RetentionInDays: 14 } });
    expect(resources['PoolErrors']!.Properties).toEqual({
      LogGroupName: { Ref: 'AppLogs' },
      FilterPattern: '"connection pool" ?ERROR ?FATAL -DEBUG',
      MetricTransformations: [{ MetricNamespace: 'Shop/App', MetricName: 'PoolErrors', MetricValue: '1', DefaultValue: 0, Unit: 'Count' }],
    });
    expect(resources['ByName']!.Properties['MetricTransformations']).toEqual([
      { MetricNamespace: 'App', MetricName: 'Latency', MetricValue: '$.latency', Dimensions: [{ Key: 'Host', Value: '$.host' }] },
    ]);
    const again = loadTemplate(written);
    expect(errors(again)).toEqual([]);
    const props = (d: typeof loaded.design) => d!.resources.map((r) => [r.logicalId, r.kind, r.props]);
    expect(props(again.design)).toEqual(props(loaded.design));
  });
});
