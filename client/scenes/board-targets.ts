// What is under a world point, as the board's input needs it: a piece, or a place to put one.
import type { BoardLayout } from '../view/layout.ts';
import { contains, frameAt, pieceAt } from '../view/layout.ts';
import type { PlaceTarget } from '../../shared/design/plans/palette.ts';

export function targetAt(layout: BoardLayout, x: number, y: number): PlaceTarget | null {
  if (contains(layout.global, x, y)) return { global: true };
  const subnet = layout.subnets.find((s) => contains(s.rect, x, y));
  const region = layout.regions.find((r) => contains(r.rect, x, y));
  if (subnet) return { subnet: subnet.ref, vpc: subnet.vpc, zone: subnet.zone, ...(region ? { region: region.code } : {}) };
  const cell = layout.cells.find((c) => contains(c.rect, x, y));
  if (cell) return { vpc: cell.vpc, zone: cell.zone, region: cell.region };
  const vpc = layout.vpcs.find((v) => contains(v.rect, x, y));
  if (vpc) return { vpc: vpc.ref, region: vpc.region };
  if (region) {
    const zone = region.zones.find((z) => contains(z.rect, x, y));
    return { region: region.code, ...(zone ? { zone: zone.zone } : {}) };
  }
  return null;
}

export { frameAt, pieceAt };
