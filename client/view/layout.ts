// Where everything sits on the board, by containment and nothing else: the global band above the regions;
// each region with its regional services, its three AZ columns, its VPCs across the columns, subnets in their
// VPC and zone, instances and databases in their subnet, load balancers and Auto Scaling groups spanning the
// zones they use. World coordinates, independent of the canvas: the camera pans and zooms over them.
import { REGIONS, zonesOf } from '../../shared/geography/regions.ts';
import type { BoardResource, TeamBoard } from '../net/snapshot.ts';
import { publicSubnetRefs, type BoardModel } from './board-model.ts';
import { homesOf } from './layout-homes.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ZoneColumn {
  zone: string;
  rect: Rect;
  dark: boolean;
}

export interface RegionBox {
  code: string;
  name: string;
  rect: Rect;
  zones: ZoneColumn[];
  /** The regional services row (buckets, Transit Gateways, regional WAF). */
  services: Rect;
  dark: boolean;
}

export interface VpcBox {
  ref: string;
  region: string;
  cidr: string;
  rect: Rect;
  /** The account's default VPC, not a stack's: drawn quietly, as AWS's console lists it. */
  account: boolean;
  /** A VPC a deleted stack left in the account (DeletionPolicy Retain): the account's too, and the player's to delete. */
  retained: boolean;
}

export interface SubnetBox {
  ref: string;
  vpc: string;
  zone: string;
  cidr: string;
  public: boolean;
  rect: Rect;
  dark: boolean;
}

/** A place a piece may be dropped or placed: a VPC's part of a zone column. */
export interface ZoneCell {
  vpc: string;
  region: string;
  zone: string;
  rect: Rect;
}

export interface PieceSpot {
  rect: Rect;
  /** Zones a spanning piece (load balancer, Auto Scaling group) covers, drawn as a bracket under it. */
  span?: Rect;
}

export interface BoardLayout {
  width: number;
  height: number;
  global: Rect;
  users: Rect;
  regions: RegionBox[];
  vpcs: VpcBox[];
  subnets: SubnetBox[];
  cells: ZoneCell[];
  pieces: Map<string, PieceSpot>;
}

export const CARD_W = 178;
export const CARD_H = 54;
const GAP = 12;
const PAD = 14;
const REGION_HEADER = 52;
const AZ_HEADER = 34;
const VPC_HEADER = 36;
const SUBNET_HEADER = 28;
const REGION_GAP = 80;
const GLOBAL_HEADER = 36;

const refOne = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const refList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Pieces sorted as the player arranged them: dragged ones by where they were dropped, then the rest by name. */
function ordered(list: BoardResource[]): BoardResource[] {
  const placed = (r: BoardResource) => r.x !== 0 || r.y !== 0;
  return [...list].sort((a, b) => {
    if (placed(a) !== placed(b)) return placed(a) ? -1 : 1;
    if (placed(a)) return a.y - b.y || a.x - b.x;
    return a.logicalId.localeCompare(b.logicalId, 'en', { numeric: true });
  });
}

function gridHeight(count: number, columns: number): number {
  if (count === 0) return 0;
  return Math.ceil(count / columns) * (CARD_H + GAP) - GAP;
}

/** The regions the board shows: every stack's, then any a resource names, else us-east-1. */
export function boardRegions(board: TeamBoard): string[] {
  const seen: string[] = [];
  for (const s of board.stacks) if (!seen.includes(s.region)) seen.push(s.region);
  for (const r of board.resources) if (r.region && !seen.includes(r.region)) seen.push(r.region);
  if (seen.length === 0) seen.push('us-east-1');
  return seen;
}

function zonesOfPiece(r: BoardResource, subnetZone: Map<string, string>): string[] {
  const listed = refList(r.props.subnets).map((s) => subnetZone.get(s)).filter((z): z is string => !!z);
  const direct = Array.isArray(r.props.zones) ? (r.props.zones as string[]) : [];
  return [...new Set([...listed, ...direct])];
}

