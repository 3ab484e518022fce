// Security groups decide reachability: allow-only ingress rules by protocol, port and source (range or group),
// stateful (answers need no rule), egress all unless written, the VPC's default group for a resource naming none;
// an ALB whose targets' group does not admit it fails their health checks and its requests time out; an
// internet-facing load balancer whose group does not admit its listener port from anywhere is out of users' reach.

import { describe, expect, it } from 'vitest';
import type { Design, SecurityRule } from '../../../shared/design/model.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import {
  connectionAllowed,
  defaultGroupKey,
  effectiveGroups,
  egressAllows,
  ingressAdmits,
  INTERNET,
  ruleCovers,
} from '../../../shared/sim/compile/security-groups.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario, webTier } from './builders.ts';
import { runUntil, slotsOf } from './probes.ts';

const tcp80 = (source: Partial<SecurityRule>): SecurityRule => ({ protocol: 'tcp', fromPort: 80, toPort: 80, ...source });

/** The builders' web tier with a load balancer group (HTTP from anywhere) and a web server group with `rules`. */
function guarded(rules: (lbGroup: number) => SecurityRule[], opts: { lbIngress?: SecurityRule[]; egress?: SecurityRule[] } = {}) {
  const t = webTier({ desired: 3 });
  const { b, net, lb, asg } = t;
  const lbGroup = b.add('LbGroup', 'securityGroup', { vpc: net.vpc, ingress: opts.lbIngress ?? [tcp80({ cidr: '0.0.0.0/0' })], ...(opts.egress ? { egress: opts.egress } : {}) });
  const webGroup = b.add('WebGroup', 'securityGroup', { vpc: net.vpc, ingress: rules(lbGroup) });
  (b.design.resources[lb]!.props as { securityGroups: number[] }).securityGroups = [lbGroup];
  const template = (b.design.resources[asg]!.props as { launchTemplate: number }).launchTemplate;
  (b.design.resources[template]!.props as { securityGroups: number[] }).securityGroups = [webGroup];
  return { ...t, lbGroup, webGroup };
}

function run(design: Design, seconds = 200): { world: World; failed: number; served: number } {
  const world = createWorld(design, scenario({ traffic: [{ area: 'north-america', baselineRps: 200 }] }), 3);
  let failed = 0;
  let served = 0;
  runUntil(world, seconds, () => {
    failed += world.last.failed;
    served += world.last.served;
  });
  return { world, failed, served };
}

const healthy = (world: World) => slotsOf(world, 'Web').filter((i) => world.state.instHealthy[i] === 1).length;

