// The on-premises office (scenario `office`): its staff use the teams' applications at their private addresses,
// so each request travels from the office's range over a Site-to-Site VPN to an instance and back. The way is
// decided once per topology by the VPC routes (compile/vpc-routes.ts `fromOffice`): over a VPN into the VPC's
// virtual private gateway (that VPC only), or through a Transit Gateway (every attached VPC whose route table
// sends the office's range to it). The office's requests are spread evenly over the running instances; those
// that land on an instance no VPN route reaches fail, the rest take the office's internet round trip to the
// region plus the tunnel's overhead (catalogue.vpn), and through a Transit Gateway pay its per-GB processing.
// Worlds whose scenario has no office never call any of this.

import { catalogue } from '../catalogue/index.ts';
import { AREA_TO_REGION_RTT_MS, AREAS, REGIONS } from '../geography/regions.ts';
import { book, S_TRANSIT_GATEWAY } from './bill.ts';
import { buildRouter, OFFICE_VIA_TGW } from './compile/vpc-routes.ts';
import { refOf } from './compile/network.ts';
import { RUNNING, STEP_SECONDS, ZONES_PER_REGION } from './constants.ts';
import { bucketOf } from './latency.ts';
import { C_FAILED, C_OFFERED, C_SERVED, M_TRANSFER } from './scratch.ts';
import type { Topology } from './topology.ts';
import type { World } from './world.ts';
import { note } from './world.ts';

const TGW_PER_GB = catalogue.transitGateway.perGbUsd.value;
const REQUEST_GB = (catalogue.requests.readResponseKb.value + catalogue.requests.readResponseKb.value) / 1e6;

interface OfficeRoutes {
  /** Per instance slot and zone of its region: 0 unreachable, 4 VPN into its VPC, 5 VPN through a Transit Gateway. */
  kinds: Uint8Array;
  /** A slot's resource label and the route table that could not send the answer, for the timeline. */
  dropped?: { instance: string; table: string; destination: string };
}

const cache = new WeakMap<Topology, OfficeRoutes>();

/** The office's way to every instance slot of a topology (once per topology: nothing per step). */
export function officeRoutes(world: World): OfficeRoutes {
  const topo = world.topo;
  const known = cache.get(topo);
  if (known) return known;
  const office = world.plan.office!;
  const design = topo.design;
  const removed = topo.removed;
  const router = buildRouter(design, removed, topo);
  const kinds = new Uint8Array(topo.instCount * ZONES_PER_REGION);
  let dropped: OfficeRoutes['dropped'];
  for (let slot = 0; slot < topo.instCount; slot++) {
    const resource = topo.instResource[slot]!;
    const group = refOf(design, removed, resource, 'autoScalingGroup');
    const instance = refOf(design, removed, resource, 'instance');
    const subnets = (group ? group.props.subnets : instance ? [instance.props.subnet] : []).filter((s) => refOf(design, removed, s, 'subnet'));
    for (const s of subnets) {
      const z = (topo.subnetZone[s] ?? 0) % ZONES_PER_REGION;
      if (kinds[slot * ZONES_PER_REGION + z] !== 0) continue;
      const verdict = router.fromOffice(office.block, s);
      kinds[slot * ZONES_PER_REGION + z] = verdict.kind;
      if (verdict.kind === 0 && !dropped) dropped = { instance: topo.labels[resource]!, table: verdict.table !== undefined && verdict.table >= 0 ? topo.labels[verdict.table]! : '-', destination: verdict.destination ?? '?' };
    }
  }
  const out: OfficeRoutes = dropped ? { kinds, dropped } : { kinds };
  cache.set(topo, out);
  return out;
}

/** Serves the office's requests of this step (after the users' requests, before measuring). */
export function serveOffice(world: World): void {
  const office = world.plan.office!;
  const topo = world.topo;
  const s = world.state;
  const sc = world.scratch;
  const fresh = !cache.has(topo);
  const routes = officeRoutes(world);
  // Said once per design (a new topology), not every step.
  if (fresh && routes.dropped) note(world, 'officeUnreachable', routes.dropped);
  let running = 0;
  for (let i = 0; i < topo.instCount; i++) if (s.instState[i] === RUNNING) running++;
  const counts = sc.stepCounts;
  counts[C_OFFERED] = counts[C_OFFERED]! + office.rps;
  if (running === 0) {
    counts[C_FAILED] = counts[C_FAILED]! + office.rps;
    return;
  }
  const per = office.rps / running;
  const rtt = AREA_TO_REGION_RTT_MS[AREAS[office.area]!.code as keyof typeof AREA_TO_REGION_RTT_MS];
  const overMs = catalogue.vpn.overInternetMs.value + catalogue.vpn.officeRequestMs.value;
  let failed = 0;
  for (let i = 0; i < topo.instCount; i++) {
    if (s.instState[i] !== RUNNING) continue;
    const zone = s.instZone[i]!;
    const kind = routes.kinds[i * ZONES_PER_REGION + (zone < 0 ? 0 : zone % ZONES_PER_REGION)]!;
    if (kind === 0) {
      failed += per;
      continue;
    }
    const region = topo.instRegion[i]!;
    const ms = (rtt[REGIONS[region]!.code as keyof typeof rtt] ?? 100) + overMs;
    const b = bucketOf(ms);
    sc.stepHist[b] = sc.stepHist[b]! + per;
    if (kind === OFFICE_VIA_TGW) {
      const usd = per * REQUEST_GB * TGW_PER_GB * STEP_SECONDS;
      sc.stepCost[M_TRANSFER] = sc.stepCost[M_TRANSFER]! + usd;
      book(sc, M_TRANSFER, S_TRANSIT_GATEWAY, region, usd); // a region index is its bill slot
    }
  }
  counts[C_SERVED] = counts[C_SERVED]! + office.rps - failed;
  counts[C_FAILED] = counts[C_FAILED]! + failed;
}
