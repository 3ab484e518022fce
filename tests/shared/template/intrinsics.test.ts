import { describe, expect, it } from 'vitest';
import type { DesignIssue } from '../../../shared/design/model.ts';
import { resolveValue } from '../../../shared/template/intrinsics.ts';
import { PhysicalNames, NO_VALUE, ResourceRef } from '../../../shared/template/resource-ref.ts';
import { typeOfResource } from '../../../shared/template/stack-scope.ts';
import { prepareStack, type PreparedStack } from '../../../shared/template/stack-setup.ts';
import { parseTemplateText } from '../../../shared/template/template-text.ts';
import { byLogicalId, codes, loadTemplate } from './load-helpers.ts';

const TEMPLATE = `
Parameters:
  Env: {Type: String, Default: prod}
  Count: {Type: Number, Default: "3"}
  Zones: {Type: CommaDelimitedList, Default: "us-east-1a, us-east-1b"}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
  Ami: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/service/ami}
Mappings:
  Sizes:
    prod: {Instance: m5.large}
    dev: {Instance: t3.micro}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals ["3", !Ref Count]]
  Either: !Or [!Condition IsDev, !Equals [a, b]]
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Bucket: {Type: AWS::S3::Bucket}
`;

function scopeOf(parameters: Record<string, unknown> = { Subnets: 'subnet-1,subnet-2' }, region = 'us-east-1') {
  const issues: DesignIssue[] = [];
  const names = new PhysicalNames();
  const prepared: PreparedStack[] = [];
  const template = parseTemplateText(TEMPLATE).value as Record<string, unknown>;
  prepared.push(
    prepareStack(0, { name: 'web', region, parameters }, template, {
      nameOfRef: (ref) => names.nameOf(ref, 'web', region, typeOfResource(prepared[0]!.scope, ref.logicalId)),
      refOfText: (text) => names.resourceOf(text),
      importValue: () => ({ found: false }),
      report: (issue) => issues.push(issue),
    }),
  );
  const resolve = (yaml: string) => resolveValue(parseTemplateText(`v: ${yaml}`).value && (parseTemplateText(`v: ${yaml}`).value as { v: unknown }).v, prepared[0]!.scope, { path: 'v' });
  return { resolve, issues, scope: prepared[0]!.scope };
}

