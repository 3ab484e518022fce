// The loader never throws, whatever it is given: arbitrary values as the manifest, manifests whose templates
// are random JSON built from CloudFormation's own words, and random text read as YAML. Every answer is a list
// of issues (and a design whose references are consistent, when there is one).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { exportDesign, loadDesign, parseManifestText, templateToYaml } from '../../../shared/template/index.ts';

const WORDS = [
  'Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::If', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or',
  'Fn::FindInMap', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::Base64', 'Condition', 'Type', 'Properties', 'DependsOn',
  'Metadata', 'VpcId', 'SubnetId', 'Subnets', 'CidrBlock', 'AvailabilityZone', 'LoadBalancerArn', 'TargetGroupArn', 'DefaultActions',
  'ForwardConfig', 'TargetGroups', 'LaunchTemplate', 'LaunchTemplateId', 'AutoScalingGroupName', 'Dimensions', 'AlarmActions',
  'DistributionConfig', 'Origins', 'DomainName', 'AliasTarget', 'HealthCheckConfig', 'Rules', 'Statement', 'EndpointConfigurations',
  'Vpc', 'Subnet', 'Group', 'Lb', 'AWS::NoValue', 'AWS::Region', 'AWS::StackName', '__proto__', 'constructor', '0', '',
];
const TYPES = [
  'AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::Instance', 'AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::Route',
  'AWS::AutoScaling::AutoScalingGroup', 'AWS::AutoScaling::ScalingPolicy', 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::RDS::DBInstance',
  'AWS::CloudFront::Distribution', 'AWS::Route53::RecordSet', 'AWS::WAFv2::WebACL', 'AWS::CloudWatch::Alarm', 'AWS::Budgets::Budget',
  'AWS::GlobalAccelerator::EndpointGroup', 'AWS::SNS::Topic',
];

const word = fc.constantFrom(...WORDS);
const { value: templateValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    word,
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 300 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(word, tie('value'), { maxKeys: 4 }),
    tie('call'),
  ),
  call: fc.tuple(word, tie('value')).map(([name, arg]) => ({ [name]: arg })),
}));
const resource = fc.record({ Type: fc.oneof(fc.constantFrom(...TYPES), templateValue), Properties: fc.dictionary(word, templateValue, { maxKeys: 6 }) }, { requiredKeys: ['Type'] });
const template = fc.record(
  {
    Parameters: fc.dictionary(word, fc.record({ Type: fc.constantFrom('String', 'Number', 'CommaDelimitedList', 'List<AWS::EC2::Subnet::Id>'), Default: templateValue })),
    Conditions: fc.dictionary(word, templateValue, { maxKeys: 3 }),
    Mappings: fc.dictionary(word, templateValue, { maxKeys: 2 }),
    Resources: fc.dictionary(fc.constantFrom('Vpc', 'Subnet', 'Group', 'Lb', 'Db', 'Alarm', 'X'), resource, { maxKeys: 7 }),
    Outputs: fc.dictionary(word, templateValue, { maxKeys: 2 }),
  },
  { requiredKeys: ['Resources'] },
);

/** Props that hold resource ids, by kind: every one must name a resource of the design. */
const ID_FIELDS: Record<string, string[]> = {
  subnet: ['vpc'], gatewayAttachment: ['vpc', 'gateway'], routeTable: ['vpc'], route: ['routeTable', 'gateway', 'transitGateway', 'peering'],
  subnetRouteTableAssociation: ['subnet', 'routeTable'], securityGroup: ['vpc'], vpcPeering: ['vpc', 'peerVpc'],
  transitGatewayAttachment: ['transitGateway', 'vpc', 'subnets'], instance: ['subnet', 'securityGroups'], launchTemplate: ['securityGroups'],
  autoScalingGroup: ['launchTemplate', 'subnets', 'targetGroups'], scalingPolicy: ['group'], scheduledAction: ['group'],
  loadBalancer: ['subnets', 'securityGroups'], targetGroup: ['vpc', 'targets'], listener: ['loadBalancer'], listenerRule: ['listener'],
  dbSubnetGroup: ['subnets'], database: ['source', 'subnetGroup'], distribution: ['origins', 'webAcl'], healthCheck: ['target'],
  recordSet: ['target', 'healthCheck'], acceleratorListener: ['accelerator'], endpointGroup: ['listener'], webAclAssociation: ['webAcl', 'resource'],
  alarm: ['subject', 'alarmActions'],
};

