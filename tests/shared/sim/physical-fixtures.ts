// A small stack for the physical-resource tests: a VPC with two public subnets, a web server reachable from the
// internet in one of them, and optionally a database; each property a test changes is a parameter of the text.

import type { Design } from '../../../shared/design/model.ts';
import { changeStacks } from '../../../shared/match/apply-design.ts';
import { loadDesign } from '../../../shared/template/index.ts';

export interface WebStackOptions {
  cidr?: string;
  instanceType?: string;
  tag?: string;
  userData?: string;
  dbName?: string;
  dbPort?: number;
  engineVersion?: string;
  withDb?: boolean;
}

export function webStack(o: WebStackOptions = {}): string {
  const cidr = o.cidr ?? '10.0.0.0/16';
  const net = cidr.split('.').slice(0, 2).join('.');
  const [a, b] = [`${net}.1.0/24`, `${net}.2.0/24`];
  const db = o.withDb
    ? `
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: db
      SubnetIds: [!Ref SubnetA, !Ref SubnetB]
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      DBName: ${o.dbName ?? 'shop'}
      Port: '${o.dbPort ?? 3306}'
      DBSubnetGroupName: !Ref DbSubnets
      AvailabilityZone: us-east-1a${o.engineVersion ? `\n      EngineVersion: '${o.engineVersion}'` : ''}
`
    : '';
  return `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: ${cidr}
  Gateway:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway}
  Routes:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  Default:
    Type: AWS::EC2::Route
    DependsOn: Attach
    Properties: {RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: ${a}, AvailabilityZone: us-east-1a, MapPublicIpOnLaunch: true}
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: ${b}, AvailabilityZone: us-east-1b, MapPublicIpOnLaunch: true}
  RoutesA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref Routes}
  RoutesB:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetB, RouteTableId: !Ref Routes}
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: ${o.instanceType ?? 't3.large'}
      SubnetId: !Ref SubnetA${o.userData ? `\n      UserData: ${o.userData}` : ''}
      Tags: [{Key: team, Value: ${o.tag ?? 'blue'}}]
${db}`;
}

/** A design of one stack `web` holding `template`, plus an untouched stack `other` in another VPC. */
export function loadWeb(template: string, withOther = false): Design {
  const stacks = [{ name: 'web', region: 'us-east-1', template: 'web.yaml' }];
  if (withOther) stacks.push({ name: 'other', region: 'us-east-1', template: 'other.yaml' });
  const other = webStack({ cidr: '10.1.0.0/16' });
  const loaded = loadDesign({ stacks }, (path) => (path === 'web.yaml' ? template : path === 'other.yaml' ? other : undefined));
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  if (!loaded.design || errors.length) throw new Error(errors.map((e) => `${e.logicalId}: ${e.message}`).join('; '));
  return loaded.design;
}

/** The design after deploying `template` to stack `web`, as the room's deploy does (a refusal throws). */
export function deployWeb(design: Design, template: string): Design {
  const change = changeStacks(design, { type: 'deployStack', stack: 'web', region: 'us-east-1', template });
  if (!change.ok) throw new Error(change.refusal.message);
  return change.design;
}

export function generationOf(design: Design, logicalId: string, stack = 'web'): number {
  const r = design.resources.find((x) => x.logicalId === logicalId && design.stacks[x.stack]?.name === stack);
  if (!r) throw new Error(`no ${stack}/${logicalId}`);
  return r.generation ?? 0;
}