describe('security group rules', () => {
  const design = guarded((lbGroup) => [tcp80({ sourceGroup: lbGroup })]).b.design;
  const web = { groups: ['sg:' + design.resources.find((r) => r.logicalId === 'WebGroup')!.id], cidrs: ['10.0.0.0/24'] };
  const lbPeer = { groups: ['sg:' + design.resources.find((r) => r.logicalId === 'LbGroup')!.id], cidrs: ['10.0.0.0/24', '10.0.1.0/24'] };

  it('a rule covers its protocol and port range; protocol -1 covers everything', () => {
    expect(ruleCovers({ protocol: 'tcp', fromPort: 80, toPort: 90, cidr: '0.0.0.0/0' }, 'tcp', 85)).toBe(true);
    expect(ruleCovers({ protocol: 'tcp', fromPort: 80, toPort: 90, cidr: '0.0.0.0/0' }, 'tcp', 443)).toBe(false);
    expect(ruleCovers({ protocol: 'udp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' }, 'tcp', 80)).toBe(false);
    expect(ruleCovers({ protocol: '6', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' }, 'tcp', 80)).toBe(true);
    expect(ruleCovers({ protocol: '-1', fromPort: 0, toPort: 0, cidr: '0.0.0.0/0' }, 'tcp', 3306)).toBe(true);
  });

  it("a source group admits its members and nobody else; a range admits only addresses wholly inside it", () => {
    expect(ingressAdmits(design, web, lbPeer, 'tcp', 80)).toBe(true);
    expect(ingressAdmits(design, web, INTERNET, 'tcp', 80)).toBe(false);
    expect(ingressAdmits(design, web, lbPeer, 'tcp', 443)).toBe(false);
    const byRange = guarded(() => [tcp80({ cidr: '10.0.0.0/16' })]).b.design;
    const webByRange = { groups: ['sg:' + byRange.resources.find((r) => r.logicalId === 'WebGroup')!.id], cidrs: [] };
    expect(ingressAdmits(byRange, webByRange, { groups: [], cidrs: ['10.0.0.0/24', '10.0.1.0/24'] }, 'tcp', 80)).toBe(true);
    expect(ingressAdmits(byRange, webByRange, { groups: [], cidrs: ['10.1.0.0/24'] }, 'tcp', 80)).toBe(false);
    expect(ingressAdmits(byRange, webByRange, INTERNET, 'tcp', 80)).toBe(false);
  });

  it("the VPC's default group admits its own members only; a resource naming no group is in it", () => {
    const d = defaultGroupKey(7);
    expect(effectiveGroups(design, undefined, [], 7)).toEqual([d]);
    expect(ingressAdmits(design, { groups: [d], cidrs: [] }, { groups: [d], cidrs: [] }, 'tcp', 5432)).toBe(true);
    expect(ingressAdmits(design, { groups: [d], cidrs: [] }, lbPeer, 'tcp', 80)).toBe(false);
    expect(ingressAdmits(design, { groups: [d], cidrs: [] }, INTERNET, 'tcp', 80)).toBe(false);
  });

  it('egress is all traffic until a group writes its own; written, only its rules let connections out', () => {
    expect(egressAllows(design, lbPeer, web, 'tcp', 80)).toBe(true);
    const closed = guarded((lbGroup) => [tcp80({ sourceGroup: lbGroup })], { egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }] }).b.design;
    const lbClosed = { groups: ['sg:' + closed.resources.find((r) => r.logicalId === 'LbGroup')!.id], cidrs: ['10.0.0.0/24'] };
    const webClosed = { groups: ['sg:' + closed.resources.find((r) => r.logicalId === 'WebGroup')!.id], cidrs: ['10.0.0.0/24'] };
    expect(egressAllows(closed, lbClosed, webClosed, 'tcp', 80)).toBe(false);
    expect(connectionAllowed(closed, lbClosed, webClosed, 'tcp', 80)).toBe(false);
  });
});

describe('an ALB behind security groups', () => {
  it("targets whose group admits the load balancer's group stay healthy and serve", () => {
    const { world, failed, served } = run(guarded((lbGroup) => [tcp80({ sourceGroup: lbGroup })]).b.design);
    expect(healthy(world)).toBe(3);
    expect(failed).toBe(0);
    expect(served).toBeGreaterThan(0);
  });

  it('a group admitting port 80 from the wrong range fails every health check and every request times out', () => {
    const { world, failed, served } = run(guarded(() => [tcp80({ cidr: '10.1.0.0/16' })]).b.design);
    expect(world.topo.instCheckBlocked.some((x) => x === 1)).toBe(true);
    expect(healthy(world)).toBe(0);
    expect(served).toBe(0);
    expect(failed).toBeGreaterThan(0);
  });

  it("a range holding the load balancer's subnets admits it like its group does", () => {
    const { world, failed } = run(guarded(() => [tcp80({ cidr: '10.0.0.0/16' })]).b.design);
    expect(healthy(world)).toBe(3);
    expect(failed).toBe(0);
  });

  it("the load balancer's own egress, once written without the target port, stops it too", () => {
    const { world } = run(guarded((lbGroup) => [tcp80({ sourceGroup: lbGroup })], { egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }] }).b.design);
    expect(healthy(world)).toBe(0);
  });

  it('stateful: the answers need no rule of their own (the web group has no rule toward the load balancer)', () => {
    const { b } = guarded((lbGroup) => [tcp80({ sourceGroup: lbGroup })]);
    const lbGroup = b.design.resources.find((r) => r.logicalId === 'LbGroup')!;
    expect((lbGroup.props as { ingress: SecurityRule[] }).ingress.some((r) => r.sourceGroup !== undefined)).toBe(false);
    expect(run(b.design).failed).toBe(0);
  });

  it("users cannot reach an internet-facing load balancer whose group does not admit the listener port from anywhere", () => {
    const { failed, served } = run(guarded((lbGroup) => [tcp80({ sourceGroup: lbGroup })], { lbIngress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }] }).b.design);
    expect(served).toBe(0);
    expect(failed).toBeGreaterThan(0);
  });

  it('with no group named anywhere the load balancer and its targets share the default group (designs as before)', () => {
    const { b } = webTier({ desired: 3 });
    const { world, failed } = run(b.design);
    expect(healthy(world)).toBe(3);
    expect(failed).toBe(0);
  });
});

