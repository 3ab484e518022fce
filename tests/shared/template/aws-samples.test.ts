// The five real AWS sample templates beside the project (../shared/cfn-samples): they load without crashing,
// map what the game models and report the rest by logical id. Parameters without defaults get their values
// from the manifest, as a real stack gets them.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDesign, subnetIsPublic } from '../../../shared/template/index.ts';
import { byLogicalId, errors, idOf, plain, reload } from './load-helpers.ts';

const SAMPLES = fileURLToPath(new URL('../../../../shared/cfn-samples/', import.meta.url));
const present = existsSync(SAMPLES);
if (!present) console.warn(`The AWS sample templates are not at ${SAMPLES}: their tests are skipped.`);

function loadSample(file: string, parameters: Record<string, unknown> = {}, region = 'us-east-1') {
  return loadDesign({ stacks: [{ name: 'sample', region, template: file, parameters }] }, (path) => readFileSync(SAMPLES + path, 'utf8'));
}

const unmodelledIds = (result: ReturnType<typeof loadSample>) =>
  result.issues.filter((i) => i.code === 'unmodelled-type').map((i) => i.logicalId);

// Only the plain parameters: the AWS-specific ones (key pair, VPC, subnets, zones, groups) come from the account.
const ASG_PARAMETERS = {
  OperatorEMail: 'ops@example.com',
  KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
  CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
};

