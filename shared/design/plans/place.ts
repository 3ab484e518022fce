import { cidrContains, cidrOverlaps, formatCidr, parseCidr } from '../cidr.ts';
import type { Design, Resource, ResourceKind } from '../model.ts';
import { findByRef, refOf } from '../edits.ts';
import { isRegion, zonesOf } from '../../geography/regions.ts';
import { publicSubnets } from '../../template/public-subnets.ts';
import { refusal, type RefusalCode } from '../../protocol/refusals.ts';
import {
  ALARM_PRESETS,
  DEFAULT_DB_CLASS,
  DEFAULT_DB_STORAGE_GB,
  DEFAULT_HEALTH_CHECK_PATH,
  DEFAULT_INSTANCE_TYPE,
  defaultCooldownS,
  dnsHealthCheckDefaults,
  targetHealthCheckDefaults,
} from '../../catalogue/defaults.ts';
import { entryOf, type PaletteEntry, type PlaceTarget } from './palette.ts';
import { refFor, type PlanResult, type PlanStep } from './plan.ts';

// The building plan of each palette entry: the resources a player's drop creates, with the console's first
// settings (from the catalogue's defaults) and free names and address ranges, as the API calls that create
// them. The player's `settings` override the main resource's first settings; the rules judge the result.

/** What a plan may need of the match beyond the design: the scenario clock, for a scheduled action. */
export interface PlaceContext {
  simS: number;
  durationS: number;
}

export interface PlaceGesture {
  entry: string;
  target: PlaceTarget;
  settings?: Record<string, unknown>;
  /** The logical id of the entry's main resource, as the console's Name field; a free one when absent. */
  name?: string;
}

/** The stack name a region's resources go in when the board has none there yet. */
export function stackNameFor(region: string): string {
  return `main-${region}`;
}

/** Hands out free logical ids while a plan is built (several resources are named before any exists). */
class Names {
  private taken: Set<string>;
  constructor(design: Design) {
    this.taken = new Set(design.resources.map((r) => refOf(design, r)));
  }
  take(stack: string, logicalId: string): string {
    this.taken.add(refFor(stack, logicalId));
    return logicalId;
  }
  next(stack: string, kind: ResourceKind): string {
    const stem = kind[0]!.toUpperCase() + kind.slice(1);
    for (let n = 1; ; n++) {
      const logicalId = `${stem}${n}`;
      if (!this.taken.has(refFor(stack, logicalId))) {
        this.taken.add(refFor(stack, logicalId));
        return logicalId;
      }
    }
  }
}

type Props = Record<string, unknown>;
const P = (r: Resource): Props => r.props as Props;
const ofKind = (design: Design, kind: ResourceKind): Resource[] => design.resources.filter((r) => r.kind === kind);
const regionOf = (design: Design, r: Resource): string => design.stacks[r.stack]?.region ?? '';
const stackOf = (design: Design, r: Resource): string => design.stacks[r.stack]?.name ?? '';

/** A /16 for a new VPC that overlaps no other VPC of the team (peering needs distinct ranges). */
export function freeVpcCidr(design: Design): string {
  const used = ofKind(design, 'vpc').map((v) => parseCidr(String(P(v).cidr ?? ''))).filter((b) => b !== undefined);
  for (let n = 0; n < 256; n++) {
    const candidate = parseCidr(`10.${n}.0.0/16`)!;
    if (!used.some((u) => cidrOverlaps(u, candidate))) return formatCidr(candidate);
  }
  return '10.255.0.0/16';
}

/** The next /24 inside a VPC's range that no subnet of it uses. */
export function freeSubnetCidr(design: Design, vpc: Resource): string | undefined {
  const block = parseCidr(String(P(vpc).cidr ?? ''));
  if (!block) return undefined;
  const used = ofKind(design, 'subnet')
    .filter((s) => P(s).vpc === vpc.id)
    .map((s) => parseCidr(String(P(s).cidr ?? '')))
    .filter((b) => b !== undefined);
  const prefix = Math.max(block.prefix, 24);
  const size = 2 ** (32 - prefix);
  for (let base = block.base; base < block.base + 2 ** (32 - block.prefix); base += size) {
    const candidate = { base: base >>> 0, prefix };
    if (cidrContains(block, candidate) && !used.some((u) => cidrOverlaps(u, candidate))) return formatCidr(candidate);
  }
  return undefined;
}

