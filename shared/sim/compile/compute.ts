// Compiles instances, Auto Scaling groups, target groups and load balancers into slots and edges.
// Every group gets one slot per instance it may ever run (its maximum size), so scaling never reallocates:
// a slot is EMPTY until the group launches into it.

import { catalogue, CLASSIC_ELB, priceFactorOf } from '../../catalogue/index.ts';
import type { Design, ResourceOfKind } from '../../design/model.ts';
import { REGIONS } from '../../geography/regions.ts';
import { STEP_SECONDS } from '../constants.ts';
import { classWeights, forwardWeights, frontListener } from './listener-routing.ts';
import { targetGroupRouting } from './target-routing.ts';
import type { ComputeTopology, NetworkTopology } from '../topology.ts';
import { liveOfKind, refOf } from './network.ts';
import type { DesignWarning } from '../timeline-text.ts';
import { instanceTypeIndex } from './instance-types.ts';
import { compileGatewayFleets } from './gateway-fleet.ts';
import { connectionAllowed, effectiveGroups, ingressAdmits, INTERNET, type Peer } from './security-groups.ts';
import { buildAclJudge, type AclJudge } from './network-acls.ts';
import { checkBlocked, edgeCpuFactors, uniformClasses } from './edge-figures.ts';

/** Whether network ACLs let every subnet of `from` (none: the internet) connect to every subnet of `to` on `port`. */
function aclsAllow(acls: AclJudge, from: Peer | undefined, to: Peer, port: number): boolean {
  const sources = from?.subnets ?? [undefined];
  return sources.every((a) => (to.subnets ?? []).every((b) => acls.connection(a, b, port)));
}

/** A probe interval or cooldown as a whole number of steps' seconds (at least one step). */
export function roundToStep(seconds: number): number {
  return Math.max(STEP_SECONDS, Math.ceil(seconds / STEP_SECONDS) * STEP_SECONDS);
}

function instanceFigures(type: string, region: number, label: string, warnings: DesignWarning[]) {
  let entry = catalogue.instanceTypes[type];
  if (!entry) {
    warnings.push({ code: 'warnUnknownInstanceType', values: { instance: label, instanceType: type } });
    entry = catalogue.instanceTypes['t3.micro']!;
    type = 't3.micro';
  }
  const factor = priceFactorOf(REGIONS[region]!.code);
  return {
    type: instanceTypeIndex(type),
    factor,
    capacity: entry.capacityRps.value,
    baseMs: entry.baseLatencyMs.value,
    hourly: entry.hourlyUsd.value * factor,
  };
}

/** A load balancer clients address (an ALB, NLB or classic ELB), not a Gateway Load Balancer's appliance fleet. */
function isFront(b: ResourceOfKind<'loadBalancer'>): boolean {
  return b.props.lbType !== 'gateway';
}

/** An Application Load Balancer proper (layer 7: listener rules, HTTPS termination). */
function isAlb(b: ResourceOfKind<'loadBalancer'>): boolean {
  return b.props.lbType === 'application' && !isClassic(b);
}

/** A classic ELB is on the board as an ALB-like load balancer; its CloudFormation type tells it apart. */
function isClassic(b: ResourceOfKind<'loadBalancer'>): boolean {
  return b.awsType === CLASSIC_ELB;
}

