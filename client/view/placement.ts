// The palette: what a player can place, where it goes, and the intents that place it there with sensible
// first settings (the inspector changes them afterwards). Logical ids are chosen here, so the client knows
// the name of what it placed (for undo and for the intents that follow in the same gesture).
import { cidrContains, cidrOverlaps, formatCidr, parseCidr } from '../../shared/design/cidr.ts';
import type { ResourceKind } from '../../shared/design/model.ts';
import { isRegion, zonesOf } from '../../shared/geography/regions.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import type { BoardResource, TeamBoard } from '../net/snapshot.ts';

export type PlaceWhere = 'global' | 'region' | 'vpc' | 'subnet';

export interface PaletteEntry {
  id: string;
  /** The kind whose icon and create permission the entry stands for. */
  kind: ResourceKind;
  /** Every kind the entry creates (the palette is greyed out when any of them is not allowed). */
  creates: ResourceKind[];
  where: PlaceWhere;
}

export const PALETTE: readonly PaletteEntry[] = [
  { id: 'vpc', kind: 'vpc', creates: ['vpc', 'internetGateway', 'gatewayAttachment', 'routeTable', 'route', 'subnet'], where: 'region' },
  { id: 'subnet', kind: 'subnet', creates: ['subnet'], where: 'vpc' },
  { id: 'instance', kind: 'instance', creates: ['instance'], where: 'subnet' },
  { id: 'autoScalingGroup', kind: 'autoScalingGroup', creates: ['launchTemplate', 'autoScalingGroup'], where: 'vpc' },
  { id: 'loadBalancer', kind: 'loadBalancer', creates: ['loadBalancer', 'targetGroup', 'listener'], where: 'vpc' },
  { id: 'database', kind: 'database', creates: ['database'], where: 'vpc' },
  { id: 'bucket', kind: 'bucket', creates: ['bucket'], where: 'region' },
  { id: 'distribution', kind: 'distribution', creates: ['distribution'], where: 'global' },
  { id: 'recordSet', kind: 'recordSet', creates: ['recordSet'], where: 'global' },
  { id: 'accelerator', kind: 'accelerator', creates: ['accelerator', 'acceleratorListener'], where: 'global' },
  { id: 'webAcl', kind: 'webAcl', creates: ['webAcl'], where: 'global' },
  { id: 'transitGateway', kind: 'transitGateway', creates: ['transitGateway'], where: 'region' },
];

/** Where on the board a click landed, as far as placing is concerned. */
export interface PlaceTarget {
  region?: string;
  vpc?: string;
  zone?: string;
  subnet?: string;
  global?: boolean;
}

export type PlaceResult = { intents: MatchIntent[]; placed: string[] } | { reason: string; params?: Record<string, string> };

const refOne = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Hands out free logical ids for one gesture (several resources may be placed before the board shows any). */
export class LogicalIds {
  private taken: Set<string>;
  constructor(board: TeamBoard) {
    this.taken = new Set(board.resources.map((r) => r.ref));
  }
  next(stack: string, kind: ResourceKind): string {
    const stem = kind[0]!.toUpperCase() + kind.slice(1);
    for (let n = 1; ; n++) {
      const ref = `${stack}/${stem}${n}`;
      if (!this.taken.has(ref)) {
        this.taken.add(ref);
        return `${stem}${n}`;
      }
    }
  }
}

export function stackNameFor(region: string): string {
  return `main-${region}`;
}

/** The stack that holds a region's resources, and the intent that creates it when there is none yet. */
function stackIn(board: TeamBoard, region: string): { stack: string; create?: MatchIntent } {
  const found = board.stacks.find((s) => s.region === region);
  if (found || !isRegion(region)) return { stack: found?.name ?? board.stacks[0]?.name ?? stackNameFor(region) };
  const name = stackNameFor(region);
  return { stack: name, create: { type: 'createStack', stack: name, region } };
}

/** Global services are written in a us-east-1 stack, as CloudFront and Route 53 templates usually are. */
function globalStack(board: TeamBoard): { stack: string; create?: MatchIntent } {
  return board.stacks.find((s) => s.region === 'us-east-1') ? stackIn(board, 'us-east-1') : board.stacks[0] ? { stack: board.stacks[0].name } : stackIn(board, 'us-east-1');
}

function resourcesOf(board: TeamBoard, kind: ResourceKind): BoardResource[] {
  return board.resources.filter((r) => r.kind === kind);
}