describe('intrinsic functions', () => {
  it('Ref: parameters with their types, pseudo parameters, resources', () => {
    const { resolve } = scopeOf();
    expect(resolve('!Ref Env')).toBe('prod');
    expect(resolve('!Ref Count')).toBe('3');
    expect(resolve('!Ref Zones')).toEqual(['us-east-1a', 'us-east-1b']);
    expect(resolve('!Ref Subnets')).toEqual(['subnet-1', 'subnet-2']);
    expect(resolve('!Ref Ami')).toBe('/aws/service/ami');
    expect(resolve('!Ref AWS::Region')).toBe('us-east-1');
    expect(resolve('!Ref AWS::StackName')).toBe('web');
    expect(resolve('!Ref AWS::AccountId')).toBe('123456789012');
    expect(resolve('!Ref AWS::URLSuffix')).toBe('amazonaws.com');
    expect(resolve('!Ref AWS::Partition')).toBe('aws');
    expect(resolve('!Ref AWS::NoValue')).toBe(NO_VALUE);
    expect(resolve('!Ref Vpc')).toEqual(new ResourceRef(0, 'Vpc'));
  });

  it('AWS::NoValue removes the property or list item it stands in', () => {
    const { resolve } = scopeOf();
    expect(resolve('{a: 1, b: !Ref AWS::NoValue}')).toEqual({ a: 1 });
    expect(resolve('[1, !If [IsDev, 2, !Ref AWS::NoValue], 3]')).toEqual([1, 3]);
  });

  it('Fn::GetAtt gives a reference marker with its attribute', () => {
    const { resolve } = scopeOf();
    expect(resolve('!GetAtt Bucket.RegionalDomainName')).toEqual(new ResourceRef(0, 'Bucket', 'RegionalDomainName'));
    expect(resolve('{"Fn::GetAtt": "Vpc.CidrBlock"}')).toEqual(new ResourceRef(0, 'Vpc', 'CidrBlock'));
  });

  it('Fn::Sub in both forms, with ${!Literal}', () => {
    const { resolve } = scopeOf();
    expect(resolve('!Sub "${AWS::StackName}-${Env}-${!NotAVar}"')).toBe('web-prod-${NotAVar}');
    expect(resolve('!Sub ["${Name}.${AWS::Region}", {Name: !Ref Env}]')).toBe('prod.us-east-1');
    expect(resolve('!Sub "arn:${AWS::Partition}:s3:::${Bucket}"')).toBe('arn:aws:s3:::web-Bucket');
  });

  it('Fn::Join, Fn::Select, Fn::Split, Fn::GetAZs, Fn::Cidr', () => {
    const { resolve } = scopeOf();
    expect(resolve('!Join ["-", [a, !Ref Env, 3]]')).toBe('a-prod-3');
    expect(resolve('!Select ["1", [a, b, c]]')).toBe('b');
    expect(resolve('!Select [2, !GetAZs ""]')).toBe('us-east-1c');
    expect(resolve('!GetAZs eu-west-1')).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(resolve('!Split [",", "a,b,c"]')).toEqual(['a', 'b', 'c']);
    expect(resolve('!Select [1, !Split [",", !Join [",", [x, y]]]]')).toBe('y');
    expect(resolve('!Cidr [10.0.0.0/16, 2, 8]')).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    expect(resolve('!Select [1, !Cidr [!Ref AWS::NoValue, 2, 8]]')).toBeUndefined();
  });

  it('Fn::FindInMap, with the LanguageExtensions default', () => {
    const { resolve, issues } = scopeOf();
    expect(resolve('!FindInMap [Sizes, !Ref Env, Instance]')).toBe('m5.large');
    expect(resolve('!FindInMap [Sizes, staging, Instance, {DefaultValue: t3.medium}]')).toBe('t3.medium');
    expect(resolve('!FindInMap [Sizes, staging, Instance]')).toBeUndefined();
    expect(issues.map((i) => i.code)).toContain('mapping-not-found');
  });

  it('conditions: Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition', () => {
    const prod = scopeOf();
    expect(prod.resolve('!If [IsProd, big, small]')).toBe('big');
    expect(prod.resolve('!If [IsDev, big, small]')).toBe('small');
    expect(prod.resolve('!If [Both, yes, no]')).toBe('yes');
    expect(prod.resolve('!If [Either, yes, no]')).toBe('no');
    expect(prod.resolve('!Equals [3, "3"]')).toBe(true);
    const dev = scopeOf({ Env: 'dev', Subnets: '' });
    expect(dev.resolve('!If [IsProd, big, small]')).toBe('small');
    expect(dev.resolve('!If [Either, yes, no]')).toBe('yes');
    expect(dev.resolve('!FindInMap [Sizes, !Ref Env, Instance]')).toBe('t3.micro');
  });

  it('Fn::Base64 keeps the text (the game never decodes user data)', () => {
    expect(scopeOf().resolve('!Base64 {"Fn::Sub": "#!/bin/bash ${AWS::Region}"}')).toBe('#!/bin/bash us-east-1');
  });

  it('an out-of-range Select is an error and resolves to nothing, never a throw', () => {
    const { resolve, issues } = scopeOf();
    expect(resolve('!Select [5, [a]]')).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(['select-out-of-range']);
  });

  it('an unsupported function is a warning', () => {
    const { resolve, issues } = scopeOf();
    expect(resolve('{"Fn::Frobnicate": 1}')).toBeUndefined();
    expect(issues[0]).toMatchObject({ severity: 'warning', code: 'unsupported-intrinsic' });
  });

  it('numbers and booleans written as strings are read as numbers and booleans', () => {
    const result = loadTemplate(`
Parameters:
  Max: {Type: Number, Default: "6"}
Resources:
  Db: {Type: AWS::RDS::DBInstance, Properties: {DBInstanceClass: db.t3.medium, Engine: mysql, MultiAZ: "true", AllocatedStorage: "50"}}
  Policy:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties: {AutoScalingGroupName: !Ref Group, ScalingAdjustment: "2", Cooldown: "60"}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      LaunchConfigurationName: !Ref Config
      AvailabilityZones: !GetAZs ""
      MinSize: "1"
      MaxSize: !Ref Max
  Config: {Type: AWS::AutoScaling::LaunchConfiguration, Properties: {InstanceType: t3.micro, ImageId: ami-1}}
`);
    expect(byLogicalId(result.design, 'Db', 'database').props).toMatchObject({ multiAz: true, storageGb: 50 });
    expect(byLogicalId(result.design, 'Policy', 'scalingPolicy').props).toMatchObject({ adjustment: 2, cooldownS: 60 });
    expect(byLogicalId(result.design, 'Group', 'autoScalingGroup').props).toMatchObject({ min: 1, max: 6, desired: 1 });
    expect(codes(result, 'error')).toEqual([]);
  });

  it('Fn::ImportValue resolves another stack’s export to its resource', async () => {
    const { loadDesign } = await import('../../../shared/template/index.ts');
    const result = loadDesign(
      {
        stacks: [
          {
            name: 'network',
            region: 'us-east-1',
            template: {
              Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } },
              Outputs: { VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-vpc' } } } },
            },
          },
          {
            name: 'app',
            region: 'us-east-1',
            template: {
              Resources: {
                Subnet: {
                  Type: 'AWS::EC2::Subnet',
                  Properties: { VpcId: { 'Fn::ImportValue': 'network-vpc' }, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' },
                },
                Other: {
                  Type: 'AWS::EC2::Subnet',
                  Properties: { VpcId: { 'Fn::ImportValue': 'nobody-exports-this' }, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1a' },
                },
              },
            },
          },
        ],
      },
      () => undefined,
    );
    const subnet = result.design!.resources.find((r) => r.logicalId === 'Subnet');
    expect(subnet).toMatchObject({ stack: 1, kind: 'subnet', props: { vpc: 0 } });
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'import-not-found', stack: 'app', logicalId: 'Other' }));
    expect(result.design!.unmodelled.map((u) => [u.logicalId, u.reason])).toEqual([['Other', 'unplaceable']]);
  });
});
