import { describe, expect, it } from 'vitest';
import { byLogicalId, codes, errors, loadTemplate } from './load-helpers.ts';

const VPC = `
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: !Ref Cidr}`;

describe('parameters', () => {
  it('take the Default, and the manifest value over it', () => {
    const template = `Parameters:\n  Cidr: {Type: String, Default: 10.0.0.0/16}\nResources:${VPC}`;
    const byDefault = loadTemplate(template);
    expect(byLogicalId(byDefault.design, 'Vpc', 'vpc').props.cidr).toBe('10.0.0.0/16');
    expect(byDefault.design!.stacks[0]!.parameters).toEqual({ Cidr: '10.0.0.0/16' });
    const given = loadTemplate(template, { parameters: { Cidr: '10.9.0.0/16' } });
    expect(byLogicalId(given.design, 'Vpc', 'vpc').props.cidr).toBe('10.9.0.0/16');
    expect(given.design!.stacks[0]!.parameters).toEqual({ Cidr: '10.9.0.0/16' });
  });

  it('without a Default and without a manifest value is an error naming the parameter', () => {
    const result = loadTemplate(`Parameters:\n  Cidr: {Type: String}\nResources:${VPC}`);
    expect(errors(result)).toContainEqual(expect.objectContaining({ code: 'parameter-missing', stack: 'test' }));
    expect(errors(result).find((i) => i.code === 'parameter-missing')!.message).toContain('Cidr');
  });

  it('check AllowedValues, Number and availability zones of the region', () => {
    const template = `
Parameters:
  Size: {Type: String, AllowedValues: [small, large], Default: small}
  Count: {Type: Number, Default: "2"}
  Zone: {Type: "AWS::EC2::AvailabilityZone::Name", Default: us-east-1a}
Resources:
  Bucket: {Type: AWS::S3::Bucket}`;
    expect(errors(loadTemplate(template))).toEqual([]);
    expect(codes(loadTemplate(template, { parameters: { Size: 'huge' } }), 'error')).toEqual(['parameter-not-allowed']);
    expect(codes(loadTemplate(template, { parameters: { Count: 'many' } }), 'error')).toEqual(['parameter-not-a-number']);
    expect(codes(loadTemplate(template, { parameters: { Zone: 'eu-west-1a' } }), 'error')).toEqual(['zone-not-in-region']);
  });

  it('read lists from the manifest as lists or comma-joined text', () => {
    const template = `
Parameters:
  Zones: {Type: "List<AWS::EC2::AvailabilityZone::Name>"}
Resources:
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: {LaunchConfigurationName: !Ref Config, AvailabilityZones: !Ref Zones, MinSize: 1, MaxSize: 2}
  Config: {Type: AWS::AutoScaling::LaunchConfiguration, Properties: {InstanceType: t3.micro, ImageId: ami-1}}`;
    for (const zones of [['us-east-1a', 'us-east-1b'], 'us-east-1a,us-east-1b']) {
      const result = loadTemplate(template, { parameters: { Zones: zones } });
      expect(byLogicalId(result.design, 'Group', 'autoScalingGroup').props.zones).toEqual(['us-east-1a', 'us-east-1b']);
      expect(result.design!.stacks[0]!.parameters).toEqual({ Zones: 'us-east-1a,us-east-1b' });
    }
  });

  it('SSM parameter types take their value from the manifest or the Default', () => {
    const template = `
Parameters:
  Type: {Type: "AWS::SSM::Parameter::Value<String>", Default: /config/instance-type}
Resources:
  Template: {Type: AWS::EC2::LaunchTemplate, Properties: {LaunchTemplateData: {InstanceType: !Ref Type}}}`;
    expect(byLogicalId(loadTemplate(template).design, 'Template', 'launchTemplate').props.instanceType).toBe('/config/instance-type');
    const given = loadTemplate(template, { parameters: { Type: 't3.micro' } });
    expect(byLogicalId(given.design, 'Template', 'launchTemplate').props.instanceType).toBe('t3.micro');
  });

  it('a manifest value for an undeclared parameter is a warning', () => {
    const result = loadTemplate(`Resources:\n  Bucket: {Type: AWS::S3::Bucket}`, { parameters: { Nope: 'x' } });
    expect(codes(result, 'warning')).toEqual(['unknown-parameter']);
  });
});

