// AWS::CloudWatch::Dashboard: DashboardBody read into widgets (metric rows, alarm ARNs, text), written back as the
// template had it while unchanged, as a new body (Fn::Join around the board's references) once changed; a body
// the board cannot read is kept as written with a warning, never refused.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../shared/template/index.ts';
import { byLogicalId, codes, errors, loadTemplate, plain, reload } from './load-helpers.ts';

const BASE = `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a}}
  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1b}}
  Web: {Type: AWS::EC2::Instance, Properties: {InstanceType: t3.micro, SubnetId: !Ref A, ImageId: ami-1}}
  Alb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Subnets: [!Ref A, !Ref B]}}
  HighCpu:
    Type: AWS::CloudWatch::Alarm
    Properties: {Namespace: AWS/EC2, MetricName: CPUUtilization, Dimensions: [{Name: InstanceId, Value: !Ref Web}], ComparisonOperator: GreaterThanThreshold, Threshold: 80, Period: 60, EvaluationPeriods: 1}
`;

/** A body as people write it: spaced JSON, the region and the resources' names through Fn::Sub, "." rows. */
const SUB_BODY = `{
  "widgets": [
    {"type": "metric", "x": 0, "y": 0, "width": 12, "height": 6,
     "properties": {"metrics": [["AWS/ApplicationELB", "RequestCount", "LoadBalancer", "\${Alb.LoadBalancerFullName}", {"stat": "Sum"}],
                                [".", "HTTPCode_Target_5XX_Count", ".", "."]],
                    "view": "timeSeries", "region": "\${AWS::Region}", "title": "Requests", "period": 60, "yAxis": {"left": {"min": 0}}}},
    {"type": "metric", "x": 12, "y": 0, "width": 6, "height": 6,
     "properties": {"metrics": [["AWS/EC2", "CPUUtilization", "InstanceId", "\${Web}"], ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "gone-db"]], "view": "singleValue", "region": "\${AWS::Region}"}},
    {"type": "alarm", "x": 0, "y": 6, "width": 6, "height": 3, "properties": {"title": "Alarms", "alarms": ["\${HighCpu.Arn}", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:other"]}},
    {"type": "text", "x": 6, "y": 6, "width": 6, "height": 3, "properties": {"markdown": "# Runbook"}}
  ],
  "periodOverride": "inherit"
}`;

const withBody = (body: string) => `${BASE}  Ops:\n    Type: AWS::CloudWatch::Dashboard\n    Properties:\n      DashboardName: ops\n      DashboardBody: ${body}\n`;
const subTemplate = withBody(`!Sub |\n${SUB_BODY.split('\n').map((l) => `        ${l}`).join('\n')}`);

type Written = Record<string, { Type: string; Properties: Record<string, unknown> }>;
const resourcesOf = (design: Parameters<typeof exportDesign>[0]) => exportDesign(design).templates['test']!['Resources'] as Written;

