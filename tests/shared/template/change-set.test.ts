// Change sets as CloudFormation makes them: Add / Modify / Remove per logical id, and for a Modify the
// Replacement and the properties causing it, from AWS's resource specification (update-semantics.ts).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deployChangeSet } from '../../../shared/template/change-set-deploy.ts';
import { changeSetOf, requiresRecreation, type ResourceChange } from '../../../shared/template/change-set.ts';
import { loadDesign, parseTemplateText } from '../../../shared/template/index.ts';
import type { PlainObject } from '../../../shared/template/plain-data.ts';
import { errors, loadTemplate } from './load-helpers.ts';

const STACK = { name: 'web', region: 'us-east-1' };

/** A VPC, a subnet in it and an instance in the subnet; `change` edits the template before it is used. */
function network(change: (t: { Resources: Record<string, { Type: string; Properties: PlainObject; DeletionPolicy?: string }> }) => void = () => {}) {
  const template = {
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' } },
      Web: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { Ref: 'Subnet' }, InstanceType: 't3.micro', ImageId: 'ami-12345678' } },
    } as Record<string, { Type: string; Properties: PlainObject; DeletionPolicy?: string }>,
  };
  change(template);
  return template;
}

const side = (template: PlainObject, parameters: Record<string, string> = {}) => ({ template, parameters });
const byId = (changes: ResourceChange[], logicalId: string) => {
  const found = changes.find((c) => c.logicalId === logicalId);
  if (!found) throw new Error(`no change for ${logicalId}`);
  return found;
};