/** One subnet per zone of a VPC (public ones first, or private first), as a load balancer or a group spans them. */
export function subnetsPerZone(design: Design, vpc: Resource, preferPublic: boolean): string[] {
  const open = publicSubnets(design);
  const sorted = ofKind(design, 'subnet')
    .filter((s) => P(s).vpc === vpc.id)
    .sort((a, b) => Number(open.has(b.id)) - Number(open.has(a.id)));
  if (!preferPublic) sorted.reverse();
  const byZone = new Map<string, string>();
  for (const s of sorted) {
    const zone = String(P(s).zone ?? '');
    if (!byZone.has(zone)) byZone.set(zone, refOf(design, s));
  }
  return [...byZone.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, ref]) => ref);
}

const refuse = (code: RefusalCode, detail?: string): PlanResult => ({ ok: false, refusal: refusal(code, detail) });

/** Builds one entry's plan: the steps, and a `place` helper that names and records each resource. */
class Builder {
  readonly steps: PlanStep[] = [];
  private readonly names: Names;
  private readonly design: Design;
  private readonly entry: PaletteEntry;
  private main: Extract<PlanStep, { op: 'create' }> | undefined;
  private readonly name: string | undefined;
  constructor(design: Design, entry: PaletteEntry, name: string | undefined) {
    this.design = design;
    this.entry = entry;
    this.name = name;
    this.names = new Names(design);
  }

  place(where: string, kind: ResourceKind, props: Record<string, unknown>): string {
    // What is placed beside the account's own resources (into a default subnet, say) is the player's: it goes in
    // the player's stack of that region, since the account's stack is no gesture's to add to (plan.ts).
    const account = this.design.stacks.find((s) => s.name === where && s.account);
    const stack = account ? this.stackIn(account.region) : where;
    // A name already taken is left to the create step to refuse (duplicate-logical-id), whole gesture and all.
    const logicalId = kind === this.entry.kind && !this.main && this.name !== undefined ? this.names.take(stack, this.name) : this.names.next(stack, kind);
    const step = { op: 'create' as const, stack, kind, logicalId, props };
    this.steps.push(step);
    if (kind === this.entry.kind && !this.main) this.main = step;
    return refFor(stack, logicalId);
  }

  /** The stack holding a region's resources, created in this plan when there is none yet. */
  stackIn(region: string): string {
    const found = this.design.stacks.find((s) => s.region === region && !s.account);
    if (found) return found.name;
    const created = this.steps.find((s): s is Extract<PlanStep, { op: 'createStack' }> => s.op === 'createStack' && s.region === region);
    if (created) return created.stack;
    let name = stackNameFor(region);
    for (let n = 2; this.design.stacks.some((s) => s.name === name); n++) name = `${stackNameFor(region)}-${n}`;
    this.steps.push({ op: 'createStack', stack: name, region });
    return name;
  }

  /** Global services are written in a us-east-1 stack, as CloudFront and Route 53 templates usually are. */
  globalStack(): string {
    const first = this.design.stacks.find((s) => !s.account);
    if (this.design.stacks.some((s) => s.region === 'us-east-1' && !s.account) || !first) return this.stackIn('us-east-1');
    return first.name;
  }

  /** The player's overrides, on the entry's main resource. */
  finish(settings: Record<string, unknown> | undefined): PlanResult {
    if (settings && this.main) this.main.props = { ...this.main.props, ...settings };
    return { ok: true, steps: this.steps };
  }
}

function targetHealthCheck(): Record<string, unknown> {
  return { ...targetHealthCheckDefaults('application'), path: DEFAULT_HEALTH_CHECK_PATH };
}

/** A new target group for a load balancer in a VPC (also the go-between a connection makes, connect.ts). */
export function targetGroupProps(vpc: string | undefined): Record<string, unknown> {
  return { protocol: 'HTTP', port: 80, ...(vpc ? { vpc } : {}), targets: [], healthCheck: targetHealthCheck(), algorithm: 'round_robin', stickiness: false };
}

