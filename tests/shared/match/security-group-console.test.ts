// The VPC console's two room paths: authorizing and revoking a security group's ingress rule (intents
// authorizeSecurityGroupIngress / revokeSecurityGroupIngress, checked by IAM, carried out by the sim's rule,
// recorded in CloudTrail, refused with EC2's own codes), and a flow log created at run time whose records the
// console pages through (flowRecordsPage): REJECT records from the load balancer's nodes to the instance port once
// the group stops admitting them.
import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../shared/match/apply.ts';
import { createMatch } from '../../../shared/match/create.ts';
import { flowRecordsPage } from '../../../shared/match/flow-log-page.ts';
import { parseMatchIntent } from '../../../shared/match/intents.ts';
import type { Match } from '../../../shared/match/match.ts';
import { runTick } from '../../../shared/match/tick.ts';
import type { FlowRecordsPage } from '../../../shared/protocol/flow-records.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { host } from '../../support/match-fixtures.ts';
import { allScenarios, loadAssetDesign } from '../campaign/files.ts';

const level = allScenarios().find((s) => s.id === 'health-checks-through-the-security-group')!;
const SG = 'web/WebServerSecurityGroup';
const http = (source: { cidr?: string; sourceGroup?: string }) => ({ protocol: 'tcp', fromPort: 80, toPort: 80, ...source });
const authorize = (rule: ReturnType<typeof http>, target = SG) => ({ type: 'authorizeSecurityGroupIngress' as const, target, rule });
const revoke = (rule: ReturnType<typeof http>, target = SG) => ({ type: 'revokeSecurityGroupIngress' as const, target, rule });
const flowLog = { type: 'createResource' as const, stack: 'web', kind: 'flowLog' as const, logicalId: 'VpcFlowLog', props: { resourceType: 'VPC', resource: 'web/Vpc', trafficType: 'ALL', destinationType: 'cloud-watch-logs', logGroupName: 'vpc-flow', aggregationS: 60 } };

function levelMatch(): Match {
  const design = { ...loadAssetDesign(level.solutions!.naive), actions: [] };
  return createMatch({ mode: 'team', scenario: level, seed: 1, design, teams: [{ id: 'red', name: 'red' }] });
}

function run(match: Match, steps: number): void {
  runTick(match, [], steps, 0, new Map());
}

const page = (match: Match, query: object) => flowRecordsPage(match.teams[0]!.world, query) as { ok: true } & FlowRecordsPage;

