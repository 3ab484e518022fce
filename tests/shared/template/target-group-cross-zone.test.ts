import { describe, expect, it } from 'vitest';
import { byLogicalId, codes, loadTemplate, reload } from './load-helpers.ts';

// Cross-zone load balancing is a target group attribute (load_balancing.cross_zone.enabled: true, false or
// use_load_balancer_configuration, the default): the loader reads it and the exporter writes it again.

const template = (value?: string) => `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Targets:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP
      VpcId: !Ref Vpc
${value === undefined ? '' : `      TargetGroupAttributes: [{Key: load_balancing.cross_zone.enabled, Value: '${value}'}]`}`;

describe("a target group's cross-zone attribute", () => {
  it('is read as on, off, or left to the load balancer', () => {
    expect(byLogicalId(loadTemplate(template('false')).design, 'Targets', 'targetGroup').props.crossZone).toBe(false);
    expect(byLogicalId(loadTemplate(template('true')).design, 'Targets', 'targetGroup').props.crossZone).toBe(true);
    expect(byLogicalId(loadTemplate(template('use_load_balancer_configuration')).design, 'Targets', 'targetGroup').props.crossZone).toBeUndefined();
    expect(byLogicalId(loadTemplate(template()).design, 'Targets', 'targetGroup').props.crossZone).toBeUndefined();
    expect(codes(loadTemplate(template('false')), 'error')).toEqual([]);
  });

  it('survives an export and a reload', () => {
    const again = reload(loadTemplate(template('false')).design!);
    expect(byLogicalId(again.design, 'Targets', 'targetGroup').props.crossZone).toBe(false);
  });
});