function idsInRange(design: Design): boolean {
  const n = design.resources.length;
  const valid = (v: unknown): boolean => v === undefined || (Array.isArray(v) ? v.every(valid) : Number.isInteger(v) && (v as number) >= 0 && (v as number) < n);
  return design.resources.every((r, i) => {
    const props = r.props as Record<string, unknown>;
    return r.id === i && (ID_FIELDS[r.kind] ?? []).every((f) => valid(props[f])) && valid(r.dependsOn) && valid(r.partOf);
  });
}

function loadNeverThrows(manifest: unknown, read: (path: string) => string | undefined): void {
  const result = loadDesign(manifest, read);
  expect(Array.isArray(result.issues)).toBe(true);
  // The loader catches what it did not foresee as an `internal-error` issue: none may be needed.
  expect(result.issues.filter((i) => i.code === 'internal-error')).toEqual([]);
  if (result.design) {
    expect(idsInRange(result.design)).toBe(true);
    // Whatever was loaded can be exported and written.
    for (const t of Object.values(exportDesign(result.design).templates)) templateToYaml(t);
  }
}

describe('the loader never throws', () => {
  it('on arbitrary values given as the manifest', () => {
    fc.assert(fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true }), (value) => loadNeverThrows(value, () => undefined)), { numRuns: 300 });
  });

  it('on arbitrary JSON given as the manifest', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => loadNeverThrows(value, () => '{}')), { numRuns: 300 });
  });

  it('on templates made of random CloudFormation words', () => {
    fc.assert(
      fc.property(template, fc.constantFrom('us-east-1', 'eu-west-1', 'nowhere'), fc.dictionary(word, fc.oneof(fc.string(), fc.integer())), (t, region, parameters) => {
        loadNeverThrows({ stacks: [{ name: 'fuzz', region, template: t, parameters }, { name: 'other', region: 'us-east-1', template: t }] }, () => undefined);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('on random text read as a template or a manifest', () => {
    const yamlish = fc
      .array(fc.oneof(fc.constantFrom('Resources:', '  A:', '    Type: AWS::EC2::VPC', '    Properties: {CidrBlock: !Ref X}', '!GetAtt', '&a [*a]', '- !If [c, 1]', ':', '{', '"', '\t'), fc.string({ maxLength: 20 })), { maxLength: 12 })
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(yamlish, (text) => {
        loadNeverThrows({ stacks: [{ name: 'fuzz', region: 'us-east-1', template: 't.yaml' }] }, () => text);
        loadNeverThrows(text, () => text);
        expect(Array.isArray(parseManifestText(text).issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on cyclic and hostile objects', () => {
    const cyclic: Record<string, unknown> = { stacks: [] };
    (cyclic['stacks'] as unknown[]).push({ name: 'a', region: 'us-east-1', template: cyclic });
    loadNeverThrows(cyclic, () => undefined);
    const getter = { get stacks(): unknown { throw new Error('boom'); } };
    loadNeverThrows(getter, () => undefined);
    let deep: unknown = { Resources: { A: { Type: 'AWS::EC2::VPC' } } };
    for (let i = 0; i < 5000; i++) deep = { 'Fn::Join': ['', [deep]] };
    loadNeverThrows({ stacks: [{ name: 'deep', region: 'us-east-1', template: { Resources: { V: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: deep } } } } }] }, () => undefined);
  });
});