describe('change sets from two templates', () => {
  it('the same template twice changes nothing', () => {
    const set = changeSetOf(side(network()), side(network()), STACK);
    expect(set.changes).toEqual([]);
    expect(set.issues).toEqual([]);
  });

  it("a VPC's new CidrBlock replaces it, and with it the subnet and the instance that must move", () => {
    const next = network((t) => {
      t.Resources['Vpc']!.Properties['CidrBlock'] = '10.1.0.0/16';
      t.Resources['Subnet']!.Properties['CidrBlock'] = '10.1.1.0/24';
    });
    const { changes, issues } = changeSetOf(side(network()), side(next), STACK);
    expect(issues).toEqual([]);
    expect(byId(changes, 'Vpc')).toEqual({
      action: 'Modify',
      logicalId: 'Vpc',
      resourceType: 'AWS::EC2::VPC',
      modelled: true,
      replacement: 'True',
      scope: ['Properties'],
      causes: ['CidrBlock'],
      details: [{ target: { attribute: 'Properties', name: 'CidrBlock', requiresRecreation: 'Always' }, evaluation: 'Static', changeSource: 'DirectModification' }],
    });
    const subnet = byId(changes, 'Subnet');
    expect(subnet).toMatchObject({ action: 'Modify', replacement: 'True', causes: ['CidrBlock', 'VpcId'] });
    expect(subnet.details).toContainEqual({ target: { attribute: 'Properties', name: 'VpcId', requiresRecreation: 'Always' }, evaluation: 'Dynamic', changeSource: 'ResourceReference', causingEntity: 'Vpc' });
    // The instance's own template did not change: it is replaced because its subnet is (SubnetId is Immutable).
    expect(byId(changes, 'Web')).toMatchObject({
      action: 'Modify',
      replacement: 'True',
      causes: ['SubnetId'],
      details: [{ target: { attribute: 'Properties', name: 'SubnetId', requiresRecreation: 'Always' }, evaluation: 'Dynamic', changeSource: 'ResourceReference', causingEntity: 'Subnet' }],
    });
  });

  it('what may be replaced makes what refers to it Conditional in turn (a VPC InstanceTenancy is Conditional)', () => {
    const next = network((t) => {
      t.Resources['Vpc']!.Properties['InstanceTenancy'] = 'dedicated';
    });
    const { changes } = changeSetOf(side(network()), side(next), STACK);
    expect(changes.map((c) => [c.logicalId, c.replacement, c.causes])).toEqual([
      ['Vpc', 'Conditional', ['InstanceTenancy']],
      ['Subnet', 'Conditional', ['VpcId']],
      ['Web', 'Conditional', ['SubnetId']],
    ]);
  });

  it("an instance's InstanceType is Conditional in the specification: Replacement Conditional, no Dynamic change to others", () => {
    // AWS documents it as "Update requires: Some interruptions" for an EBS-backed instance (a stop and start) and
    // replacement for an instance-store one; the specification records that as UpdateType Conditional.
    expect(requiresRecreation('AWS::EC2::Instance', 'InstanceType')).toBe('Conditionally');
    const next = network((t) => {
      t.Resources['Web']!.Properties['InstanceType'] = 't3.large';
    });
    const { changes } = changeSetOf(side(network()), side(next), STACK);
    expect(changes).toEqual([
      {
        action: 'Modify',
        logicalId: 'Web',
        resourceType: 'AWS::EC2::Instance',
        modelled: true,
        replacement: 'Conditional',
        scope: ['Properties'],
        causes: ['InstanceType'],
        details: [{ target: { attribute: 'Properties', name: 'InstanceType', requiresRecreation: 'Conditionally' }, evaluation: 'Static', changeSource: 'DirectModification' }],
      },
    ]);
  });

  it('a Mutable change (Tags, Monitoring) is in place: Replacement False, no causes, Tags in its own scope', () => {
    const next = network((t) => {
      t.Resources['Web']!.Properties['Tags'] = [{ Key: 'Name', Value: 'web' }];
      t.Resources['Web']!.Properties['Monitoring'] = true;
      t.Resources['Web']!.DeletionPolicy = 'Retain';
    });
    const { changes } = changeSetOf(side(network()), side(next), STACK);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ logicalId: 'Web', replacement: 'False', causes: [], scope: ['Properties', 'Tags', 'DeletionPolicy'] });
  });

  it('added and removed resources are Add and Remove; a type the game does not model is compared all the same', () => {
    const before = network((t) => {
      t.Resources['Alerts'] = { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'alerts' } };
      t.Resources['Old'] = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'old', VpcId: { Ref: 'Vpc' } } };
    });
    const after = network((t) => {
      t.Resources['Alerts'] = { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'alarms' } };
      t.Resources['Logs'] = { Type: 'AWS::S3::Bucket', Properties: {} };
    });
    const { changes } = changeSetOf(side(before), side(after), STACK);
    expect(changes.map((c) => [c.action, c.logicalId, c.resourceType, c.replacement])).toEqual([
      ['Modify', 'Alerts', 'AWS::SNS::Topic', 'Conditional'],
      ['Add', 'Logs', 'AWS::S3::Bucket', undefined],
      ['Remove', 'Old', 'AWS::EC2::SecurityGroup', undefined],
    ]);
    expect(byId(changes, 'Alerts')).toMatchObject({ modelled: false, causes: ['DisplayName'] });
    // A stack being created: everything is added.
    expect(changeSetOf(undefined, side(after), STACK).changes.map((c) => [c.action, c.logicalId])).toEqual(['Vpc', 'Subnet', 'Web', 'Alerts', 'Logs'].map((id) => ['Add', id]));
  });

  it('a change that comes from a parameter names it; a resource left out by its Condition is removed', () => {
    const template = (cidr: string) => ({
      Parameters: { Cidr: { Type: 'String' }, WithWeb: { Type: 'String', Default: 'yes' } },
      Conditions: { Web: { 'Fn::Equals': [{ Ref: 'WithWeb' }, 'yes'] } },
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'Cidr' } } },
        Sg: { Type: 'AWS::EC2::SecurityGroup', Condition: 'Web', Properties: { GroupDescription: `web ${cidr}`, VpcId: { Ref: 'Vpc' } } },
      },
    });
    const { changes } = changeSetOf(side(template('a'), { Cidr: '10.0.0.0/16' }), side(template('a'), { Cidr: '10.2.0.0/16', WithWeb: 'no' }), STACK);
    expect(changes.map((c) => [c.action, c.logicalId, c.replacement])).toEqual([
      ['Modify', 'Vpc', 'True'],
      ['Remove', 'Sg', undefined],
    ]);
    expect(byId(changes, 'Vpc').details).toEqual([
      { target: { attribute: 'Properties', name: 'CidrBlock', requiresRecreation: 'Always' }, evaluation: 'Static', changeSource: 'ParameterReference', causingEntity: 'Cidr' },
    ]);
  });

  it('a changed resource type is refused as CloudFormation refuses it; a missing parameter is an issue', () => {
    const next = network((t) => {
      t.Resources['Web']!.Type = 'AWS::EC2::Subnet';
    });
    const set = changeSetOf(side(network()), side(next), STACK);
    expect(set.issues.map((i) => [i.code, i.logicalId])).toEqual([['resource-type-changed', 'Web']]);
    const missing = changeSetOf(undefined, side({ Parameters: { Cidr: { Type: 'String' } }, Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'Cidr' } } } } }), STACK);
    expect(missing.issues.map((i) => i.code)).toContain('parameter-missing');
  });
});