describe('security groups from the VPC console', () => {
  it('are intents the room accepts from a client, and nothing else', () => {
    expect(parseMatchIntent(authorize(http({ cidr: '10.0.0.0/16' })))).toMatchObject({ ok: true });
    expect(parseMatchIntent({ ...authorize(http({ cidr: '10.0.0.0/16' })), extra: 1 })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    expect(parseMatchIntent(authorize({ ...http({ cidr: '10.0.0.0/16' }), fromPort: 70000 }))).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
  });

  it('authorize and revoke change the group, recorded as EC2 calls; refusals change nothing', () => {
    const match = levelMatch();
    const world = () => match.teams[0]!.world;
    const before = hashWorld(world());
    const bad: [object, string][] = [
      [authorize(http({ cidr: '0.0.0.0/0' })), 'InvalidPermission.Duplicate'],
      [revoke(http({ cidr: '10.9.0.0/16' })), 'InvalidPermission.NotFound'],
      [authorize(http({ sourceGroup: 'NoSuchGroup' })), 'InvalidGroup.NotFound'],
      [authorize(http({ cidr: '10.0.0.0/33' })), 'InvalidParameterValue'],
      [authorize({ protocol: 'tcp', fromPort: 90, toPort: 80, cidr: '10.0.0.0/16' }), 'InvalidParameterValue'],
      [authorize(http({ cidr: '10.0.0.0/16' }), 'web/NoSuchGroup'), 'unknown-resource'],
    ];
    for (const [intent, code] of bad) {
      expect(applyIntent(match, host(), intent as never, 0)).toMatchObject({ ok: false, refusal: { code } });
      expect(match.trail.at(-1)).toMatchObject({ eventSource: 'ec2.amazonaws.com', outcome: 'Failure', errorCode: code });
    }
    expect(hashWorld(world())).toBe(before);
    expect(applyIntent(match, host(), revoke(http({ cidr: '0.0.0.0/0' })), 0)).toMatchObject({ ok: true });
    expect(match.trail.at(-1)).toMatchObject({ eventName: 'RevokeSecurityGroupIngress', outcome: 'Success', resource: SG });
    expect(applyIntent(match, host(), authorize(http({ sourceGroup: 'LoadBalancerSecurityGroup' })), 0)).toMatchObject({ ok: true });
    expect(match.trail.at(-1)).toMatchObject({ eventName: 'AuthorizeSecurityGroupIngress', outcome: 'Success' });
    const group = world().design.resources.find((r) => r.logicalId === 'WebServerSecurityGroup')!;
    const lbGroup = world().design.resources.find((r) => r.logicalId === 'LoadBalancerSecurityGroup')!;
    expect((group.props as { ingress: unknown[] }).ingress).toEqual([{ protocol: 'tcp', fromPort: 80, toPort: 80, sourceGroup: lbGroup.id }]);
  });
});

describe("a flow log's records from the room", () => {
  it('shows REJECT records from the load balancer to port 80 while the group drops them, and none once fixed', () => {
    const match = levelMatch();
    expect(applyIntent(match, host(), flowLog as never, 0)).toMatchObject({ ok: true });
    expect(match.trail.at(-1)).toMatchObject({ eventName: 'CreateFlowLogs', outcome: 'Success' });
    applyIntent(match, host(), { type: 'clock', command: 'start' }, 0);
    run(match, 60);
    const open = page(match, { flowLog: 'web/VpcFlowLog' });
    expect(open.ok).toBe(true);
    expect(open.total).toBeGreaterThan(0);
    expect(page(match, { flowLog: 'web/VpcFlowLog', action: 'REJECT' }).matched).toBe(0);
    // The staging runbook's lock-down: HTTP only from 10.1.0.0/16, where no load balancer node is.
    applyIntent(match, host(), revoke(http({ cidr: '0.0.0.0/0' })), 0);
    applyIntent(match, host(), authorize(http({ cidr: '10.1.0.0/16' })), 0);
    run(match, 60);
    const rejected = page(match, { flowLog: 'web/VpcFlowLog', action: 'REJECT', port: 80 });
    expect(rejected.matched).toBeGreaterThan(0);
    for (const r of rejected.records) {
      expect(r).toMatchObject({ action: 'REJECT', dstport: 80, protocol: 6 });
      // From the load balancer's nodes, hosts of its public subnets (10.0.0.0/24, 10.0.1.0/24), not the staging range.
      expect(r.srcaddr).toMatch(/^10\.0\.[01]\.\d+$/);
    }
    // An address filter finds one node's records only; the page's cost is the shared rule's, above zero.
    const node = rejected.records[0]!.srcaddr;
    const byAddress = page(match, { flowLog: 'web/VpcFlowLog', address: node });
    expect(byAddress.records.every((r) => r.srcaddr === node || r.dstaddr === node)).toBe(true);
    expect(rejected.deliveredBytes).toBeGreaterThan(0);
    expect(rejected.deliveryUsd).toBeGreaterThan(0);
    expect(page(match, { flowLog: 'web/VpcFlowLog', limit: 1 }).records).toHaveLength(1);
    // The fix: admit the load balancer's group. The next capture window holds no REJECT.
    applyIntent(match, host(), authorize(http({ sourceGroup: 'LoadBalancerSecurityGroup' })), 0);
    run(match, 60);
    expect(page(match, { flowLog: 'web/VpcFlowLog', action: 'REJECT' }).matched).toBe(0);
  });

  it("admitting the ranges the REJECT records come from (the load balancer's subnets) ends them, as the rules decide", () => {
    const match = levelMatch();
    applyIntent(match, host(), flowLog as never, 0);
    applyIntent(match, host(), { type: 'clock', command: 'start' }, 0);
    applyIntent(match, host(), revoke(http({ cidr: '0.0.0.0/0' })), 0);
    applyIntent(match, host(), authorize(http({ cidr: '10.1.0.0/16' })), 0);
    run(match, 60);
    const sources = [...new Set(page(match, { flowLog: 'web/VpcFlowLog', action: 'REJECT' }).records.map((r) => r.srcaddr.split('.').slice(0, 3).join('.') + '.0/24'))];
    expect(sources.sort()).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    for (const cidr of sources) expect(applyIntent(match, host(), authorize(http({ cidr })), 0)).toMatchObject({ ok: true });
    run(match, 60);
    expect(page(match, { flowLog: 'web/VpcFlowLog', action: 'REJECT' }).matched).toBe(0);
  });

  it('refuses a bad request, an unknown log and a resource that is not a flow log', () => {
    const match = levelMatch();
    const world = match.teams[0]!.world;
    expect(flowRecordsPage(world, { flowLog: 'web/Nothing' })).toMatchObject({ ok: false, refusal: { code: 'unknown-resource' } });
    expect(flowRecordsPage(world, { flowLog: SG })).toMatchObject({ ok: false, refusal: { code: 'unknown-resource' } });
    expect(flowRecordsPage(world, { flowLog: 'web/Vpc', port: 'eighty' })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    expect(flowRecordsPage(world, null)).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    expect(flowRecordsPage(world, { flowLog: 'web/Vpc', limit: 100_000 })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
  });
});