describe('CloudWatch dashboards in templates', () => {
  it('reads the widgets of a body written with Fn::Sub: metric rows on board resources, alarms, text', () => {
    const loaded = loadTemplate(subTemplate);
    expect(errors(loaded)).toEqual([]);
    const d = loaded.design!;
    const ops = byLogicalId(d, 'Ops', 'dashboard').props;
    const alb = byLogicalId(d, 'Alb', 'loadBalancer').id;
    const web = byLogicalId(d, 'Web', 'instance').id;
    expect(ops.name).toBe('ops');
    expect(ops.widgets.map((w) => [w.type, w.x, w.y, w.width, w.height, w.view])).toEqual([
      ['metric', 0, 0, 12, 6, 'timeSeries'],
      ['metric', 12, 0, 6, 6, 'singleValue'],
      ['alarm', 0, 6, 6, 3, undefined],
      ['text', 6, 6, 6, 3, undefined],
    ]);
    expect(ops.widgets[0]).toMatchObject({ region: 'us-east-1', title: 'Requests', period: 60, other: { yAxis: { left: { min: 0 } } } });
    expect(ops.widgets[3]!.markdown).toBe('# Runbook');
    // "." repeats the row above: the second row is the same load balancer's 5XX count.
    expect(ops.metrics).toEqual([
      { widget: 0, namespace: 'AWS/ApplicationELB', metric: 'RequestCount', dimensions: [{ name: 'LoadBalancer' }], subject: alb, options: { stat: 'Sum' } },
      { widget: 0, namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_Target_5XX_Count', dimensions: [{ name: 'LoadBalancer' }], subject: alb },
      { widget: 1, namespace: 'AWS/EC2', metric: 'CPUUtilization', dimensions: [{ name: 'InstanceId' }], subject: web },
      { widget: 1, namespace: 'AWS/RDS', metric: 'CPUUtilization', dimensions: [{ name: 'DBInstanceIdentifier', value: 'gone-db' }] },
    ]);
    expect(ops.alarms).toEqual([
      { widget: 2, alarm: byLogicalId(d, 'HighCpu', 'alarm').id },
      { widget: 2, arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:other' },
    ]);
    expect(ops.other).toEqual({ periodOverride: 'inherit' });
  });

  it('writes an unchanged body back exactly as the template wrote it (Fn::Sub and its spacing)', () => {
    const loaded = loadTemplate(subTemplate);
    const ops = resourcesOf(loaded.design!)['Ops']!;
    expect(ops.Properties['DashboardBody']).toEqual({ 'Fn::Sub': `${SUB_BODY}\n` });
    expect(ops.Properties['DashboardName']).toBe('ops');
  });

  it('writes a literal body back as the same text', () => {
    const text = '{ "widgets": [ {"type": "text", "width": 24, "height": 2, "properties": {"markdown": "hello"}} ] }';
    const loaded = loadTemplate(withBody(`'${text}'`));
    const ops = byLogicalId(loaded.design, 'Ops', 'dashboard').props;
    expect(ops.widgets).toEqual([{ type: 'text', width: 24, height: 2, markdown: 'hello' }]);
    expect(resourcesOf(loaded.design!)['Ops']!.Properties['DashboardBody']).toBe(text);
  });

  it('writes a changed body as JSON with Fn::Join around its references, which loads as the same dashboard', () => {
    const loaded = loadTemplate(subTemplate);
    const design = loaded.design!;
    const ops = byLogicalId(design, 'Ops', 'dashboard');
    ops.props.widgets = ops.props.widgets.slice(0, 3);
    const body = resourcesOf(design)['Ops']!.Properties['DashboardBody'] as { 'Fn::Join': [string, unknown[]] };
    expect(body['Fn::Join'][1]).toContainEqual({ 'Fn::GetAtt': ['Alb', 'LoadBalancerFullName'] });
    expect(body['Fn::Join'][1]).toContainEqual({ Ref: 'Web' });
    expect(body['Fn::Join'][1]).toContainEqual({ 'Fn::GetAtt': ['HighCpu', 'Arn'] });
    const again = reload(design);
    expect(errors(again)).toEqual([]);
    const props = plain(byLogicalId(again.design, 'Ops', 'dashboard').props);
    const { source: _was, ...changed } = plain(ops.props);
    expect(props).toEqual(changed);
  });

  it('keeps a body it cannot read as written, with a warning, and still places the dashboard', () => {
    for (const body of ["'not json at all'", `!Join ['', ['{"widgets": "', !Ref Web, '"}']]`, "'{\"widgets\": [{\"type\": \"metric\", \"width\": \"wide\"}]}'"]) {
      const loaded = loadTemplate(withBody(body));
      expect(errors(loaded)).toEqual([]);
      expect(codes(loaded, 'warning')).toContain('dashboard-body-kept');
      const ops = byLogicalId(loaded.design, 'Ops', 'dashboard');
      expect(ops.props.widgets).toEqual([]);
      expect(ops.unmodelled?.['DashboardBody']).toBeDefined();
      expect(resourcesOf(loaded.design!)['Ops']!.Properties['DashboardBody']).toEqual(ops.unmodelled!['DashboardBody']);
    }
  });
});