describe('change sets of a deploy to a design', () => {
  it('the design written out on both sides: a VPC CIDR change replaces the VPC, its subnet and instance', () => {
    const loaded = loadTemplate(network(), { name: 'web' });
    expect(errors(loaded)).toEqual([]);
    const next = network((t) => {
      t.Resources['Vpc']!.Properties['CidrBlock'] = '10.1.0.0/16';
      t.Resources['Subnet']!.Properties['CidrBlock'] = '10.1.1.0/24';
    });
    const set = deployChangeSet(loaded.design!, 'web', 'us-east-1', next, undefined);
    expect(errors(set)).toEqual([]);
    expect(set.changes.map((c) => [c.action, c.logicalId, c.replacement])).toEqual([
      ['Modify', 'Vpc', 'True'],
      ['Modify', 'Subnet', 'True'],
      ['Modify', 'Web', 'True'],
    ]);
    expect(set.design?.resources.find((r) => r.logicalId === 'Vpc')?.props).toMatchObject({ cidr: '10.1.0.0/16' });
  });

  it('a new stack: every resource of the template is added, on top of the stacks already there', () => {
    const loaded = loadTemplate(network(), { name: 'web' });
    const set = deployChangeSet(loaded.design!, 'data', 'us-east-1', { Resources: { Logs: { Type: 'AWS::S3::Bucket' }, Topic: { Type: 'AWS::SNS::Topic' } } }, undefined);
    expect(errors(set)).toEqual([]);
    expect(set.changes).toEqual([
      { action: 'Add', logicalId: 'Logs', resourceType: 'AWS::S3::Bucket', modelled: true },
      { action: 'Add', logicalId: 'Topic', resourceType: 'AWS::SNS::Topic', modelled: false },
    ]);
    expect(set.design?.stacks.map((s) => s.name)).toEqual(['web', 'data']);
  });

  it('a template that does not load gives its issues and no changes; another region is refused', () => {
    const loaded = loadTemplate(network(), { name: 'web' });
    const bad = network((t) => {
      t.Resources['Web']!.Properties['SubnetId'] = { Ref: 'Nowhere' };
    });
    const set = deployChangeSet(loaded.design!, 'web', 'us-east-1', bad, undefined);
    expect(set.changes).toEqual([]);
    expect(set.design).toBeUndefined();
    expect(errors(set).map((i) => i.code)).toContain('missing-reference');
    expect(errors(deployChangeSet(loaded.design!, 'web', 'eu-west-1', network(), undefined)).map((i) => i.code)).toEqual(['stack-region']);
  });
});

const SAMPLES = fileURLToPath(new URL('../../../../shared/cfn-samples/', import.meta.url));
const present = existsSync(SAMPLES);
const SAMPLE_PARAMETERS: Record<string, string> = {
  OperatorEMail: 'ops@example.com',
  KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
  CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
  DBUser: 'admin',
  DBPassword: 'secret123',
};

function deployedSample(file: string) {
  const text = readFileSync(SAMPLES + file, 'utf8');
  const loaded = loadDesign({ stacks: [{ name: 'sample', region: 'us-east-1', template: file, parameters: SAMPLE_PARAMETERS }] }, () => text);
  expect(errors(loaded)).toEqual([]);
  return { design: loaded.design!, template: parseTemplateText(text, { stack: 'sample' }).value as PlainObject };
}

describe.skipIf(!present)('change sets of the AWS sample templates', () => {
  const files = present ? ['AutoScalingMultiAZWithNotifications.yaml', 'ELBWithLockedDownAutoScaledInstances.yaml', 'NetworkLoadBalancerWithEIPs.yaml', 'RDS_MySQL_With_Read_Replica.yaml', 'VPC_With_Managed_NAT_And_Private_Subnet.yaml'] : [];

  it.each(files)('%s redeployed as it is changes nothing', (file) => {
    const { design, template } = deployedSample(file);
    const set = deployChangeSet(design, 'sample', 'us-east-1', template, SAMPLE_PARAMETERS);
    expect(errors(set)).toEqual([]);
    expect(set.changes).toEqual([]);
  });

  it('ELBWithLockedDownAutoScaledInstances with a new InstanceType: a new launch configuration, the group updated in place', () => {
    const { design, template } = deployedSample('ELBWithLockedDownAutoScaledInstances.yaml');
    const set = deployChangeSet(design, 'sample', 'us-east-1', template, { ...SAMPLE_PARAMETERS, InstanceType: 't2.medium' });
    expect(errors(set)).toEqual([]);
    expect(set.changes.map((c) => [c.action, c.logicalId, c.replacement, c.causes])).toEqual([
      ['Modify', 'WebServerGroup', 'False', []],
      ['Modify', 'LaunchConfig', 'True', ['InstanceType']],
    ]);
    expect(byId(set.changes, 'LaunchConfig').details).toEqual([
      { target: { attribute: 'Properties', name: 'InstanceType', requiresRecreation: 'Always' }, evaluation: 'Static', changeSource: 'ParameterReference', causingEntity: 'InstanceType' },
    ]);
    expect(byId(set.changes, 'WebServerGroup').details).toEqual([
      { target: { attribute: 'Properties', name: 'LaunchConfigurationName', requiresRecreation: 'Never' }, evaluation: 'Dynamic', changeSource: 'ResourceReference', causingEntity: 'LaunchConfig' },
    ]);
  });
});