export function compileCompute(
  design: Design,
  removed: Uint8Array,
  net: NetworkTopology,
  labels: string[],
  warnings: DesignWarning[],
): ComputeTopology {
  const instances = liveOfKind(design, removed, 'instance');
  const acls = buildAclJudge(design, removed);
  const groups = liveOfKind(design, removed, 'autoScalingGroup');
  const limit = catalogue.ec2.maxInstancesPerGroup.value;

  // Slots: static instances, then each group's.
  const slotOfInstance = new Map<number, number>();
  const inst = {
    resource: [] as number[],
    asg: [] as number[],
    ordinal: [] as number[],
    capacity: [] as number[],
    baseMs: [] as number[],
    hourly: [] as number[],
    type: [] as number[],
    factor: [] as number[],
    region: [] as number[],
    zone: [] as number[],
    vpc: [] as number[],
    pub: [] as number[],
  };
  // Each slot's security groups and address ranges, as a load balancer's connection to it sees them.
  const slotPeer: Peer[] = [];
  const push = (resource: number, asg: number, ordinal: number, type: string, zone: number, vpc: number, pub: number, peer: Peer) => {
    slotPeer.push(peer);
    const region = net.resourceRegion[resource]!;
    const f = instanceFigures(type, region, labels[resource]!, warnings);
    inst.resource.push(resource);
    inst.asg.push(asg);
    inst.ordinal.push(ordinal);
    inst.capacity.push(f.capacity);
    inst.baseMs.push(f.baseMs);
    inst.hourly.push(f.hourly);
    inst.type.push(f.type);
    inst.factor.push(f.factor);
    inst.region.push(region);
    inst.zone.push(zone);
    inst.vpc.push(vpc);
    inst.pub.push(pub);
  };
  for (const i of instances) {
    const subnet = refOf(design, removed, i.props.subnet, 'subnet');
    if (!subnet || net.subnetZone[subnet.id]! < 0) {
      warnings.push({ code: 'warnInstanceWithoutZone', values: { instance: labels[i.id]! } });
      continue;
    }
    slotOfInstance.set(i.id, inst.resource.length);
    const peer = { groups: effectiveGroups(design, removed, i.props.securityGroups, subnet.props.vpc), cidrs: [subnet.props.cidr], subnets: [subnet.id] };
    let pub = net.subnetPublic[subnet.id]!;
    // Users sent to the instance directly speak HTTP or HTTPS: a group the design names must admit one of them from
    // anywhere, and the subnet's network ACL must let it through both ways. (An instance naming no group is not yet
    // held to its VPC's default group, which would shut the internet out: not modelled, like load balancers.)
    if (pub === 1) {
      const named = i.props.securityGroups.some((g) => refOf(design, removed, g, 'securityGroup') !== undefined);
      const web = [80, 443].filter((port) => (!named || ingressAdmits(design, peer, INTERNET, 'tcp', port)) && aclsAllow(acls, undefined, peer, port));
      if (web.length === 0) {
        pub = 0;
        warnings.push({ code: 'warnInstanceClosedToInternet', values: { instance: labels[i.id]! } });
      }
    }
    push(i.id, -1, 0, i.props.instanceType, net.subnetZone[subnet.id]!, net.vpcOf[subnet.id]!, pub, peer);
  }

  const asg = {
    resource: [] as number[],
    slotStart: [] as number[],
    slotCount: [] as number[],
    zoneStart: [0] as number[],
    zones: [] as number[],
    min: [] as number[],
    max: [] as number[],
    desired: [] as number[],
    cooldown: [] as number[],
    elb: [] as number[],
  };
  const asgIndex = new Map<number, number>();
  for (const g of groups) {
    const zones: number[] = [];
    let vpc = -1;
    let vpcResource: number | undefined;
    const cidrs: string[] = [];
    const subnetIds: number[] = [];
    for (const sid of g.props.subnets) {
      const s = refOf(design, removed, sid, 'subnet');
      if (!s || net.subnetZone[s.id]! < 0) continue;
      vpc = net.vpcOf[s.id]!;
      vpcResource = s.props.vpc;
      cidrs.push(s.props.cidr);
      subnetIds.push(s.id);
      if (!zones.includes(net.subnetZone[s.id]!)) zones.push(net.subnetZone[s.id]!);
    }
    if (zones.length === 0) {
      warnings.push({ code: 'warnGroupWithoutZone', values: { group: labels[g.id]! } });
      continue;
    }
    const template = refOf(design, removed, g.props.launchTemplate, 'launchTemplate');
    if (!template) warnings.push({ code: 'warnGroupWithoutTemplate', values: { group: labels[g.id]! } });
    const type = g.props.instanceType ?? template?.props.instanceType ?? 't3.micro';
    let max = Math.max(0, Math.floor(g.props.max));
    if (max > limit) {
      warnings.push({ code: 'warnGroupAboveCap', values: { group: labels[g.id]!, max, cap: limit } });
      max = limit;
    }
    const min = Math.min(Math.max(0, Math.floor(g.props.min)), max);
    const desired = Math.min(Math.max(Math.floor(g.props.desired), min), max);
    const index = asg.resource.length;
    asgIndex.set(g.id, index);
    asg.resource.push(g.id);
    asg.slotStart.push(inst.resource.length);
    asg.slotCount.push(max);
    asg.zones.push(...zones);
    asg.zoneStart.push(asg.zones.length);
    asg.min.push(min);
    asg.max.push(max);
    asg.desired.push(desired);
    asg.cooldown.push(roundToStep(g.props.cooldownS > 0 ? g.props.cooldownS : catalogue.autoScaling.defaultCooldownS.value));
    asg.elb.push(g.props.healthCheckType === 'ELB' ? 1 : 0);
    const peer = { groups: effectiveGroups(design, removed, template?.props.securityGroups ?? [], vpcResource), cidrs, subnets: subnetIds };
    for (let s = 0; s < max; s++) push(g.id, index, s, type, -1, vpc, 0, peer);
  }

  // Target groups and their targets (instance slots).
  const tgs = liveOfKind(design, removed, 'targetGroup');
  const tgIndex = new Map<number, number>();
  const tgTargets: number[][] = tgs.map(() => []);
  tgs.forEach((tg, i) => {
    tgIndex.set(tg.id, i);
    for (const t of tg.props.targets) {
      const slot = slotOfInstance.get(t);
      if (slot !== undefined) tgTargets[i]!.push(slot);
    }
  });
  for (const g of groups) {
    const a = asgIndex.get(g.id);
    if (a === undefined) continue;
    for (const tgId of g.props.targetGroups) {
      const t = tgIndex.get(tgId);
      if (t === undefined) continue;
      for (let s = 0; s < asg.slotCount[a]!; s++) tgTargets[t]!.push(asg.slotStart[a]! + s);
    }
  }
  const instTg = new Int32Array(inst.resource.length).fill(-1);
  tgTargets.forEach((list, t) => {
    if (list.length > catalogue.loadBalancing.maxTargetsPerGroup.value) {
      warnings.push({ code: 'warnTooManyTargets', values: { targetGroup: labels[tgs[t]!.id]! } });
    }
    for (const slot of list) if (instTg[slot] === -1) instTg[slot] = t;
  });

  // Load balancers: enabled zones, listeners' target groups, edges to instance slots.
  // A Gateway Load Balancer is no front: traffic passes through its appliances on the way to one (gateway-fleet.ts).
  const lbs = liveOfKind(design, removed, 'loadBalancer').filter(isFront);
  const listeners = liveOfKind(design, removed, 'listener');
  const rules = liveOfKind(design, removed, 'listenerRule');
  const wafOfResource = new Map<number, number>();
  liveOfKind(design, removed, 'webAclAssociation').forEach((a) => {
    if (refOf(design, removed, a.props.webAcl, 'webAcl')) wafOfResource.set(a.props.resource, a.props.webAcl);
  });
  const lb = {
    zoneStart: [0] as number[],
    zones: [] as number[],
    edgeStart: [0] as number[],
    edgeInst: [] as number[],
    edgeTg: [] as number[],
    edgeW: [] as number[],
    edgeCross: [] as number[],
    edgeBlocked: [] as number[],
  };
  const lbCrossZone = new Uint8Array(lbs.length);
  const lbPublic = new Uint8Array(lbs.length);
  const lbCpuFactor = new Float64Array(lbs.length).fill(1);
  const tgCpuFactor = new Float64Array(tgs.length).fill(1);
  const lbWafResource = new Int32Array(lbs.length).fill(-1);
  lbs.forEach((b, i) => {
    let anyPublic = false;
    for (const sid of b.props.subnets) {
      const s = refOf(design, removed, sid, 'subnet');
      if (!s || net.subnetZone[s.id]! < 0) continue;
      if (net.subnetPublic[s.id] === 1) anyPublic = true;
      if (!lb.zones.slice(lb.zoneStart[i]).includes(net.subnetZone[s.id]!)) lb.zones.push(net.subnetZone[s.id]!);
    }
    lb.zoneStart.push(lb.zones.length);
    lbPublic[i] = b.props.scheme === 'internet-facing' && anyPublic ? 1 : 0;
    const own = listeners.filter((l) => l.props.loadBalancer === b.id);
    // Security groups (security-groups.ts). Its nodes' addresses are in its subnets.
    const lbSubnets = b.props.subnets.map((sid) => refOf(design, removed, sid, 'subnet')).filter((x) => x !== undefined);
    const lbPeer: Peer = {
      groups: [...effectiveGroups(design, removed, b.props.securityGroups, lbSubnets[0]?.props.vpc), `lb:${b.id}`],
      cidrs: lbSubnets.map((x) => x.props.cidr),
      subnets: lbSubnets.map((x) => x.id),
    };
    const namesGroups = b.props.securityGroups.some((g) => refOf(design, removed, g, 'securityGroup') !== undefined);
    // Users reach an internet-facing load balancer only if its groups admit its listener's port from anywhere
    // (AWS recommends 0.0.0.0/0 on the listener port). Only for groups the design names: a load balancer placed
    // without any is not yet held to its VPC's default group, which would shut the internet out (not modelled).
    const userPort = (isAlb(b) ? frontListener(own) : own[0])?.props.port;
    if (lbPublic[i] === 1 && namesGroups && b.props.lbType !== 'network' && userPort !== undefined && !ingressAdmits(design, lbPeer, INTERNET, 'tcp', userPort)) {
      lbPublic[i] = 0;
      warnings.push({ code: 'warnLbClosedToInternet', values: { loadBalancer: labels[b.id]!, port: userPort } });
    }
    // Its subnets' network ACLs must let users' requests in and the answers out (network-acls.ts).
    if (lbPublic[i] === 1 && userPort !== undefined && !aclsAllow(acls, undefined, lbPeer, userPort)) {
      lbPublic[i] = 0;
      warnings.push({ code: 'warnAclDrops', values: { from: '0.0.0.0/0', to: labels[b.id]!, port: userPort } });
    }
    if (b.props.scheme === 'internet-facing' && !anyPublic) {
      warnings.push({ code: 'warnLbWithoutPublicSubnet', values: { loadBalancer: labels[b.id]! } });
    }
    lbWafResource[i] = wafOfResource.get(b.id) ?? -1;

    for (const l of own) {
      if (b.props.lbType === 'network' && l.props.port === 443 && !l.props.certificate && /^tcp$/i.test(l.props.protocol)) {
        lbCpuFactor[i] = catalogue.loadBalancing.tlsOnTargetCpuFactor.value;
      }
    }
    // Each target group's share of each request class: an ALB's listener rules decide it per class
    // (listener-routing.ts); an NLB's or a classic ELB's listeners forward every class alike.
    const known = (id: number) => tgIndex.has(id);
    const weights = isAlb(b) ? classWeights(frontListener(own), rules, known) : forwardWeights(own, known);
    if (weights.size === 0) warnings.push({ code: 'warnLbWithoutTargets', values: { loadBalancer: labels[b.id]! } });
    // Cross-zone is the target group's to decide: an ALB's own setting is always on (AWS does not let it be
    // turned off), an NLB's and a classic ELB's is their attribute, and a target group either says its own or
    // uses the load balancer's.
    const lbDefault = isClassic(b) || b.props.lbType === 'network' ? b.props.crossZone : true;
    for (const [tgId, w] of [...weights].sort((x, y) => x[0] - y[0])) {
      const t = tgIndex.get(tgId);
      if (t === undefined) continue;
      // A classic ELB has no target groups of its own (the board's is derived from it): only CrossZone counts.
      const cross = (isClassic(b) ? lbDefault : (tgs[t]!.props.crossZone ?? lbDefault)) ? 1 : 0;
      if (cross === 1) lbCrossZone[i] = 1;
      // Behind an ALB, a target group speaking HTTPS makes its targets do TLS again.
      if (isAlb(b) && /^https$/i.test(tgs[t]!.props.protocol)) tgCpuFactor[t] = catalogue.loadBalancing.tlsOnTargetCpuFactor.value;
      // An ALB or classic ELB opens its own connections to the targets (health checks and requests) from its
      // nodes; an NLB keeps the client's address and has no group to check here (not modelled).
      const port = tgs[t]!.props.port;
      const checked = b.props.lbType !== 'network';
      let warned = false;
      for (const slot of tgTargets[t]!) {
        const grouped = !checked || connectionAllowed(design, lbPeer, slotPeer[slot]!, 'tcp', port);
        const acl = aclsAllow(acls, lbPeer, slotPeer[slot]!, port);
        const blocked = grouped && acl ? 0 : 1;
        lb.edgeBlocked.push(blocked);
        if (!acl && !warned) {
          warned = true;
          warnings.push({ code: 'warnAclDrops', values: { from: labels[b.id]!, to: labels[tgs[t]!.id]!, port } });
        }
        if (blocked === 1 && !warned) {
          warned = true;
          warnings.push({ code: 'warnTargetsClosedToLb', values: { loadBalancer: labels[b.id]!, targetGroup: labels[tgs[t]!.id]!, port } });
        }
        lb.edgeInst.push(slot);
        lb.edgeTg.push(t);
        lb.edgeW.push(...w);
        lb.edgeCross.push(cross);
      }
    }
    lb.edgeStart.push(lb.edgeInst.length);
  });

  const lbTypes = lbs.map((b) => catalogue.loadBalancers[b.props.lbType as 'application' | 'network']);
  return {
    instCount: inst.resource.length,
    instResource: Int32Array.from(inst.resource),
    instAsg: Int32Array.from(inst.asg),
    instOrdinal: Int32Array.from(inst.ordinal),
    instCapacity: Float64Array.from(inst.capacity),
    instBaseMs: Float64Array.from(inst.baseMs),
    instHourlyUsd: Float64Array.from(inst.hourly),
    instType: Int16Array.from(inst.type),
    instPriceFactor: Float64Array.from(inst.factor),
    instRegion: Int16Array.from(inst.region),
    instHomeZone: Int16Array.from(inst.zone),
    instVpc: Int32Array.from(inst.vpc),
    instPublic: Uint8Array.from(inst.pub),
    instDbGroup: new Int32Array(inst.resource.length).fill(-1),
    instTg,

    asgCount: asg.resource.length,
    asgResource: Int32Array.from(asg.resource),
    asgSlotStart: Int32Array.from(asg.slotStart),
    asgSlotCount: Int32Array.from(asg.slotCount),
    asgZoneStart: Int32Array.from(asg.zoneStart),
    asgZones: Int16Array.from(asg.zones),
    asgMin: Int32Array.from(asg.min),
    asgMax: Int32Array.from(asg.max),
    asgDesired: Int32Array.from(asg.desired),
    asgCooldownS: Float64Array.from(asg.cooldown),
    asgElbHealth: Uint8Array.from(asg.elb),
    asgTracking: new Int32Array(asg.resource.length).fill(-1),

    tgCount: tgs.length,
    tgResource: Int32Array.from(tgs.map((t) => t.id)),
    tgIntervalS: Int32Array.from(tgs.map((t) => roundToStep(t.props.healthCheck.intervalS))),
    tgHealthy: Int32Array.from(tgs.map((t) => Math.max(1, t.props.healthCheck.healthyThreshold))),
    tgUnhealthy: Int32Array.from(tgs.map((t) => Math.max(1, t.props.healthCheck.unhealthyThreshold))),
    tgByCapacity: Uint8Array.from(tgs.map((t) => (t.props.algorithm === 'least_outstanding_requests' ? 1 : 0))),
    ...targetGroupRouting(tgs),

    lbCount: lbs.length,
    lbResource: Int32Array.from(lbs.map((b) => b.id)),
    lbNetwork: Uint8Array.from(lbs.map((b) => (b.props.lbType === 'network' ? 1 : 0))),
    lbPublic,
    lbRegion: Int16Array.from(lbs.map((b) => net.resourceRegion[b.id]!)),
    lbZoneStart: Int32Array.from(lb.zoneStart),
    lbZones: Int16Array.from(lb.zones),
    lbCrossZone,
    // A classic ELB sends only to healthy instances (none: 503); ALBs and NLBs fail open.
    lbFailOpen: Uint8Array.from(lbs.map((b) => (isClassic(b) ? 0 : 1))),
    lbAddedMs: Float64Array.from(lbTypes.map((t) => t.addedLatencyMs.value)),
    lbPerRequestUsd: Float64Array.from(
      lbs.map((b, i) => (lbTypes[i]!.perMillionRequestsUsd.value / 1e6) * priceFactorOf(design.stacks[b.stack]?.region ?? '')),
    ),
    lbCrossZonePerGbUsd: Float64Array.from(lbTypes.map((t) => t.crossZonePerGbUsd.value)),
    lbCpuFactor,
    tgCpuFactor,
    // Filled by the entry compiler, which numbers web ACLs.
    lbWaf: lbWafResource,
    lbEdgeStart: Int32Array.from(lb.edgeStart),
    edgeInst: Int32Array.from(lb.edgeInst),
    edgeTg: Int32Array.from(lb.edgeTg),
    edgeClassWeight: Float64Array.from(lb.edgeW),
    lbUniformClasses: uniformClasses(lb.edgeStart, lb.edgeW),
    edgeCpuFactor: edgeCpuFactors(lb.edgeStart, lb.edgeTg, lbCpuFactor, tgCpuFactor),
    edgeCrossZone: Uint8Array.from(lb.edgeCross),
    edgeBlocked: Uint8Array.from(lb.edgeBlocked),
    instCheckBlocked: checkBlocked(inst.resource.length, instTg, lb.edgeInst, lb.edgeTg, lb.edgeBlocked),
    ...compileGatewayFleets(design, removed, net, lbs, tgIndex, tgTargets),
  };
}
