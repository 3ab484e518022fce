// Network ACLs: stateless, evaluated by rule number, allow and deny, the VPC's default ACL allowing everything;
// a response needs its own rule on the client's ephemeral ports, so a missing outbound ephemeral rule drops it.

import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { buildAclJudge } from '../../../shared/sim/compile/network-acls.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { runUntil, slotsOf } from './probes.ts';

type Rule = { n: number; out?: boolean; action?: 'allow' | 'deny'; cidr?: string; from?: number; to?: number; protocol?: string };

/** Targets in zone c behind a load balancer in zones a, b and c (its nodes in a and b cross the ACL); an ACL with `rules` on `on` ('targets' or 'lb'). */
function tier(rules: Rule[] | undefined, on: 'targets' | 'lb' = 'targets') {
  const t = webTier({ zones: ['c'], lbZones: ['a', 'b', 'c'], desired: 2 });
  const { b, net } = t;
  if (rules) {
    const acl = b.add('Acl', 'networkAcl', { vpc: net.vpc });
    rules.forEach((r, i) =>
      b.add(`Entry${i}`, 'networkAclEntry', {
        networkAcl: acl,
        ruleNumber: r.n,
        protocol: r.protocol ?? '6',
        action: r.action ?? 'allow',
        egress: r.out ?? false,
        cidr: r.cidr ?? '10.0.0.0/16',
        ...(r.from !== undefined ? { fromPort: r.from, toPort: r.to ?? r.from } : {}),
      }),
    );
    const subnets = on === 'targets' ? [net.subnets[2]!] : [net.subnets[0]!, net.subnets[1]!];
    subnets.forEach((s, i) => b.add(`AclAssoc${i}`, 'subnetNetworkAclAssociation', { subnet: s, networkAcl: acl }));
  }
  return b.design;
}

function run(design: Design): { world: World; failed: number; served: number } {
  const world = createWorld(design, scenario({ traffic: [{ area: 'north-america', baselineRps: 100 }] }), 3);
  let failed = 0;
  let served = 0;
  runUntil(world, 200, () => {
    failed += world.last.failed;
    served += world.last.served;
  });
  return { world, failed, served };
}
const healthy = (w: World) => slotsOf(w, 'Web').filter((i) => w.state.instHealthy[i] === 1).length;

// The load balancer has a node in the targets' subnet too, so its users' traffic crosses the same ACL: from anywhere.
const IN_80: Rule = { n: 100, from: 80, cidr: '0.0.0.0/0' };
const OUT_EPHEMERAL: Rule = { n: 100, out: true, from: 1024, to: 65535, cidr: '0.0.0.0/0' };

describe('network ACLs', () => {
  it("subnets with no ACL of their own use the VPC's default ACL: everything passes", () => {
    const { world, failed } = run(tier(undefined));
    expect(healthy(world)).toBe(2);
    expect(failed).toBe(0);
  });

  it('a custom ACL with no entries denies everything (the final * rule)', () => {
    expect(healthy(run(tier([])).world)).toBe(0);
  });

  it('HTTP in and the ephemeral ports out: the load balancer reaches its targets', () => {
    const { world, failed } = run(tier([IN_80, OUT_EPHEMERAL]));
    expect(healthy(world)).toBe(2);
    expect(failed).toBe(0);
  });

  it('stateless: without the outbound ephemeral rule the answers are dropped, health checks fail and requests time out', () => {
    const { world, failed, served } = run(tier([IN_80]));
    expect(healthy(world)).toBe(0);
    expect(served).toBe(0);
    expect(failed).toBeGreaterThan(0);
  });

  it('the lowest rule number that matches decides: a deny before the allow blocks, after it does not', () => {
    expect(healthy(run(tier([{ n: 90, action: 'deny', cidr: '10.0.0.0/24', from: 80 }, IN_80, OUT_EPHEMERAL])).world)).toBe(0);
    expect(healthy(run(tier([IN_80, { n: 200, action: 'deny', cidr: '10.0.0.0/24', from: 80 }, OUT_EPHEMERAL])).world)).toBe(2);
  });

  it("users reach the load balancer only if its subnets' ACL lets port 80 in and the answers out to 0.0.0.0/0", () => {
    const open = run(tier([{ ...IN_80, cidr: '0.0.0.0/0' }, { ...OUT_EPHEMERAL, cidr: '0.0.0.0/0' }, { n: 110, out: true, from: 80 }, { n: 110, from: 1024, to: 65535 }], 'lb'));
    expect(open.failed).toBe(0);
    expect(open.served).toBeGreaterThan(0);
    const noAnswers = run(tier([{ ...IN_80, cidr: '0.0.0.0/0' }, { n: 110, out: true, from: 80 }, { n: 110, from: 1024, to: 65535 }], 'lb'));
    expect(noAnswers.served).toBe(0);
  });

  it('traffic inside one subnet does not cross its ACL', () => {
    const design = tier([]);
    const subnet = design.resources.find((r) => r.logicalId === 'MainSubnetC')!.id;
    expect(buildAclJudge(design, new Uint8Array(design.resources.length)).connection(subnet, subnet, 80)).toBe(true);
  });
});
