// CloudWatch dashboards (AWS::CloudWatch::Dashboard): DashboardName and DashboardBody, the body read into widgets
// (shared/template/dashboard-body.ts). Real templates build the body with Fn::Sub or Fn::Join to put the region
// and their resources' names in it: the loader resolves those, so a dimension value or alarm ARN made from a
// board resource points at it again. The body is written back as the template had it while the board's widgets
// are unchanged; a body the board cannot read is kept as written, with a warning.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudwatch-dashboard.html

import type { ResourceOfKind } from '../../design/model.ts';
import { codec, defined, type WriteContext } from '../codec.ts';
import { dashboardKey, parseDashboardBody, writeDashboardBody, type NamedResource } from '../dashboard-body.ts';
import type { PropertyReader } from '../property-reader.ts';
import type { PlannedResource } from '../read-env.ts';
import { deepEqual } from '../plain-data.ts';
import { dimensionName, dimensionOf } from './operations.ts';

type Props = ResourceOfKind<'dashboard'>['props'];

export const dashboardCodec = codec({
  kind: 'dashboard',
  awsType: 'AWS::CloudWatch::Dashboard',
  usual: true,
  ownForms: ['DashboardBody'],
  read: (p) => {
    const name = p.optionalText('DashboardName');
    const resolved = p.peek('DashboardBody');
    const named = new Map<number, PlannedResource>();
    const content = typeof resolved === 'string' ? parseDashboardBody(resolved, (text) => namedBy(p, text, named)) : undefined;
    if (!content) {
      if (p.has('DashboardBody')) {
        p.env.report('warning', 'dashboard-body-kept', 'DashboardBody is not a dashboard body the board can read ({"widgets": [...]} as JSON): kept as written, its widgets are not shown');
      }
      return defined({ name, widgets: [], metrics: [], alarms: [] }) as Props;
    }
    p.value('DashboardBody');
    // The body is remembered as written only when this codec would not write the same (other spacing, Fn::Sub).
    const raw = p.raw['DashboardBody'];
    const own = writeDashboardBody(content, { subject: (id) => ownReference(p, named.get(id), 'subject'), alarm: (id) => ownReference(p, named.get(id), 'alarm') });
    return defined({ name, ...content, source: deepEqual(own, raw) ? undefined : { form: raw, key: dashboardKey(content) } }) as Props;
  },
  write: (props, w) => {
    const kept = w.kept?.['DashboardBody'] !== undefined;
    const unchanged = props.source !== undefined && props.source.key === dashboardKey(props);
    const body = kept ? undefined : unchanged ? props.source!.form : writeBody(props, w);
    return defined({ DashboardName: props.name, DashboardBody: body });
  },
});

function writeBody(props: Props, w: WriteContext): unknown {
  return writeDashboardBody(props, { subject: (id) => dimensionOf(id, w)['Value'], alarm: (id) => w.att(id, 'Arn') });
}

/** The board resource a text in the body names (a dimension value, an alarm ARN), with its metrics' dimension name. */
function namedBy(p: PropertyReader, text: string, named: Map<number, PlannedResource>): NamedResource | undefined {
  const target = p.targetOf(text);
  if (!('resource' in target)) return undefined;
  const r = target.resource;
  named.set(r.id, r);
  return { id: r.id, kind: r.kind, dimension: dimensionName(r.kind, r.awsType) };
}

/** What the exporter writes for a resource of the same stack (dimensionOf, an alarm's Arn); another stack's: nothing equal. */
function ownReference(p: PropertyReader, r: PlannedResource | undefined, role: 'subject' | 'alarm'): unknown {
  if (r === undefined || r.stack !== p.env.scope.index) return { 'Fn::ImportValue': '' };
  if (role === 'alarm') return { 'Fn::GetAtt': [r.logicalId, 'Arn'] };
  const name = dimensionName(r.kind, r.awsType);
  if (name === 'LoadBalancer') return { 'Fn::GetAtt': [r.logicalId, 'LoadBalancerFullName'] };
  if (name === 'TargetGroup') return { 'Fn::GetAtt': [r.logicalId, 'TargetGroupFullName'] };
  return { Ref: r.logicalId };
}