describe.skipIf(!present)('AWS sample templates', () => {
  it('AutoScalingMultiAZWithNotifications: a group with its limits, policies and alarms wired; SNS reported', () => {
    const result = loadSample('AutoScalingMultiAZWithNotifications.yaml', ASG_PARAMETERS);
    expect(errors(result)).toEqual([]);
    const design = result.design!;
    const group = byLogicalId(design, 'WebServerGroup', 'autoScalingGroup');
    expect(group.props).toMatchObject({
      launchTemplate: idOf(design, 'LaunchTemplate'),
      min: 1,
      max: 3,
      healthCheckType: 'ELB',
      zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      targetGroups: [idOf(design, 'TargetGroup')],
    });
    // The subnets parameter had no value: the console's first offer, the default VPC's subnets in zone order.
    expect(group.props.subnets.map((id) => design.resources[id]!.logicalId)).toEqual(['DefaultSubnetA', 'DefaultSubnetB', 'DefaultSubnetC']);
    expect(group.unmodelled?.['VPCZoneIdentifier']).toBeUndefined();
    const chosen = result.issues.filter((i) => i.code === 'parameter-chosen');
    expect(chosen.map((i) => /parameter (\w+)/.exec(i.message)?.[1]).sort()).toEqual(['AZs', 'KeyName', 'SecurityGroups', 'Subnets', 'VPC']);
    expect(design.stacks[0]!.parameters['Subnets']).toBe('subnet-default-us-east-1a,subnet-default-us-east-1b,subnet-default-us-east-1c');
    const up = byLogicalId(design, 'WebServerScaleUpPolicy', 'scalingPolicy');
    const down = byLogicalId(design, 'WebServerScaleDownPolicy', 'scalingPolicy');
    expect(up.props).toEqual({ group: group.id, policyType: 'SimpleScaling', adjustment: 1, cooldownS: 60 });
    expect(down.props.adjustment).toBe(-1);
    expect(byLogicalId(design, 'CPUAlarmHigh', 'alarm').props).toMatchObject({ subject: group.id, threshold: 90, comparison: 'GreaterThanThreshold', alarmActions: [up.id] });
    expect(byLogicalId(design, 'CPUAlarmLow', 'alarm').props).toMatchObject({ subject: group.id, threshold: 70, comparison: 'LessThanThreshold', alarmActions: [down.id] });
    expect(byLogicalId(design, 'ElasticLoadBalancer', 'loadBalancer').props).toMatchObject({ lbType: 'application', scheme: 'internet-facing' });
    expect(byLogicalId(design, 'LoadBalancerListener', 'listener').props).toMatchObject({ port: 443, protocol: 'HTTPS', certificate: ASG_PARAMETERS.CertificateArn });
    expect(unmodelledIds(result)).toEqual(['NotificationTopic']);
  });

  it('AutoScalingMultiAZWithNotifications without its parameters: one error per plain parameter, naming it', () => {
    const missing = errors(loadSample('AutoScalingMultiAZWithNotifications.yaml')).filter((i) => i.code === 'parameter-missing');
    expect(missing.map((i) => /Parameters: \[(\w+)\] must have values/.exec(i.message)?.[1]).sort()).toEqual(Object.keys(ASG_PARAMETERS).sort());
  });

  it('ELBWithLockedDownAutoScaledInstances: classic ELB and launch configuration mapped, said in notes', () => {
    const result = loadSample('ELBWithLockedDownAutoScaledInstances.yaml', { KeyName: 'five-nines-key' });
    // The balancer and the group are given zones only: they sit in the default VPC's subnets of those zones.
    expect(errors(result)).toEqual([]);
    const design = result.design!;
    const lb = byLogicalId(design, 'ElasticLoadBalancer', 'loadBalancer');
    expect(lb).toMatchObject({ awsType: 'AWS::ElasticLoadBalancing::LoadBalancer', props: { crossZone: true, zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] } });
    const targets = byLogicalId(design, 'ElasticLoadBalancerTargets', 'targetGroup');
    expect(targets.props.healthCheck).toEqual({ intervalS: 30, healthyThreshold: 3, unhealthyThreshold: 5, path: '/' });
    expect(byLogicalId(design, 'WebServerGroup', 'autoScalingGroup').props).toMatchObject({
      launchTemplate: idOf(design, 'LaunchConfig'),
      min: 2,
      max: 2,
      targetGroups: [targets.id],
    });
    expect(byLogicalId(design, 'LaunchConfig', 'launchTemplate').props.instanceType).toBe('t2.small');
    expect(result.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['classic-elb-mapped', 'launch-configuration-mapped']));
  });

  it('RDS_MySQL_With_Read_Replica: a primary and a replica with its source; the secret reported', () => {
    const result = loadSample('RDS_MySQL_With_Read_Replica.yaml', { DBUser: 'admin' });
    expect(errors(result)).toEqual([]);
    const design = result.design!;
    const main = byLogicalId(design, 'MainDB', 'database');
    expect(main.props).toEqual({ engine: 'MySQL', instanceClass: 'db.t3.medium', multiAz: false, storageGb: 5 });
    expect(byLogicalId(design, 'ReplicaDB', 'database').props.source).toBe(main.id);
    expect(unmodelledIds(result)).toEqual(['DBCredential']);
    // Its security group is only created in EC2-VPC regions: here its condition leaves it out.
    expect(design.unmodelled.map((u) => [u.logicalId, u.reason])).toEqual([
      ['DBEC2SecurityGroup', 'condition-false'],
      ['DBCredential', 'unmodelled-type'],
    ]);
    const withoutReplica = loadSample('RDS_MySQL_With_Read_Replica.yaml', { DBUser: 'admin', EnableReadReplica: 'false', MultiAZ: 'true' });
    expect(withoutReplica.design!.resources.map((r) => r.logicalId)).toEqual(['MainDB']);
    expect(byLogicalId(withoutReplica.design, 'MainDB', 'database').props.multiAz).toBe(true);
  });

  it('VPC_With_Managed_NAT_And_Private_Subnet: public and private subnets and network ACLs on the board; NAT and EIPs reported', () => {
    const result = loadSample('VPC_With_Managed_NAT_And_Private_Subnet.yaml');
    expect(errors(result)).toEqual([]);
    const design = result.design!;
    expect(byLogicalId(design, 'PublicSubnet0', 'subnet').props).toEqual({ vpc: 0, zone: 'us-east-1a', cidr: '10.0.0.0/24', mapPublicIp: true });
    expect(byLogicalId(design, 'PrivateSubnet1', 'subnet').props.zone).toBe('us-east-1b');
    expect(subnetIsPublic(design, idOf(design, 'PublicSubnet0'))).toBe(true);
    expect(subnetIsPublic(design, idOf(design, 'PublicSubnet1'))).toBe(true);
    expect(subnetIsPublic(design, idOf(design, 'PrivateSubnet0'))).toBe(false);
    expect(subnetIsPublic(design, idOf(design, 'PrivateSubnet1'))).toBe(false);
    expect(byLogicalId(design, 'PrivateRouteToInternet0', 'route').props).toEqual({ routeTable: idOf(design, 'PrivateRouteTable0'), destination: '0.0.0.0/0', otherTarget: 'NATGateway0' });
    // Network ACLs are on the board (they decide reachability: shared/sim/compile/network-acls.ts).
    expect(byLogicalId(design, 'OutboundPublicNetworkAclEntry', 'networkAclEntry').props).toEqual({
      networkAcl: idOf(design, 'PublicNetworkAcl'),
      ruleNumber: 100,
      protocol: '-1',
      action: 'allow',
      egress: true,
      cidr: '0.0.0.0/0',
      fromPort: 0,
      toPort: 65535,
    });
    expect(byLogicalId(design, 'PublicSubnetNetworkAclAssociation1', 'subnetNetworkAclAssociation').props.subnet).toBe(idOf(design, 'PublicSubnet1'));
    expect(unmodelledIds(result)).toEqual([
      'ElasticIP0',
      'ElasticIP1',
      'NATGateway0',
      'NATGateway1',
    ]);
    // The same template in another region puts its subnets in that region's zones.
    expect(byLogicalId(loadSample('VPC_With_Managed_NAT_And_Private_Subnet.yaml', {}, 'eu-west-1').design, 'PublicSubnet1', 'subnet').props.zone).toBe('eu-west-1b');
  });

  it('NetworkLoadBalancerWithEIPs: a network load balancer; the EIPs reported', () => {
    const result = loadSample('NetworkLoadBalancerWithEIPs.yaml', {
      VPC: ['vpc-default-us-east-1'],
      Subnet1: ['subnet-default-us-east-1a'],
      Subnet2: ['subnet-default-us-east-1b'],
    });
    expect(errors(result)).toEqual([]);
    const design = result.design!;
    const lb = byLogicalId(design, 'loadBalancer', 'loadBalancer');
    expect(lb.props).toMatchObject({ lbType: 'network', crossZone: false, subnets: [idOf(design, 'DefaultSubnetA', 1), idOf(design, 'DefaultSubnetB', 1)] });
    // Its two Elastic IPs, mapped through SubnetMappings: its fixed addresses, billed as public IPv4.
    expect(lb.props.elasticIps).toBe(2);
    expect(lb.dependsOn).toBeUndefined();
    expect(lb.attributes).toEqual({ DependsOn: ['EIP2', 'EIP1'] });
    expect(byLogicalId(design, 'TargetGroup', 'targetGroup').props).toMatchObject({ protocol: 'TCP', port: 10 });
    expect(byLogicalId(design, 'Listener', 'listener').props).toMatchObject({ loadBalancer: lb.id, port: 80, protocol: 'TCP' });
    expect(unmodelledIds(result)).toEqual(['EIP1', 'EIP2', 'FirstEIP', 'SecondEIP']);
  });

  it.each([
    ['AutoScalingMultiAZWithNotifications.yaml', ASG_PARAMETERS],
    ['ELBWithLockedDownAutoScaledInstances.yaml', { KeyName: 'five-nines-key' }],
    ['RDS_MySQL_With_Read_Replica.yaml', { DBUser: 'admin' }],
    ['VPC_With_Managed_NAT_And_Private_Subnet.yaml', {}],
    ['NetworkLoadBalancerWithEIPs.yaml', { Subnet1: 'subnet-default-us-east-1a', Subnet2: 'subnet-default-us-east-1c' }],
  ])('%s exports and loads back to the same design', (file, parameters) => {
    const design = loadSample(file, parameters).design!;
    const again = reload(design);
    expect(errors(again)).toEqual([]);
    expect(plain(again.design)).toEqual(plain(design));
  });
});
