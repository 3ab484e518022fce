// Compiles the network: zones of subnets, which subnets are public, which VPCs can reach each other.
// A subnet is public when its route table sends 0.0.0.0/0 to an internet gateway attached to its VPC
// (shared/template's publicSubnets decides, so the board and the simulation agree).

import type { Design, Resource, ResourceOfKind } from '../../design/model.ts';
import { publicSubnets } from '../../template/public-subnets.ts';
import { regionIndex, zoneIndex } from '../constants.ts';
import type { NetworkTopology } from '../topology.ts';
import type { DesignWarning } from '../timeline-text.ts';

/** The live resources of a kind (not deleted at run time), in design order. */
export function liveOfKind<K extends Resource['kind']>(
  design: Design,
  removed: Uint8Array,
  kind: K,
): ResourceOfKind<K>[] {
  const out: ResourceOfKind<K>[] = [];
  for (const r of design.resources) if (r.kind === kind && removed[r.id] !== 1) out.push(r as ResourceOfKind<K>);
  return out;
}

/** A referenced resource if it exists, is live and has the expected kind. */
export function refOf<K extends Resource['kind']>(
  design: Design,
  removed: Uint8Array,
  id: number | undefined,
  kind: K,
): ResourceOfKind<K> | undefined {
  if (id === undefined || id < 0 || id >= design.resources.length || removed[id] === 1) return undefined;
  const r = design.resources[id]!;
  return r.kind === kind ? (r as ResourceOfKind<K>) : undefined;
}

export function compileNetwork(design: Design, removed: Uint8Array, warnings: DesignWarning[]): NetworkTopology {
  const n = design.resources.length;
  const subnetZone = new Int16Array(n).fill(-1);
  const subnetPublic = new Uint8Array(n);
  const vpcOf = new Int32Array(n).fill(-1);
  const resourceRegion = new Int16Array(n);
  for (const r of design.resources) {
    const stack = design.stacks[r.stack];
    const region = stack ? regionIndex(stack.region) : -1;
    resourceRegion[r.id] = region < 0 ? 0 : region;
  }

  const vpcs = liveOfKind(design, removed, 'vpc');
  const vpcResource = new Int32Array(vpcs.length);
  const vpcRegion = new Int16Array(vpcs.length);
  vpcs.forEach((v, i) => {
    vpcOf[v.id] = i;
    vpcResource[i] = v.id;
    vpcRegion[i] = resourceRegion[v.id]!;
  });

  for (const s of liveOfKind(design, removed, 'subnet')) {
    const vpc = refOf(design, removed, s.props.vpc, 'vpc');
    vpcOf[s.id] = vpc ? vpcOf[vpc.id]! : -1;
    const zone = zoneIndex(s.props.zone);
    if (zone < 0) warnings.push({ code: 'warnSubnetUnknownZone', values: { subnet: s.logicalId, zone: s.props.zone } });
    subnetZone[s.id] = zone;
  }

  // Public subnets by the loader's rule (one rule for the board, the exporter and the simulation); deleted
  // resources are hidden from it first.
  const visible: Design = removed.includes(1)
    ? { ...design, resources: design.resources.map((r) => (removed[r.id] === 1 ? ({ ...r, kind: 'deleted' } as unknown as Resource) : r)) }
    : design;
  for (const id of publicSubnets(visible)) if (removed[id] !== 1) subnetPublic[id] = 1;

  const vc = vpcs.length;
  const vpcLink = new Uint8Array(vc * vc);
  for (let i = 0; i < vc; i++) vpcLink[i * vc + i] = 1;
  const link = (a: number, b: number, kind: number) => {
    if (a < 0 || b < 0 || a === b) return;
    if (vpcLink[a * vc + b] === 0 || vpcLink[a * vc + b]! > kind) {
      vpcLink[a * vc + b] = kind;
      vpcLink[b * vc + a] = kind;
    }
  };
  for (const p of liveOfKind(design, removed, 'vpcPeering')) link(vpcOf[p.props.vpc] ?? -1, vpcOf[p.props.peerVpc] ?? -1, 2);
  const byGateway = new Map<number, number[]>();
  for (const a of liveOfKind(design, removed, 'transitGatewayAttachment')) {
    if (!refOf(design, removed, a.props.transitGateway, 'transitGateway')) continue;
    const v = vpcOf[a.props.vpc] ?? -1;
    if (v < 0) continue;
    const list = byGateway.get(a.props.transitGateway) ?? [];
    list.push(v);
    byGateway.set(a.props.transitGateway, list);
  }
  for (const list of byGateway.values()) for (const a of list) for (const b of list) link(a, b, 3);

  return { subnetZone, subnetPublic, vpcOf, vpcCount: vc, vpcResource, vpcRegion, vpcLink, resourceRegion };
}