describe('conditions', () => {
  const template = `
Parameters:
  Replica: {Type: String, AllowedValues: ["true", "false"], Default: "true"}
  Env: {Type: String, Default: prod}
Conditions:
  WithReplica: !Equals [!Ref Replica, "true"]
  IsProd: !Equals [!Ref Env, prod]
  ProdWithReplica: !And [!Condition IsProd, !Condition WithReplica]
Resources:
  Main:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: !If [IsProd, db.r6g.large, db.t3.medium]
      MultiAZ: !If [ProdWithReplica, true, false]
      AvailabilityZone: !If [IsProd, !Ref AWS::NoValue, us-east-1b]
  Replica:
    Type: AWS::RDS::DBInstance
    Condition: WithReplica
    Properties: {SourceDBInstanceIdentifier: !Ref Main, DBInstanceClass: db.t3.medium}`;

  it('a true resource Condition keeps the resource; Fn::If picks by condition', () => {
    const result = loadTemplate(template);
    expect(errors(result)).toEqual([]);
    expect(byLogicalId(result.design, 'Main', 'database').props).toMatchObject({ instanceClass: 'db.r6g.large', multiAz: true });
    expect(byLogicalId(result.design, 'Main', 'database').props.zone).toBeUndefined();
    expect(byLogicalId(result.design, 'Replica', 'database').props.source).toBe(0);
  });

  it('a false resource Condition drops the resource, as CloudFormation does, and says so', () => {
    const result = loadTemplate(template, { parameters: { Replica: 'false', Env: 'dev' } });
    expect(result.design!.resources.map((r) => r.logicalId)).toEqual(['Main']);
    expect(byLogicalId(result.design, 'Main', 'database').props).toMatchObject({ instanceClass: 'db.t3.medium', multiAz: false, zone: 'us-east-1b' });
    expect(result.design!.unmodelled).toEqual([expect.objectContaining({ logicalId: 'Replica', reason: 'condition-false' })]);
    expect(result.issues).toContainEqual(expect.objectContaining({ severity: 'note', code: 'condition-false', logicalId: 'Replica' }));
  });

  it('an undeclared condition is a missing reference', () => {
    const result = loadTemplate(`Resources:\n  Bucket: {Type: AWS::S3::Bucket, Condition: Nope}`);
    expect(errors(result)).toContainEqual(expect.objectContaining({ code: 'missing-reference', logicalId: 'Bucket' }));
  });
});

describe('references', () => {
  it('a Ref, GetAtt, Sub variable or DependsOn naming nothing is a missing-reference error', () => {
    const result = loadTemplate(`
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    DependsOn: Ghost
    Properties:
      VpcId: !Ref NoSuchVpc
      CidrBlock: 10.0.0.0/24
      AvailabilityZone: us-east-1a
      Tags:
        - {Key: a, Value: !GetAtt Phantom.Arn}
        - {Key: b, Value: !Sub "\${Spectre}-x"}
`);
    const missing = errors(result).filter((i) => i.code === 'missing-reference');
    expect(missing.map((i) => i.logicalId)).toEqual(['Subnet', 'Subnet', 'Subnet', 'Subnet']);
    expect(missing.map((i) => i.message).join(' ')).toMatch(/NoSuchVpc.*Phantom.*Spectre.*Ghost|Ghost/);
    // A subnet without its VPC cannot be placed, but it is kept for export.
    expect(result.design!.unmodelled).toEqual([expect.objectContaining({ logicalId: 'Subnet', reason: 'unplaceable' })]);
  });

  it('DependsOn becomes ids for resources on the board and stays as names for the others', () => {
    const result = loadTemplate(`
Resources:
  Topic: {Type: AWS::SNS::Topic}
  Bucket: {Type: AWS::S3::Bucket}
  Other:
    Type: AWS::S3::Bucket
    DependsOn: [Bucket, Topic]`);
    const other = byLogicalId(result.design, 'Other', 'bucket');
    expect(other.dependsOn).toEqual([0]);
    expect(other.attributes).toEqual({ DependsOn: ['Topic'] });
  });
});
