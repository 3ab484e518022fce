// Where AWS puts what a template does not place: an instance without a subnet, a classic ELB or Auto Scaling
// group given only zones, a security group without a VpcId all go to the region's default VPC. Without one
// (a scenario may have deleted it) AWS refuses them, and so does the board, with AWS's words.

import { defaultSubnetLogicalId } from '../account/default-vpc.ts';
import type { ResourceId } from '../design/model.ts';
import { regionOfZone, zonesOf } from '../geography/regions.ts';
import type { WriteContext } from './codec.ts';
import type { PropertyReader } from './property-reader.ts';

/** AWS's message when a resource needs the default VPC and the region has none. */
export const NO_DEFAULT_VPC = 'No default VPC for this user';

function accountStackOf(p: PropertyReader, what: string): number | undefined {
  const region = p.env.scope.region;
  const stack = p.env.accountStack(region);
  if (stack === undefined) {
    p.env.report('error', 'no-default-vpc', `${NO_DEFAULT_VPC}: ${what}, and ${region} has no default VPC`);
    p.env.unplaceable(`${what} and ${region} has no default VPC`);
  }
  return stack;
}

/** The default subnets of zones of the stack's region (the first zone when none is given), in the zones' order. */
export function defaultSubnetsOf(p: PropertyReader, zones: readonly string[] | undefined, what: string): ResourceId[] | undefined {
  const region = p.env.scope.region;
  const wanted = zones === undefined || zones.length === 0 ? zonesOf(region).slice(0, 1) : zones;
  const outside = wanted.find((zone) => regionOfZone(zone) !== region);
  if (outside !== undefined) {
    p.env.report('error', 'zone-not-in-region', `${what}: zone ${outside} is not a zone of the stack's region ${region}`);
    p.env.unplaceable(`zone ${outside} is not in ${region}`);
    return undefined;
  }
  const stack = accountStackOf(p, what);
  if (stack === undefined) return undefined;
  const ids: ResourceId[] = [];
  for (const zone of wanted) {
    const id = p.env.planned(stack, defaultSubnetLogicalId(zone))?.id;
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Whether the stack's region still has its default VPC (an error naming what needs it when not). */
export function requireDefaultVpc(p: PropertyReader, what: string): boolean {
  const region = p.env.scope.region;
  if (p.env.hasDefaultVpc(region)) return true;
  p.env.report('error', 'no-default-vpc', `${NO_DEFAULT_VPC}: ${what}, and ${region} has no default VPC`);
  p.env.unplaceable(`${what} and ${region} has no default VPC`);
  return false;
}

/**
 * True when `subnets` are exactly the default subnets of `zones` (what reading `zones` alone gives back), so
 * the exporter writes only the zones, as the template did.
 */
export function onlyDefaultSubnetsOf(w: WriteContext, subnets: readonly ResourceId[], zones: readonly string[] | undefined, key: string): boolean {
  // The template named the subnets itself (a parameter of the account's subnets): they are written as it did.
  if (w.written !== undefined && Object.hasOwn(w.written, key)) return false;
  if (zones === undefined || zones.length === 0 || subnets.length === 0) return false;
  const zonesOfSubnets = subnets.map((id) => {
    const r = w.resource(id);
    return r?.kind === 'subnet' && w.isAccountResource(id) ? r.props.zone : undefined;
  });
  const distinct = [...new Set(zones)];
  return zonesOfSubnets.length === distinct.length && zonesOfSubnets.every((z, i) => z === distinct[i]);
}
