// What the board draws, derived from a team's board: which resources are pieces on the board and which are
// parts of another (a listener is part of its load balancer, a launch template of its Auto Scaling group),
// and the lines between pieces, each either carrying requests (drawn with moving traffic) or a control
// relation (dashed). Pure data, read by the scene, the panels and the unit tests.
import type { ResourceKind } from '../../shared/design/model.ts';
import { lineHealth, lineRps } from '../../shared/match/board-view.ts';
import type { BoardLink, BoardResource, Health, TeamBoard } from '../net/snapshot.ts';

/** Pieces that live above the regions, in the global band. */
export const GLOBAL_KINDS: readonly ResourceKind[] = ['distribution', 'recordSet', 'accelerator'];

/** Meanings of connections that carry user requests, and whether the requests flow against the reference. */
const TRAFFIC: Record<string, 'forward' | 'reverse'> = {
  'resolves to': 'forward',
  'fetches from': 'forward',
  'forwards to': 'forward',
  'routes to': 'forward',
  accelerates: 'forward',
  'registers its instances with': 'reverse',
};

export interface BoardPiece {
  ref: string;
  kind: ResourceKind;
  resource: BoardResource;
  /** Sub-resources shown inside this piece's inspector (listeners, target groups, policies, alarms, …). */
  parts: BoardResource[];
}

export interface BoardLine {
  /** Requests flow from `from` to `to`; control lines keep the reference's direction. */
  from: string;
  to: string;
  meaning: string;
  traffic: boolean;
  /** Requests per second drawn along it (0 for control lines). */
  rps: number;
  health: Health;
}

export interface BoardModel {
  pieces: Map<string, BoardPiece>;
  /** The piece each resource is drawn as (itself, its owner), or undefined for boxes and hidden ones. */
  ownerOf: Map<string, string>;
  lines: BoardLine[];
  /** Pieces users reach first: drawn with a line from the users' globe. */
  entries: string[];
  byRef: Map<string, BoardResource>;
}

const refOne = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A piece on the board, as the rules group the design (shared/match/board-parts.ts): it is drawn as itself. */
export function isPiece(r: BoardResource): boolean {
  return r.piece === r.ref;
}

/** The piece each resource is drawn as, as the rules decided it and the wire or the replay carried it. */
function owners(resources: readonly BoardResource[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const r of resources) if (r.piece) owner.set(r.ref, r.piece);
  return owner;
}

/**
 * What of the model the design alone decides (which resources are pieces, whose parts are whose, which lines
 * join what), with what it was made from: it is made again only when a resource's ref, kind or props, or the
 * links, change; a patch of statuses reuses it.
 */
interface Skeleton {
  resources: readonly BoardResource[];
  links: readonly BoardLink[];
  ownerOf: Map<string, string>;
  /** Each piece's ref and the positions of its parts in `resources`. */
  pieces: { ref: string; kind: ResourceKind; parts: number[] }[];
  lines: { from: string; to: string; meaning: string; traffic: boolean }[];
}

const skeletons = new WeakMap<BoardModel, Skeleton>();

function sameDesign(skeleton: Skeleton, board: TeamBoard): boolean {
  if (skeleton.links !== board.links || skeleton.resources.length !== board.resources.length) return false;
  for (let i = 0; i < board.resources.length; i++) {
    const now = board.resources[i]!;
    const then = skeleton.resources[i]!;
    if (now !== then && (now.ref !== then.ref || now.kind !== then.kind || now.props !== then.props || now.piece !== then.piece)) return false;
  }
  return true;
}