function planPiecePart(design: Design, b: Builder, entry: PaletteEntry, piece: Resource, context: PlaceContext): PlanResult | undefined {
  const stack = stackOf(design, piece);
  const ref = refOf(design, piece);
  const p = piece.props as Record<string, unknown>;
  switch (entry.id) {
    case 'alarm': {
      const preset = ALARM_PRESETS[piece.kind];
      if (!preset) return refuse('cannot-place', `${entry.id} → ${piece.kind}`);
      b.place(stack, 'alarm', { ...preset, statistic: 'Average', subject: ref, periodS: 60, evaluationPeriods: 2, alarmActions: [], notifications: ['team-topic'] });
      return undefined;
    }
    case 'trackingPolicy':
      b.place(stack, 'scalingPolicy', { group: ref, policyType: 'TargetTrackingScaling', adjustment: 0, cooldownS: defaultCooldownS(), targetValue: 60 });
      return undefined;
    case 'alarmPolicy': {
      const policy = b.place(stack, 'scalingPolicy', { group: ref, policyType: 'SimpleScaling', adjustment: 2, cooldownS: 120 });
      const preset = ALARM_PRESETS.autoScalingGroup!;
      b.place(stack, 'alarm', { ...preset, statistic: 'Average', subject: ref, periodS: 60, evaluationPeriods: 2, alarmActions: [policy], notifications: [] });
      return undefined;
    }
    case 'scheduledAction': {
      // Half an hour from now, on a five-minute mark, two more instances than the group wants today.
      const atS = Math.min(context.durationS, Math.ceil((context.simS + 1800) / 300) * 300);
      const desired = Number(p.desired ?? 0) + 2;
      b.place(stack, 'scheduledAction', { group: ref, atS, desired, max: Math.max(Number(p.max ?? 0), desired) });
      return undefined;
    }
    case 'healthCheck': {
      const target = typeof p.target === 'number' ? design.resources[p.target] : undefined;
      const check = b.place(stack, 'healthCheck', { ...(target ? { target: refOf(design, target) } : {}), protocol: 'HTTP', ...dnsHealthCheckDefaults(), path: DEFAULT_HEALTH_CHECK_PATH });
      b.steps.push({ op: 'update', ref, props: { healthCheck: check } });
      return undefined;
    }
    case 'httpsListener': {
      const listener = design.resources.find((r) => r.kind === 'listener' && P(r).loadBalancer === piece.id);
      const group = (listener && P(listener).forward as { targetGroup: number }[] | undefined)?.[0]?.targetGroup;
      const network = p.lbType === 'network';
      b.place(stack, 'listener', {
        loadBalancer: ref,
        port: 443,
        protocol: network ? 'TLS' : 'HTTPS',
        forward: group !== undefined && design.resources[group] ? [{ targetGroup: refOf(design, design.resources[group]!), weight: 1 }] : [],
        certificate: 'arn:aws:acm:us-east-1:123456789012:certificate/five-nines',
      });
      return undefined;
    }
    case 'readReplica': {
      const zones = zonesOf(regionOf(design, piece));
      const zone = zones.find((z) => z !== p.zone) ?? zones[0] ?? String(p.zone ?? '');
      b.place(stack, 'database', { engine: String(p.engine ?? 'mysql'), instanceClass: String(p.instanceClass ?? DEFAULT_DB_CLASS), multiAz: false, source: ref, zone, storageGb: Number(p.storageGb ?? DEFAULT_DB_STORAGE_GB) });
      return undefined;
    }
  }
  return refuse('unknown-entry', entry.id);
}