/** A /16 for a new VPC that overlaps no other VPC of the team (peering needs distinct ranges). */
export function freeVpcCidr(board: TeamBoard): string {
  const used = resourcesOf(board, 'vpc').map((v) => parseCidr(String(v.props.cidr ?? ''))).filter((b) => b !== undefined);
  for (let n = 0; n < 256; n++) {
    const candidate = parseCidr(`10.${n}.0.0/16`)!;
    if (!used.some((u) => cidrOverlaps(u, candidate))) return formatCidr(candidate);
  }
  return '10.255.0.0/16';
}

/** The next /24 inside a VPC's range that no subnet of it uses. */
export function freeSubnetCidr(board: TeamBoard, vpcRef: string, extraTaken: string[] = []): string | undefined {
  const vpc = board.resources.find((r) => r.ref === vpcRef);
  const block = parseCidr(String(vpc?.props.cidr ?? ''));
  if (!block) return undefined;
  const used = [
    ...resourcesOf(board, 'subnet').filter((s) => s.props.vpc === vpcRef).map((s) => String(s.props.cidr ?? '')),
    ...extraTaken,
  ]
    .map((c) => parseCidr(c))
    .filter((b) => b !== undefined);
  const prefix = Math.max(block.prefix, 24);
  const size = 2 ** (32 - prefix);
  for (let base = block.base; base < block.base + 2 ** (32 - block.prefix); base += size) {
    const candidate = { base: base >>> 0, prefix };
    if (cidrContains(block, candidate) && !used.some((u) => cidrOverlaps(u, candidate))) return formatCidr(candidate);
  }
  return undefined;
}

/** One subnet per zone of a VPC (public ones first), as a load balancer or an Auto Scaling group spans them. */
export function subnetsPerZone(board: TeamBoard, vpcRef: string, publicRefs: ReadonlySet<string>, preferPublic: boolean): string[] {
  const subnets = resourcesOf(board, 'subnet').filter((s) => s.props.vpc === vpcRef);
  const byZone = new Map<string, string>();
  const sorted = [...subnets].sort((a, b) => Number(publicRefs.has(b.ref)) - Number(publicRefs.has(a.ref)));
  if (!preferPublic) sorted.reverse();
  for (const s of sorted) {
    const zone = String(s.props.zone ?? '');
    if (!byZone.has(zone)) byZone.set(zone, s.ref);
  }
  return [...byZone.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([, ref]) => ref);
}

export interface PlaceContext {
  board: TeamBoard;
  publicSubnets: ReadonlySet<string>;
}