describe('users reaching an instance directly', () => {
  function server(ingress: SecurityRule[] | undefined): Design {
    const b = designBuilder();
    b.stack('web', 'us-east-1');
    const net = b.network('Main', 'us-east-1', ['a']);
    const instance = b.instance('Server', net.subnets[0]!);
    if (ingress) {
      const group = b.add('ServerGroup', 'securityGroup', { vpc: net.vpc, ingress });
      (b.design.resources[instance]!.props as { securityGroups: number[] }).securityGroups = [group];
    }
    return b.design;
  }

  it('a group admitting HTTPS (or HTTP) from anywhere lets users in; one admitting only SSH keeps them out', () => {
    const https = run(server([{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }]));
    expect(https.served).toBeGreaterThan(0);
    expect(https.failed).toBe(0);
    const ssh = run(server([{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' }]));
    expect(ssh.served).toBe(0);
    expect(ssh.world.topo.warnings.some((w) => w.code === 'warnInstanceClosedToInternet')).toBe(true);
  });
});

describe('instances reaching the database through its security group', () => {
  function withDb(dbRules: (webGroup: number) => SecurityRule[] | undefined) {
    const t = webTier({ desired: 3, db: {} });
    const { b, net, lb, asg, db } = t;
    const lbGroup = b.add('LbGroup', 'securityGroup', { vpc: net.vpc, ingress: [tcp80({ cidr: '0.0.0.0/0' })] });
    const webGroup = b.add('WebGroup', 'securityGroup', { vpc: net.vpc, ingress: [tcp80({ sourceGroup: lbGroup })] });
    (b.design.resources[lb]!.props as { securityGroups: number[] }).securityGroups = [lbGroup];
    const template = (b.design.resources[asg]!.props as { launchTemplate: number }).launchTemplate;
    (b.design.resources[template]!.props as { securityGroups: number[] }).securityGroups = [webGroup];
    const rules = dbRules(webGroup);
    if (rules) {
      const dbGroup = b.add('DbGroup', 'securityGroup', { vpc: net.vpc, ingress: rules });
      (b.design.resources[db]!.props as { securityGroups?: number[] }).securityGroups = [dbGroup];
    }
    return b.design;
  }
  const mysql = (source: Partial<SecurityRule>): SecurityRule => ({ protocol: 'tcp', fromPort: 3306, toPort: 3306, ...source });

  it("a database group admitting MySQL from the web servers' group serves their queries", () => {
    expect(run(withDb((web) => [mysql({ sourceGroup: web })])).failed).toBe(0);
  });

  it('a database group admitting another port, or a range the servers are not in, drops every query', () => {
    const wrongPort = run(withDb((web) => [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, sourceGroup: web }]));
    const wrongRange = run(withDb(() => [mysql({ cidr: '192.168.0.0/16' })]));
    expect(wrongPort.world.topo.instRoutes.every((x) => x === 0)).toBe(true);
    expect(wrongPort.failed).toBeGreaterThan(0);
    expect(wrongRange.failed).toBeGreaterThan(0);
  });

  it("a database naming no group is in the VPC's default group: instances in groups of their own cannot reach it", () => {
    expect(run(withDb(() => undefined)).failed).toBeGreaterThan(0);
  });
});

describe('authorize and revoke security group ingress at run time', () => {
  function world() {
    const g = guarded(() => [tcp80({ cidr: '0.0.0.0/0' })]);
    return createWorld(g.b.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 200 }] }), 3);
  }

  it("revoking the only rule that admitted the load balancer makes the targets unhealthy; authorizing its group first keeps them", () => {
    const broken = world();
    runUntil(broken, 60);
    expect(applyAction(broken, { type: 'revoke-security-group-ingress', logicalId: 'WebGroup', rule: { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' } })).toEqual({ ok: true });
    runUntil(broken, 120);
    expect(healthy(broken)).toBe(0);

    const fixed = world();
    runUntil(fixed, 60);
    expect(applyAction(fixed, { type: 'authorize-security-group-ingress', logicalId: 'WebGroup', rule: { protocol: 'tcp', fromPort: 80, toPort: 80, sourceGroup: 'LbGroup' } })).toEqual({ ok: true });
    expect(applyAction(fixed, { type: 'revoke-security-group-ingress', logicalId: 'WebGroup', rule: { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' } })).toEqual({ ok: true });
    runUntil(fixed, 120);
    expect(healthy(fixed)).toBe(3);
  });

  it("refuses with EC2's codes and changes nothing", () => {
    const w = world();
    const rule = { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' };
    const before = JSON.stringify(w.design);
    expect(applyAction(w, { type: 'authorize-security-group-ingress', logicalId: 'WebGroup', rule })).toMatchObject({ ok: false, code: 'InvalidPermission.Duplicate' });
    expect(applyAction(w, { type: 'revoke-security-group-ingress', logicalId: 'WebGroup', rule: { ...rule, cidr: '10.9.0.0/16' } })).toMatchObject({ ok: false, code: 'InvalidPermission.NotFound' });
    expect(applyAction(w, { type: 'authorize-security-group-ingress', logicalId: 'WebGroup', rule: { ...rule, cidr: '10.0.0/8' } })).toMatchObject({ ok: false, code: 'InvalidParameterValue' });
    expect(applyAction(w, { type: 'authorize-security-group-ingress', logicalId: 'WebGroup', rule: { protocol: 'tcp', fromPort: 80, toPort: 80, sourceGroup: 'Nope' } })).toMatchObject({ ok: false, code: 'InvalidGroup.NotFound' });
    expect(applyAction(w, { type: 'authorize-security-group-ingress', logicalId: 'Lb', rule })).toMatchObject({ ok: false, code: 'wrong-kind' });
    expect(JSON.stringify(w.design)).toBe(before);
  });
});