function skeletonOf(board: TeamBoard): Skeleton {
  const ownerOf = owners(board.resources);
  const pieces = new Map<string, Skeleton['pieces'][number]>();
  for (const r of board.resources) if (isPiece(r)) pieces.set(r.ref, { ref: r.ref, kind: r.kind, parts: [] });
  board.resources.forEach((r, i) => {
    const owner = ownerOf.get(r.ref);
    if (owner && owner !== r.ref) pieces.get(owner)?.parts.push(i);
  });

  const lines = new Map<string, Skeleton['lines'][number]>();
  const add = (fromRef: string, toRef: string, meaning: string, traffic: boolean): void => {
    const from = ownerOf.get(fromRef);
    const to = ownerOf.get(toRef);
    if (!from || !to || from === to) return;
    const key = traffic ? `${from}>${to}` : [from, to].sort().join('~');
    const existing = lines.get(key) ?? lines.get(`${from}>${to}`) ?? lines.get(`${to}>${from}`);
    if (existing && (existing.traffic || !traffic)) return;
    if (existing && !existing.traffic) lines.delete([existing.from, existing.to].sort().join('~'));
    lines.set(key, { from, to, meaning, traffic });
  };
  for (const link of board.links) {
    const direction = TRAFFIC[link.meaning];
    if (direction === 'forward') add(link.from, link.to, link.meaning, true);
    else if (direction === 'reverse') add(link.to, link.from, link.meaning, true);
  }
  for (const link of board.links) if (!TRAFFIC[link.meaning]) add(link.from, link.to, link.meaning, false);
  // Relations the wire names through a resource of their own: WAF associations, peerings, TGW attachments.
  for (const r of board.resources) {
    if (r.kind === 'webAclAssociation') add(refOne(r.props.webAcl) ?? '', refOne(r.props.resource) ?? '', 'protects', false);
    if (r.kind === 'transitGatewayAttachment') add(refOne(r.props.transitGateway) ?? '', refOne(r.props.vpc) ?? '', 'attaches', false);
  }

  return { resources: board.resources, links: board.links, ownerOf, pieces: [...pieces.values()], lines: [...lines.values()] };
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The board model. Given the model of the same team's previous snapshot, it remakes only what changed: the
 * design's skeleton when the design changed, and a piece, line or list only when what it shows did (an
 * unchanged one is the previous object, so the scene redraws by identity).
 */
export function buildBoardModel(board: TeamBoard, previous?: BoardModel): BoardModel {
  const last = previous ? skeletons.get(previous) : undefined;
  const skeleton = last && sameDesign(last, board) ? last : skeletonOf(board);
  const resources = board.resources;
  const byRef = previous && last === skeleton && sameList(last.resources, resources) ? previous.byRef : new Map(resources.map((r) => [r.ref, r]));
  if (skeleton.resources !== resources) skeleton.resources = resources;

  const pieces = new Map<string, BoardPiece>();
  for (const p of skeleton.pieces) {
    const resource = byRef.get(p.ref)!;
    const before = previous?.pieces.get(p.ref);
    if (before && before.resource === resource && before.parts.length === p.parts.length && p.parts.every((i, k) => before.parts[k] === resources[i])) {
      pieces.set(p.ref, before);
    } else pieces.set(p.ref, { ref: p.ref, kind: p.kind, resource, parts: p.parts.map((i) => resources[i]!) });
  }

  const lines = skeleton.lines.map((l, i): BoardLine => {
    const a = byRef.get(l.from);
    const b = byRef.get(l.to);
    const rps = l.traffic ? lineRps(a?.rps, b?.rps) : 0;
    const health = lineHealth(a?.health, b?.health);
    const before = previous?.lines[i];
    return before && before.from === l.from && before.to === l.to && before.meaning === l.meaning && before.traffic === l.traffic && before.rps === rps && before.health === health
      ? before
      : { ...l, rps, health };
  });
  // Where users enter, as the rules compiled it (shared/match/board-flags.ts), drawn at the piece that shows it.
  const entries = [...new Set(resources.filter((r) => r.entry).map((r) => skeleton.ownerOf.get(r.ref)).filter((ref): ref is string => !!ref && pieces.has(ref)))];
  const model: BoardModel = {
    pieces,
    ownerOf: skeleton.ownerOf,
    lines: previous && sameList(previous.lines, lines) ? previous.lines : lines,
    entries: previous && sameList(previous.entries, entries) ? previous.entries : entries,
    byRef,
  };
  skeletons.set(model, skeleton);
  return model;
}

/** Zones that are dark (down alone or with their region), as the world's state has them. */
export function darkZones(board: TeamBoard): Set<string> {
  return new Set(board.darkZones);
}

/** The refs of the public subnets, as the rules flag them. */
export function publicSubnetRefs(board: TeamBoard): Set<string> {
  return new Set(board.resources.filter((r) => r.kind === 'subnet' && r.publicSubnet).map((r) => r.ref));
}
