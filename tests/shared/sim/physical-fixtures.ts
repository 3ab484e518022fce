// A small stack for the physical-resource tests: a VPC with two public subnets, a web server reachable from the
// internet in one of them, and optionally a database; each property a test changes is a parameter of the text.

import type { Design } from '../../../shared/design/model.ts';
import { changeStacks } from '../../../shared/match/apply-design.ts';
import { loadDesign } from '../../../shared/template/index.ts';
import { publicNetwork } from '../../support/public-network.ts';

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
  return `${publicNetwork(cidr, a, b)}  Web:
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
