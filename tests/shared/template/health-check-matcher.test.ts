// A target group's HealthCheckPath and Matcher are read into the design (they decide target health in the
// simulation: shared/sim/health-check-path.ts) and written back as they were.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../shared/template/index.ts';
import { byLogicalId, errors, loadTemplate } from './load-helpers.ts';

const template = (props: string) => `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Targets: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Port: 80, Protocol: HTTP, VpcId: !Ref Vpc${props}}}
`;

describe('target group health check path and matcher', () => {
  it('reads HealthCheckPath and Matcher.HttpCode and writes them back', () => {
    const loaded = loadTemplate(template(', HealthCheckPath: /healthz, Matcher: {HttpCode: "200-299"}'));
    expect(errors(loaded)).toEqual([]);
    const check = byLogicalId(loaded.design, 'Targets', 'targetGroup').props.healthCheck;
    expect(check.path).toBe('/healthz');
    expect(check.matcher).toBe('200-299');
    const written = exportDesign(loaded.design!).templates['test']!['Resources'] as Record<string, { Properties: Record<string, unknown> }>;
    expect(written['Targets']!.Properties['HealthCheckPath']).toBe('/healthz');
    expect(written['Targets']!.Properties['Matcher']).toEqual({ HttpCode: '200-299' });
  });

  it('leaves both out when the template does (AWS defaults: /, 200)', () => {
    const loaded = loadTemplate(template(''));
    const check = byLogicalId(loaded.design, 'Targets', 'targetGroup').props.healthCheck;
    expect(check.path).toBeUndefined();
    expect(check.matcher).toBeUndefined();
    const written = exportDesign(loaded.design!).templates['test']!['Resources'] as Record<string, { Properties: Record<string, unknown> }>;
    expect(written['Targets']!.Properties['Matcher']).toBeUndefined();
  });
});
