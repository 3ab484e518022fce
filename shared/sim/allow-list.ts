// A partner that allow-lists the entry point's addresses (scenario `allowList`). Its firewall lets its servers
// reach only the addresses it was given. An NLB keeps one static IP per enabled AZ (or the Elastic IPs mapped to
// it) for its life, and Global Accelerator gives two static anycast IPs: those never change. An ALB's node
// addresses change as AWS scales and replaces its nodes, CloudFront answers from many edge addresses, and an
// instance's auto-assigned public IP changes when it stops: once they change (addressesChangeAtS), the
// partner's requests to them fail. Decided per area when demand is routed (routing.ts), so it costs nothing
// per element.

import type { Scenario } from '../scenario/schema.ts';
import { AREA_COUNT, areaIndex, FRONT_LB, TO_ACCELERATOR, TO_FRONT } from './constants.ts';
import type { Topology } from './topology.ts';

export function planAllowList(scenario: Scenario): { allowListShare: Float64Array; addressesChangeAtS: number } {
  const allowListShare = new Float64Array(AREA_COUNT);
  const list = scenario.allowList;
  if (!list) return { allowListShare, addressesChangeAtS: Infinity };
  for (const area of list.areas) {
    const a = areaIndex(area);
    if (a >= 0) allowListShare[a] = list.share;
  }
  return { allowListShare, addressesChangeAtS: list.addressesChangeAtS };
}

/** 1 if the entry a request is sent to keeps its addresses (an NLB front, a Global Accelerator). */
export function hasFixedAddresses(topo: Topology, kind: number, index: number): number {
  if (kind === TO_ACCELERATOR) return 1;
  if (kind === TO_FRONT && index >= 0 && topo.frontKind[index] === FRONT_LB) return topo.lbNetwork[topo.frontRef[index]!] === 1 ? 1 : 0;
  return 0;
}
