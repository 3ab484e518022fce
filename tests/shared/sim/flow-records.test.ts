// VPC flow log records from the simulation's connections (shared/sim/flow-records.ts): an ALB's requests and health
// checks to its targets ACCEPTed on the targets' interfaces, health checks a security group drops REJECTed, the
// flow log's TrafficType filter, its resource's scope, and the default format's fourteen fields.

import { describe, expect, it } from 'vitest';
import type { Design, SecurityRule } from '../../../shared/design/model.ts';
import { flowRecordLine, flowRecords, USERS_ADDRESS, type FlowRecord } from '../../../shared/sim/flow-records.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { runUntil } from './probes.ts';

const tcp80 = (source: Partial<SecurityRule>): SecurityRule => ({ protocol: 'tcp', fromPort: 80, toPort: 80, ...source });
type LogProps = { trafficType?: 'ACCEPT' | 'REJECT' | 'ALL'; aggregationS?: 60 | 600; subnet?: boolean; solo?: boolean };

/** The builders' web tier behind groups (`rules` for the web servers) with one flow log on its VPC or first subnet. */
function tier(rules: (lbGroup: number) => SecurityRule[], log: LogProps = {}, opts: { db?: boolean; denyAcl?: boolean } = {}) {
  const t = webTier({ desired: 3, ...(opts.db ? { db: {} } : {}) });
  const { b, net, lb, asg } = t;
  const lbGroup = b.add('LbGroup', 'securityGroup', { vpc: net.vpc, ingress: [tcp80({ cidr: '0.0.0.0/0' })] });
  const webGroup = b.add('WebGroup', 'securityGroup', { vpc: net.vpc, ingress: rules(lbGroup) });
  (b.design.resources[lb]!.props as { securityGroups: number[] }).securityGroups = [lbGroup];
  const template = (b.design.resources[asg]!.props as { launchTemplate: number }).launchTemplate;
  (b.design.resources[template]!.props as { securityGroups: number[] }).securityGroups = [webGroup];
  if (opts.db) {
    // The database's group admits the web servers' group on MySQL's port (else the VPC's default group shuts them out).
    const dbGroup = b.add('DbGroup', 'securityGroup', { vpc: net.vpc, ingress: [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, sourceGroup: webGroup }] });
    (b.design.resources[t.db]!.props as { securityGroups?: number[] }).securityGroups = [dbGroup];
  }
  if (opts.denyAcl) {
    // A network ACL on the targets' subnets that denies port 80 before allowing everything.
    const acl = b.add('Acl', 'networkAcl', { vpc: net.vpc });
    b.add('Deny80', 'networkAclEntry', { networkAcl: acl, ruleNumber: 90, protocol: '6', action: 'deny', egress: false, cidr: '0.0.0.0/0', fromPort: 80, toPort: 80 });
    b.add('AllowIn', 'networkAclEntry', { networkAcl: acl, ruleNumber: 100, protocol: '-1', action: 'allow', egress: false, cidr: '0.0.0.0/0' });
    b.add('AllowOut', 'networkAclEntry', { networkAcl: acl, ruleNumber: 100, protocol: '-1', action: 'allow', egress: true, cidr: '0.0.0.0/0' });
    const targetSubnets = (b.design.resources[asg]!.props as { subnets: number[] }).subnets;
    targetSubnets.forEach((s, i) => b.add(`AclAssoc${i}`, 'subnetNetworkAclAssociation', { subnet: s, networkAcl: acl }));
  }
  // A static instance in the target group too, for a flow log on its (primary) network interface.
  const solo = log.solo ? b.add('Solo', 'instance', { instanceType: 't3.micro', subnet: net.subnets[1]!, securityGroups: [webGroup] }) : -1;
  if (log.solo) (b.design.resources[t.tg]!.props as { targets: number[] }).targets.push(solo);
  const flowLog = b.add('Flows', 'flowLog', {
    resourceType: log.solo ? 'NetworkInterface' : log.subnet ? 'Subnet' : 'VPC',
    resource: log.solo ? solo : log.subnet ? net.subnets[0]! : net.vpc,
    trafficType: log.trafficType ?? 'ALL',
    destinationType: 'cloud-watch-logs',
    logGroupName: 'vpc-flows',
    aggregationS: log.aggregationS ?? 60,
  });
  return { design: b.design, flowLog };
}

function run(design: Design, seconds = 200): World {
  const world = createWorld(design, scenario({ traffic: [{ area: 'north-america', baselineRps: 200 }] }), 3);
  runUntil(world, seconds, () => undefined);
  return world;
}

const admitted = (lbGroup: number) => [tcp80({ sourceGroup: lbGroup })];
const wrongRange = () => [tcp80({ cidr: '10.1.0.0/16' })];
const toTargets = (records: FlowRecord[]) => records.filter((r) => r.dstport === 80 && r.srcaddr !== USERS_ADDRESS);