/** The intents that place `entry` at `target`, or why it cannot go there (a translation key and its values). */
export function placeIntents(entry: PaletteEntry, target: PlaceTarget, ctx: PlaceContext): PlaceResult {
  const { board } = ctx;
  const ids = new LogicalIds(board);
  const intents: MatchIntent[] = [];
  const placed: string[] = [];
  const place = (stack: string, kind: ResourceKind, props: Record<string, unknown>): string => {
    const logicalId = ids.next(stack, kind);
    intents.push({ type: 'place', stack, kind, logicalId, props });
    placed.push(`${stack}/${logicalId}`);
    return `${stack}/${logicalId}`;
  };
  const inStack = (found: { stack: string; create?: MatchIntent }): string => {
    if (found.create) intents.push(found.create);
    return found.stack;
  };
  const vpcRef = target.vpc ?? (target.subnet ? refOne(board.resources.find((r) => r.ref === target.subnet)?.props.vpc) : undefined);
  const vpc = board.resources.find((r) => r.ref === vpcRef);

  switch (entry.id) {
    case 'vpc': {
      if (!target.region) return { reason: 'place.needRegion' };
      const stack = inStack(stackIn(board, target.region));
      const cidr = freeVpcCidr(board);
      const vpcNew = place(stack, 'vpc', { cidr });
      const gateway = place(stack, 'internetGateway', {});
      place(stack, 'gatewayAttachment', { vpc: vpcNew, gateway });
      const table = place(stack, 'routeTable', { vpc: vpcNew });
      place(stack, 'route', { routeTable: table, destination: '0.0.0.0/0', gateway });
      const block = parseCidr(cidr)!;
      zonesOf(target.region).forEach((zone, i) => {
        const subnetCidr = formatCidr({ base: (block.base + (i + 1) * 256) >>> 0, prefix: 24 });
        place(stack, 'subnet', { vpc: vpcNew, zone, cidr: subnetCidr, mapPublicIp: true });
      });
      return { intents, placed };
    }
    case 'subnet': {
      if (!vpc || !target.zone) return { reason: 'place.needVpcZone' };
      const cidr = freeSubnetCidr(board, vpc.ref);
      if (!cidr) return { reason: 'place.vpcFull', params: { vpc: vpc.logicalId } };
      place(vpc.stack, 'subnet', { vpc: vpc.ref, zone: target.zone, cidr, mapPublicIp: true });
      return { intents, placed };
    }
    case 'instance': {
      const subnet =
        target.subnet ??
        resourcesOf(board, 'subnet').find((s) => s.props.vpc === vpcRef && s.props.zone === target.zone)?.ref;
      const owner = board.resources.find((r) => r.ref === subnet);
      if (!subnet || !owner) return { reason: 'place.needSubnet' };
      place(owner.stack, 'instance', { instanceType: 't3.small', subnet, securityGroups: [] });
      return { intents, placed };
    }
    case 'autoScalingGroup': {
      if (!vpc) return { reason: 'place.needVpc' };
      const subnets = subnetsPerZone(board, vpc.ref, ctx.publicSubnets, false);
      if (subnets.length === 0) return { reason: 'place.needSubnet' };
      const template = place(vpc.stack, 'launchTemplate', { instanceType: 't3.small', securityGroups: [] });
      place(vpc.stack, 'autoScalingGroup', {
        launchTemplate: template,
        subnets,
        min: 2,
        max: 6,
        desired: 2,
        targetGroups: [],
        healthCheckType: 'ELB',
        cooldownS: 300,
      });
      return { intents, placed };
    }
    case 'loadBalancer': {
      if (!vpc) return { reason: 'place.needVpc' };
      const subnets = subnetsPerZone(board, vpc.ref, ctx.publicSubnets, true);
      if (subnets.length === 0) return { reason: 'place.needSubnet' };
      const lb = place(vpc.stack, 'loadBalancer', { lbType: 'application', scheme: 'internet-facing', subnets, crossZone: true, securityGroups: [] });
      const group = place(vpc.stack, 'targetGroup', {
        protocol: 'HTTP',
        port: 80,
        vpc: vpc.ref,
        targets: [],
        healthCheck: { intervalS: 30, healthyThreshold: 5, unhealthyThreshold: 2, path: '/' },
        algorithm: 'round_robin',
        stickiness: false,
      });
      place(vpc.stack, 'listener', { loadBalancer: lb, port: 80, protocol: 'HTTP', forward: [{ targetGroup: group, weight: 1 }] });
      return { intents, placed };
    }
    case 'database': {
      const zone = target.zone ?? zonesOf(vpc?.region ?? target.region ?? 'us-east-1')[0]!;
      const stack = vpc?.stack ?? inStack(stackIn(board, target.region ?? 'us-east-1'));
      if (!vpc) return { reason: 'place.needVpc' };
      place(stack, 'database', { engine: 'mysql', instanceClass: 'db.t3.medium', multiAz: false, zone, storageGb: 20 });
      return { intents, placed };
    }
    case 'bucket':
    case 'transitGateway': {
      const region = target.region ?? vpc?.region;
      if (!region) return { reason: 'place.needRegion' };
      const stack = inStack(stackIn(board, region));
      place(stack, entry.id, entry.id === 'bucket' ? { websiteHosting: true } : {});
      return { intents, placed };
    }
    case 'webAcl': {
      const regional = !target.global && !!(target.region ?? vpc?.region);
      const stack = inStack(regional ? stackIn(board, target.region ?? vpc!.region) : globalStack(board));
      place(stack, 'webAcl', { scope: regional ? 'REGIONAL' : 'CLOUDFRONT', rateLimit: 2000, blockedAreas: [] });
      return { intents, placed };
    }
    case 'distribution':
    case 'recordSet':
    case 'accelerator': {
      const stack = inStack(globalStack(board));
      if (entry.id === 'distribution') place(stack, 'distribution', { origins: [], defaultTtlS: 86400, priceClass: 'PriceClass_100' });
      if (entry.id === 'recordSet') place(stack, 'recordSet', { name: 'www.example.com', recordType: 'A', policy: 'simple', evaluateTargetHealth: true, ttlS: 60 });
      if (entry.id === 'accelerator') {
        const accelerator = place(stack, 'accelerator', { enabled: true });
        place(stack, 'acceleratorListener', { accelerator, protocol: 'TCP', ports: [{ from: 80, to: 80 }] });
      }
      return { intents, placed };
    }
  }
  return { reason: 'place.unknown' };
}

/** Whether a palette entry may go to a target at all (for the board's highlight while armed). */
export function acceptsTarget(entry: PaletteEntry, target: PlaceTarget): boolean {
  switch (entry.where) {
    case 'global':
      return !!target.global || entry.id === 'webAcl';
    case 'region':
      return !!target.region;
    case 'vpc':
      return !!target.vpc;
    case 'subnet':
      return !!target.subnet || (!!target.vpc && !!target.zone);
  }
}
