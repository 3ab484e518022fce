// Where each piece of the board lives, before any coordinate is worked out: in a subnet, loose in a VPC's zone
// cell (a database placed by zone), spanning zones of a VPC (load balancers, groups), in its region's services
// row, or in the global band.
import type { BoardResource } from '../net/snapshot.ts';
import { GLOBAL_KINDS } from './board-model.ts';

export interface Homes {
  inSubnet: Map<string, BoardResource[]>;
  looseInCell: Map<string, BoardResource[]>;
  spanning: Map<string, { lbs: BoardResource[]; asgs: BoardResource[] }>;
  regional: Map<string, BoardResource[]>;
  globalPieces: BoardResource[];
  vpcsOfRegion: Map<string, BoardResource[]>;
}

const refOne = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const refList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function homesOf(resources: readonly BoardResource[], pieceList: readonly BoardResource[], subnetZone: ReadonlyMap<string, string>, subnetVpc: ReadonlyMap<string, string>): Homes {
  const inSubnet = new Map<string, BoardResource[]>();
  const looseInCell = new Map<string, BoardResource[]>();
  const spanning = new Map<string, { lbs: BoardResource[]; asgs: BoardResource[] }>();
  const regional = new Map<string, BoardResource[]>();
  const globalPieces: BoardResource[] = [];
  const dbSubnets = new Map(resources.filter((r) => r.kind === 'dbSubnetGroup').map((r) => [r.ref, refList(r.props.subnets)]));
  const vpcsOfRegion = new Map<string, BoardResource[]>();
  for (const v of resources.filter((r) => r.kind === 'vpc')) vpcsOfRegion.set(v.region, [...(vpcsOfRegion.get(v.region) ?? []), v]);
  const firstVpc = (region: string) => vpcsOfRegion.get(region)?.[0]?.ref;

  for (const r of pieceList) {
    if (GLOBAL_KINDS.includes(r.kind) || (r.kind === 'webAcl' && r.props.scope !== 'REGIONAL')) {
      globalPieces.push(r);
      continue;
    }
    if (r.kind === 'instance') {
      const subnet = refOne(r.props.subnet);
      if (subnet && subnetZone.has(subnet)) {
        inSubnet.set(subnet, [...(inSubnet.get(subnet) ?? []), r]);
        continue;
      }
    }
    if (r.kind === 'database') {
      const zone = r.zone || refOne(r.props.zone) || '';
      const group = dbSubnets.get(refOne(r.props.subnetGroup) ?? '') ?? [];
      const vpcOfDb = (group[0] && subnetVpc.get(group[0])) || firstVpc(r.region);
      const subnet =
        group.find((s) => subnetZone.get(s) === zone) ??
        (group.length === 0 ? resources.find((s) => s.kind === 'subnet' && subnetVpc.get(s.ref) === vpcOfDb && subnetZone.get(s.ref) === zone)?.ref : undefined);
      if (subnet) {
        inSubnet.set(subnet, [...(inSubnet.get(subnet) ?? []), r]);
        continue;
      }
      const vpc = (group[0] && subnetVpc.get(group[0])) || firstVpc(r.region);
      if (vpc && zone) {
        const key = `${vpc}|${zone}`;
        looseInCell.set(key, [...(looseInCell.get(key) ?? []), r]);
        continue;
      }
    }
    if (r.kind === 'loadBalancer' || r.kind === 'autoScalingGroup') {
      const vpc = refList(r.props.subnets).map((s) => subnetVpc.get(s)).find(Boolean) ?? firstVpc(r.region);
      if (vpc) {
        const entry = spanning.get(vpc) ?? { lbs: [], asgs: [] };
        (r.kind === 'loadBalancer' ? entry.lbs : entry.asgs).push(r);
        spanning.set(vpc, entry);
        continue;
      }
    }
    regional.set(r.region, [...(regional.get(r.region) ?? []), r]);
  }

  return { inSubnet, looseInCell, spanning, regional, globalPieces, vpcsOfRegion };
}