describe('VPC flow log records', () => {
  it("an ALB's requests and health checks to a target it reaches are ACCEPT records on the target's interface, packets and bytes from the requests served", () => {
    const { design, flowLog } = tier(admitted);
    const world = run(design);
    const records = toTargets(flowRecords(world, flowLog));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.action === 'ACCEPT' && r.protocol === 6 && r.version === 2 && r.logStatus === 'OK')).toBe(true);
    // Three targets, each with its own interface, each receiving from the load balancer's nodes.
    expect(new Set(records.map((r) => r.interfaceId)).size).toBe(3);
    expect(new Set(records.map((r) => r.dstaddr)).size).toBe(3);
    // The requests dominate: bytes per packet well above a health check's, and more packets than checks alone.
    const packets = records.reduce((s, r) => s + r.packets, 0);
    const bytes = records.reduce((s, r) => s + r.bytes, 0);
    expect(bytes / packets).toBeGreaterThan(500);
    expect(packets).toBeGreaterThan(1000);
    // Users reach the internet-facing load balancer: ACCEPT records from the documentation address to its nodes.
    expect(flowRecords(world, flowLog).some((r) => r.srcaddr === USERS_ADDRESS && r.action === 'ACCEPT')).toBe(true);
  });

  it("health checks a target's group drops (port 80 admitted only from a range the load balancer is not in) are REJECT records, one SYN per check", () => {
    const { design, flowLog } = tier(wrongRange);
    const world = run(design);
    const records = toTargets(flowRecords(world, flowLog));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.action === 'REJECT')).toBe(true);
    expect(records.every((r) => r.bytes === r.packets * 60)).toBe(true);
    // Within the 60 s capture window so far, one SYN per health check interval (the builders' target group's), per node.
    const intervalS = (design.resources.find((r) => r.kind === 'targetGroup')!.props as { healthCheck: { intervalS: number } }).healthCheck.intervalS;
    const nowS = world.state.tally[0]!;
    const elapsed = Math.max(5, nowS - Math.floor(nowS / 60) * 60);
    expect(records[0]!.packets).toBe(Math.round(elapsed / intervalS));
    expect(records[0]!.end - records[0]!.start).toBe(elapsed);
  });

  it("health checks a network ACL denies are REJECT records too, though the security groups admit them", () => {
    const { design, flowLog } = tier(admitted, {}, { denyAcl: true });
    const records = toTargets(flowRecords(run(design), flowLog));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.action === 'REJECT')).toBe(true);
  });

  it("instances' queries to their database are ACCEPT records from the instance to the engine's port", () => {
    const { design, flowLog } = tier(admitted, {}, { db: true });
    const world = run(design);
    const engine = (design.resources.find((r) => r.kind === 'database')!.props as { engine: string }).engine;
    const port = engine.toLowerCase().includes('postgres') ? 5432 : 3306;
    const queries = flowRecords(world, flowLog).filter((r) => r.dstport === port);
    expect(queries.length).toBe(3);
    expect(queries.every((r) => r.action === 'ACCEPT' && r.packets > 0 && r.bytes > r.packets)).toBe(true);
    expect(new Set(queries.map((r) => r.dstaddr)).size).toBe(1);
  });

  it('TrafficType keeps only what it names: REJECT on a healthy tier records nothing to the targets, ACCEPT on a blocked one no REJECT', () => {
    const ok = tier(admitted, { trafficType: 'REJECT' });
    expect(toTargets(flowRecords(run(ok.design), ok.flowLog))).toEqual([]);
    const blocked = tier(wrongRange, { trafficType: 'ACCEPT' });
    expect(flowRecords(run(blocked.design), blocked.flowLog).some((r) => r.action === 'REJECT')).toBe(false);
    const rejectOnly = tier(wrongRange, { trafficType: 'REJECT' });
    expect(toTargets(flowRecords(run(rejectOnly.design), rejectOnly.flowLog)).length).toBeGreaterThan(0);
  });

  it("a subnet's flow log records only the interfaces in that subnet", () => {
    const vpcLog = tier(admitted);
    const subnetLog = tier(admitted, { subnet: true });
    const all = new Set(toTargets(flowRecords(run(vpcLog.design), vpcLog.flowLog)).map((r) => r.interfaceId));
    const one = new Set(toTargets(flowRecords(run(subnetLog.design), subnetLog.flowLog)).map((r) => r.interfaceId));
    expect(all.size).toBe(3);
    expect(one.size).toBe(1);
  });

  it("a network interface's flow log records only that instance's interface", () => {
    const { design, flowLog } = tier(admitted, { solo: true });
    const records = toTargets(flowRecords(run(design), flowLog));
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records.map((r) => r.interfaceId)).size).toBe(1);
    expect(new Set(records.map((r) => r.dstaddr)).size).toBe(1);
  });

  it('writes the default format: fourteen fields separated by spaces, version first and log-status last', () => {
    const { design, flowLog } = tier(wrongRange);
    const r = toTargets(flowRecords(run(design), flowLog))[0]!;
    const fields = flowRecordLine(r).split(' ');
    expect(fields).toHaveLength(14);
    expect(fields[0]).toBe('2');
    expect(fields[1]).toBe('123456789012');
    expect(fields[2]).toMatch(/^eni-[0-9a-f]+$/);
    expect(fields[6]).toBe('80');
    expect(fields[7]).toBe('6');
    expect(fields.slice(12)).toEqual(['REJECT', 'OK']);
  });

  it('is the same for the same world (deterministic) and nothing for a resource that is not a flow log', () => {
    const { design, flowLog } = tier(admitted);
    const a = flowRecords(run(design), flowLog);
    const b = flowRecords(run(design), flowLog);
    expect(a).toEqual(b);
    expect(flowRecords(run(design), 0)).toEqual([]);
  });
});