/** The plan that places `gesture.entry` at `gesture.target`, or the refusal saying why it cannot go there. */
export function planPlace(design: Design, gesture: PlaceGesture, context: PlaceContext): PlanResult {
  const entry = entryOf(gesture.entry);
  if (!entry) return refuse('unknown-entry', gesture.entry.slice(0, 40));
  const target = gesture.target;
  const b = new Builder(design, entry, gesture.name);

  if (entry.where === 'piece') {
    const piece = target.piece === undefined ? undefined : findByRef(design, target.piece);
    if (!piece) return refuse('place-need-piece', target.piece);
    if (!entry.on?.includes(piece.kind)) return refuse('cannot-place', `${entry.id} → ${piece.kind}`);
    return planPiecePart(design, b, entry, piece, context) ?? b.finish(gesture.settings);
  }

  if (target.region !== undefined && !isRegion(target.region)) return refuse('place-need-region', target.region.slice(0, 40));
  const named = (ref: string | undefined, kind: ResourceKind): Resource | undefined => {
    const r = ref === undefined ? undefined : findByRef(design, ref);
    return r?.kind === kind ? r : undefined;
  };
  const subnetAt = named(target.subnet, 'subnet');
  if (target.subnet !== undefined && !subnetAt) return refuse('unknown-resource', target.subnet);
  const vpc = named(target.vpc, 'vpc') ?? (subnetAt ? design.resources[P(subnetAt).vpc as number] : undefined);
  if (target.vpc !== undefined && !vpc) return refuse('unknown-resource', target.vpc);
  if (target.zone !== undefined && vpc && !zonesOf(regionOf(design, vpc)).includes(target.zone)) return refuse('unknown-zone', target.zone);

  switch (entry.id) {
    case 'vpc': {
      if (!target.region) return refuse('place-need-region');
      const stack = b.stackIn(target.region);
      const cidr = freeVpcCidr(design);
      const vpcNew = b.place(stack, 'vpc', { cidr });
      const gateway = b.place(stack, 'internetGateway', {});
      b.place(stack, 'gatewayAttachment', { vpc: vpcNew, gateway });
      const table = b.place(stack, 'routeTable', { vpc: vpcNew });
      b.place(stack, 'route', { routeTable: table, destination: '0.0.0.0/0', gateway });
      const block = parseCidr(cidr)!;
      zonesOf(target.region).forEach((zone, i) => {
        const subnetCidr = formatCidr({ base: (block.base + (i + 1) * 256) >>> 0, prefix: 24 });
        b.place(stack, 'subnet', { vpc: vpcNew, zone, cidr: subnetCidr, mapPublicIp: true });
      });
      break;
    }
    case 'subnet': {
      if (!vpc || !target.zone) return refuse('place-need-vpc-zone');
      const cidr = freeSubnetCidr(design, vpc);
      if (!cidr) return refuse('place-vpc-full', vpc.logicalId);
      b.place(stackOf(design, vpc), 'subnet', { vpc: refOf(design, vpc), zone: target.zone, cidr, mapPublicIp: true });
      break;
    }
    case 'instance': {
      const subnet = subnetAt ?? (vpc ? ofKind(design, 'subnet').find((s) => P(s).vpc === vpc.id && P(s).zone === target.zone) : undefined);
      if (!subnet) return refuse('place-need-subnet');
      b.place(stackOf(design, subnet), 'instance', { instanceType: DEFAULT_INSTANCE_TYPE, subnet: refOf(design, subnet), securityGroups: [] });
      break;
    }
    case 'autoScalingGroup': {
      if (!vpc) return refuse('place-need-vpc');
      const subnets = subnetsPerZone(design, vpc, false);
      if (subnets.length === 0) return refuse('place-need-subnet');
      const stack = stackOf(design, vpc);
      const template = b.place(stack, 'launchTemplate', { instanceType: DEFAULT_INSTANCE_TYPE, securityGroups: [] });
      b.place(stack, 'autoScalingGroup', { launchTemplate: template, subnets, min: 2, max: 6, desired: 2, targetGroups: [], healthCheckType: 'ELB', cooldownS: defaultCooldownS() });
      break;
    }
    case 'loadBalancer': {
      if (!vpc) return refuse('place-need-vpc');
      const subnets = subnetsPerZone(design, vpc, true);
      if (subnets.length === 0) return refuse('place-need-subnet');
      const stack = stackOf(design, vpc);
      const lb = b.place(stack, 'loadBalancer', { lbType: 'application', scheme: 'internet-facing', subnets, crossZone: true, securityGroups: [] });
      const group = b.place(stack, 'targetGroup', targetGroupProps(refOf(design, vpc)));
      b.place(stack, 'listener', { loadBalancer: lb, port: 80, protocol: 'HTTP', forward: [{ targetGroup: group, weight: 1 }] });
      break;
    }
    case 'database': {
      if (!vpc) return refuse('place-need-vpc');
      const zone = target.zone ?? zonesOf(regionOf(design, vpc))[0]!;
      b.place(stackOf(design, vpc), 'database', { engine: 'mysql', instanceClass: DEFAULT_DB_CLASS, multiAz: false, zone, storageGb: DEFAULT_DB_STORAGE_GB });
      break;
    }
    case 'bucket':
    case 'transitGateway': {
      const region = target.region ?? (vpc ? regionOf(design, vpc) : undefined);
      if (!region) return refuse('place-need-region');
      b.place(b.stackIn(region), entry.kind, entry.id === 'bucket' ? { websiteHosting: true } : {});
      break;
    }
    case 'webAcl': {
      const region = target.global ? undefined : (target.region ?? (vpc ? regionOf(design, vpc) : undefined));
      b.place(region ? b.stackIn(region) : b.globalStack(), 'webAcl', { scope: region ? 'REGIONAL' : 'CLOUDFRONT', rateLimit: 2000, blockedAreas: [] });
      break;
    }
    case 'distribution':
      b.place(b.globalStack(), 'distribution', { origins: [], defaultTtlS: 86400, priceClass: 'PriceClass_100' });
      break;
    case 'recordSet':
      b.place(b.globalStack(), 'recordSet', { name: 'www.example.com', recordType: 'A', policy: 'simple', evaluateTargetHealth: true, ttlS: 60 });
      break;
    case 'accelerator': {
      const stack = b.globalStack();
      const accelerator = b.place(stack, 'accelerator', { enabled: true });
      b.place(stack, 'acceleratorListener', { accelerator, protocol: 'TCP', ports: [{ from: 80, to: 80 }] });
      break;
    }
    default:
      return refuse('unknown-entry', entry.id);
  }
  return b.finish(gesture.settings);
}
