// The board as a tree a keyboard and a screen reader can walk: the global band, each region with its zones, its
// VPCs (each VPC's zones, their subnets, the pieces in them) and its regional pieces. It is the same board the
// canvas draws, read from the same layout: a piece belongs where its card is drawn (the place under its card's
// centre, as a click there would find it), and every place is a target a placed piece can go to, as a click on
// that place of the canvas would send. Pure data, in reading order; the panel (client/ui/board-outline.ts) draws it.
import type { PlaceTarget } from '../../shared/design/plans/palette.ts';
import type { BoardModel } from './board-model.ts';
import type { BoardLayout } from './layout.ts';
import { targetAt } from '../scenes/board-targets.ts';

export type OutlineKind = 'global' | 'region' | 'vpc' | 'cell' | 'subnet' | 'piece';

export interface OutlineNode {
  /** Unique in the tree: the DOM id's suffix and the focus's memory across updates. */
  id: string;
  kind: OutlineKind;
  /** 1 for the global band and the regions. */
  level: number;
  /** The board resource it stands for (VPCs, subnets, pieces). */
  ref?: string;
  /** Where an armed palette entry goes when this node is chosen (every place; not pieces). */
  target?: PlaceTarget;
  /** Region code, zone name, CIDR: what the label shows beside the kind. */
  region?: string;
  zone?: string;
  cidr?: string;
  public?: boolean;
  dark?: boolean;
}

/** Where a piece's card is drawn: the place a click on its centre would find. */
function homeOf(layout: BoardLayout, ref: string): PlaceTarget | null {
  const spot = layout.pieces.get(ref);
  if (!spot) return null;
  const at = targetAt(layout, spot.rect.x + spot.rect.w / 2, spot.rect.y + spot.rect.h / 2);
  // A piece spanning zones (a load balancer, an Auto Scaling group) is the VPC's, whichever zone its card's centre is over.
  if (spot.span && at?.vpc) return { vpc: at.vpc, ...(at.region ? { region: at.region } : {}) };
  return at;
}

const homeKey = (t: PlaceTarget | null): string => {
  if (!t) return '';
  if (t.global) return 'global';
  if (t.subnet) return `subnet|${t.subnet}`;
  if (t.vpc && t.zone) return `cell|${t.vpc}|${t.zone}`;
  if (t.vpc) return `vpc|${t.vpc}`;
  if (t.region) return `region|${t.region}`;
  return '';
};

/** The board's tree in reading order: places, and the pieces drawn in each, nested as on the canvas. */
export function boardOutline(layout: BoardLayout, model: BoardModel): OutlineNode[] {
  const byHome = new Map<string, string[]>();
  // Cards in reading order (top to bottom, left to right), as the eye takes them.
  const cards = [...layout.pieces.entries()].sort(([, a], [, b]) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
  for (const [ref] of cards) {
    if (!model.pieces.has(ref)) continue;
    const key = homeKey(homeOf(layout, ref));
    byHome.set(key, [...(byHome.get(key) ?? []), ref]);
  }
  const out: OutlineNode[] = [];
  const pieces = (key: string, level: number) => {
    for (const ref of byHome.get(key) ?? []) out.push({ id: `piece:${ref}`, kind: 'piece', level, ref });
  };

  out.push({ id: 'global', kind: 'global', level: 1, target: { global: true } });
  pieces('global', 2);
  for (const region of layout.regions) {
    out.push({ id: `region:${region.code}`, kind: 'region', level: 1, region: region.code, target: { region: region.code }, dark: region.dark });
    pieces(`region|${region.code}`, 2);
    for (const vpc of layout.vpcs.filter((v) => v.region === region.code)) {
      out.push({ id: `vpc:${vpc.ref}`, kind: 'vpc', level: 2, ref: vpc.ref, cidr: vpc.cidr, region: region.code, target: { vpc: vpc.ref, region: region.code } });
      pieces(`vpc|${vpc.ref}`, 3);
      for (const zone of region.zones) {
        const cellKey = `cell|${vpc.ref}|${zone.zone}`;
        const subnets = layout.subnets.filter((s) => s.vpc === vpc.ref && s.zone === zone.zone);
        out.push({ id: `cell:${vpc.ref}:${zone.zone}`, kind: 'cell', level: 3, zone: zone.zone, region: region.code, dark: zone.dark, target: { vpc: vpc.ref, zone: zone.zone, region: region.code } });
        for (const s of subnets) {
          out.push({ id: `subnet:${s.ref}`, kind: 'subnet', level: 4, ref: s.ref, zone: s.zone, cidr: s.cidr, public: s.public, dark: s.dark, target: { subnet: s.ref, vpc: s.vpc, zone: s.zone, region: region.code } });
          pieces(`subnet|${s.ref}`, 5);
        }
        pieces(cellKey, 4);
      }
    }
  }
  return out;
}