export function layoutBoard(board: TeamBoard, model: BoardModel, darkZones: ReadonlySet<string> = new Set()): BoardLayout {
  const resources = board.resources;
  const subnetZone = new Map(resources.filter((r) => r.kind === 'subnet').map((r) => [r.ref, String(r.props.zone ?? r.zone)]));
  const subnetVpc = new Map(resources.filter((r) => r.kind === 'subnet').map((r) => [r.ref, refOne(r.props.vpc) ?? '']));
  const publicSubnets = publicSubnetRefs(board);
  const pieces = new Map<string, PieceSpot>();
  const pieceList = [...model.pieces.values()].map((p) => p.resource);

  const regions: RegionBox[] = [];
  const vpcs: VpcBox[] = [];
  const accountStacks = new Set(board.stacks.filter((s) => s.account).map((s) => s.name));
  const retainedStacks = new Set(board.stacks.filter((s) => s.retained).map((s) => s.name));
  const subnets: SubnetBox[] = [];
  const cells: ZoneCell[] = [];

  const { inSubnet, looseInCell, spanning, regional, globalPieces, vpcsOfRegion } = homesOf(resources, pieceList, subnetZone, subnetVpc);

  const regionCodes = boardRegions(board);
  // Cards per row inside a subnet: more for crowded regions, so a column stays readable when zoomed out.
  const columnsFor = (region: string): number => {
    let most = 0;
    for (const s of resources) if (s.kind === 'subnet' && s.region === region) most = Math.max(most, inSubnet.get(s.ref)?.length ?? 0);
    return Math.min(8, Math.max(2, Math.ceil(Math.sqrt(most / 2.5))));
  };

  // The global band first: its height is known, the regions go below it.
  const globalTop = 0;
  const globalRowY = globalTop + GLOBAL_HEADER;
  let y0 = 0;
  let x = 0;
  const regionBoxes: { code: string; x: number; w: number; columns: number }[] = [];
  for (const code of regionCodes) {
    const columns = columnsFor(code);
    const colInner = columns * CARD_W + (columns - 1) * GAP;
    const colW = colInner + 2 * PAD + 2 * PAD; // subnet padding inside the VPC's padding
    const w = 3 * colW + 2 * GAP + 2 * PAD;
    regionBoxes.push({ code, x, w, columns });
    x += w + REGION_GAP;
  }
  const regionsWidth = Math.max(0, x - REGION_GAP);
  const globalCount = globalPieces.length + 1;
  const perRow = Math.max(4, Math.floor((Math.max(regionsWidth, 900) - 2 * PAD + GAP) / (CARD_W + GAP * 3)));
  const globalRows = Math.ceil(globalCount / perRow);
  const globalH = GLOBAL_HEADER + globalRows * (CARD_H + GAP * 2) + PAD;
  const width = Math.max(regionsWidth, perRow * (CARD_W + GAP * 3) + 2 * PAD);
  const global: Rect = { x: 0, y: globalTop, w: width, h: globalH };
  const users: Rect = { x: PAD, y: globalRowY, w: CARD_W, h: CARD_H };
  ordered(globalPieces).forEach((r, i) => {
    const n = i + 1;
    const row = Math.floor(n / perRow);
    const col = n % perRow;
    pieces.set(r.ref, { rect: { x: PAD + col * (CARD_W + GAP * 3), y: globalRowY + row * (CARD_H + GAP * 2), w: CARD_W, h: CARD_H } });
  });
  y0 = globalH + 60;

  let height = y0;
  for (const box of regionBoxes) {
    const region = REGIONS.find((r) => r.code === box.code);
    const zoneNames = zonesOf(box.code);
    const colInner = box.columns * CARD_W + (box.columns - 1) * GAP;
    const colW = colInner + 4 * PAD;
    let y = y0 + REGION_HEADER;
    const services: Rect = { x: box.x + PAD, y, w: box.w - 2 * PAD, h: 0 };
    const regionalPieces = ordered(regional.get(box.code) ?? []);
    if (regionalPieces.length > 0) {
      const perLine = Math.max(1, Math.floor((services.w - 2 * PAD + GAP) / (CARD_W + GAP)));
      services.h = 30 + gridHeight(regionalPieces.length, perLine) + PAD;
      regionalPieces.forEach((r, i) => {
        const col = i % perLine;
        const row = Math.floor(i / perLine);
        pieces.set(r.ref, { rect: { x: services.x + PAD + col * (CARD_W + GAP), y: services.y + 30 + row * (CARD_H + GAP), w: CARD_W, h: CARD_H } });
      });
      y += services.h + GAP;
    }
    const columnsTop = y;
    y += AZ_HEADER;
    const colX = (i: number) => box.x + PAD + i * (colW + GAP);

    for (const vpc of ordered(vpcsOfRegion.get(box.code) ?? [])) {
      const vpcTop = y;
      y += VPC_HEADER;
      const spanFor = (r: BoardResource): { x: number; w: number } => {
        const zones = zonesOfPiece(r, subnetZone);
        const idx = zones.map((z) => zoneNames.indexOf(z)).filter((i) => i >= 0);
        const lo = idx.length ? Math.min(...idx) : 0;
        const hi = idx.length ? Math.max(...idx) : 2;
        return { x: colX(lo) + PAD, w: colX(hi) + colW - PAD - (colX(lo) + PAD) };
      };
      const lane = (r: BoardResource): void => {
        const span = spanFor(r);
        pieces.set(r.ref, {
          rect: { x: span.x + span.w / 2 - CARD_W / 2, y, w: CARD_W, h: CARD_H },
          span: { x: span.x, y: y + CARD_H + 4, w: span.w, h: 6 },
        });
        y += CARD_H + GAP + 10;
      };
      const entry = spanning.get(vpc.ref) ?? { lbs: [], asgs: [] };
      ordered(entry.lbs).forEach(lane);

      // The subnets, column by column; the tallest column sets the VPC's height.
      const top = y;
      let bottom = y;
      zoneNames.forEach((zone, i) => {
        let cy = top;
        const cellSubnets = ordered(resources.filter((r) => r.kind === 'subnet' && subnetVpc.get(r.ref) === vpc.ref && subnetZone.get(r.ref) === zone));
        for (const s of cellSubnets) {
          const inside = ordered(inSubnet.get(s.ref) ?? []);
          const h = SUBNET_HEADER + Math.max(CARD_H * 0.5, gridHeight(inside.length, box.columns)) + PAD;
          const rect = { x: colX(i) + PAD, y: cy, w: colW - 2 * PAD, h };
          subnets.push({ ref: s.ref, vpc: vpc.ref, zone, cidr: String(s.props.cidr ?? ''), public: publicSubnets.has(s.ref), rect, dark: darkZones.has(zone) });
          inside.forEach((r, n) => {
            const col = n % box.columns;
            const row = Math.floor(n / box.columns);
            pieces.set(r.ref, { rect: { x: rect.x + PAD + col * (CARD_W + GAP), y: cy + SUBNET_HEADER + row * (CARD_H + GAP), w: CARD_W, h: CARD_H } });
          });
          cy += h + GAP;
        }
        const loose = ordered(looseInCell.get(`${vpc.ref}|${zone}`) ?? []);
        loose.forEach((r, n) => {
          const col = n % box.columns;
          const row = Math.floor(n / box.columns);
          pieces.set(r.ref, { rect: { x: colX(i) + 2 * PAD + col * (CARD_W + GAP), y: cy + row * (CARD_H + GAP), w: CARD_W, h: CARD_H } });
        });
        if (loose.length) cy += gridHeight(loose.length, box.columns) + GAP;
        bottom = Math.max(bottom, cy, top + CARD_H + GAP);
      });
      y = bottom;
      ordered(entry.asgs).forEach(lane);
      y += PAD;
      const rect = { x: box.x + PAD / 2, y: vpcTop, w: box.w - PAD, h: y - vpcTop };
      vpcs.push({ ref: vpc.ref, region: box.code, cidr: String(vpc.props.cidr ?? ''), rect, account: accountStacks.has(vpc.stack), retained: retainedStacks.has(vpc.stack) });
      zoneNames.forEach((zone, i) => cells.push({ vpc: vpc.ref, region: box.code, zone, rect: { x: colX(i), y: vpcTop + VPC_HEADER, w: colW, h: y - vpcTop - VPC_HEADER } }));
      y += GAP * 2;
    }
    const bottom = Math.max(y + PAD * 2, columnsTop + AZ_HEADER + 220);
    const zones = zoneNames.map((zone, i) => ({ zone, rect: { x: colX(i), y: columnsTop, w: colW, h: bottom - columnsTop - PAD }, dark: darkZones.has(zone) }));
    regions.push({
      code: box.code,
      name: region?.name ?? box.code,
      rect: { x: box.x, y: y0, w: box.w, h: bottom - y0 },
      zones,
      services,
      // A region is dark when the world has it down (not merely when each of its zones is).
      dark: board.darkRegions.includes(box.code),
    });
    height = Math.max(height, bottom);
  }
  return { width, height: height + PAD, global, users, regions, vpcs, subnets, cells, pieces };
}

export function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}

/** The piece under a world point, if any. */
export function pieceAt(layout: BoardLayout, x: number, y: number): string | undefined {
  for (const [ref, spot] of layout.pieces) if (contains(spot.rect, x, y)) return ref;
  return undefined;
}

/**
 * The VPC or subnet whose frame is at a point: its label strip at the top (a click inside the frame's body lands
 * on a place to put things, or on a piece). A subnet's strip first: it lies inside its VPC's frame.
 */
export function frameAt(layout: BoardLayout, x: number, y: number): string | undefined {
  const strip = (r: { x: number; y: number; w: number; h: number }, height: number) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + height;
  return layout.subnets.find((s) => strip(s.rect, SUBNET_HEADER))?.ref ?? layout.vpcs.find((v) => strip(v.rect, VPC_HEADER))?.ref;
}
