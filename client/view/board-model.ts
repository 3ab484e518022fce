// What the board draws, derived from a team's board: which resources are pieces on the board and which are
// parts of another (a listener is part of its load balancer, a launch template of its Auto Scaling group),
// and the lines between pieces, each either carrying requests (drawn with moving traffic) or a control
// relation (dashed). Pure data, read by the scene, the panels and the unit tests.
import type { ResourceKind } from '../../shared/design/model.ts';
import { lineHealth, lineRps } from '../../shared/match/board-view.ts';
import type { BoardResource, Health, TeamBoard } from '../net/snapshot.ts';

/** Kinds drawn as pieces. Everything else is shown inside the piece it belongs to, or as a box (VPC, subnet). */
export const PIECE_KINDS: readonly ResourceKind[] = [
  'instance',
  'autoScalingGroup',
  'loadBalancer',
  'database',
  'bucket',
  'distribution',
  'recordSet',
  'accelerator',
  'webAcl',
  'transitGateway',
];

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

const refList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const refOne = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function isPiece(r: BoardResource): boolean {
  if (r.kind === 'webAcl') return true;
  return PIECE_KINDS.includes(r.kind);
}

/** Which piece a sub-resource belongs to, by the references between them. */
function owners(resources: readonly BoardResource[], byRef: Map<string, BoardResource>): Map<string, string> {
  const owner = new Map<string, string>();
  for (const r of resources) if (isPiece(r)) owner.set(r.ref, r.ref);
  const claim = (part: string | undefined, by: string | undefined): void => {
    if (part && by && byRef.has(part) && !owner.has(part) && owner.has(by)) owner.set(part, owner.get(by)!);
  };
  // Passes from the pieces outwards: listeners, then what listeners and groups hold, then the rest.
  for (let pass = 0; pass < 3; pass++) {
    for (const r of resources) {
      const p = r.props;
      switch (r.kind) {
        case 'listener':
          claim(r.ref, refOne(p.loadBalancer));
          for (const f of (p.forward as { targetGroup?: string }[] | undefined) ?? []) claim(f.targetGroup, r.ref);
          break;
        case 'listenerRule':
          claim(r.ref, refOne(p.listener));
          break;
        case 'autoScalingGroup':
          claim(refOne(p.launchTemplate), r.ref);
          for (const tg of refList(p.targetGroups)) if (pass === 2) claim(tg, r.ref);
          break;
        case 'scalingPolicy':
        case 'scheduledAction':
          claim(r.ref, refOne(p.group));
          break;
        case 'database':
          claim(refOne(p.subnetGroup), r.ref);
          break;
        case 'recordSet':
          claim(refOne(p.healthCheck), r.ref);
          break;
        case 'healthCheck':
          if (pass === 2) claim(r.ref, refOne(p.target));
          break;
        case 'acceleratorListener':
          claim(r.ref, refOne(p.accelerator));
          break;
        case 'endpointGroup':
          claim(r.ref, refOne(p.listener));
          break;
        case 'webAclAssociation':
          claim(r.ref, refOne(p.webAcl));
          break;
        case 'alarm':
          claim(r.ref, refOne(p.subject));
          if (pass === 2) for (const action of refList(p.alarmActions)) claim(r.ref, action);
          break;
      }
    }
  }
  return owner;
}

export function buildBoardModel(board: TeamBoard): BoardModel {
  const byRef = new Map(board.resources.map((r) => [r.ref, r]));
  const ownerOf = owners(board.resources, byRef);
  const pieces = new Map<string, BoardPiece>();
  for (const r of board.resources) if (isPiece(r)) pieces.set(r.ref, { ref: r.ref, kind: r.kind, resource: r, parts: [] });
  for (const r of board.resources) {
    const owner = ownerOf.get(r.ref);
    if (owner && owner !== r.ref) pieces.get(owner)?.parts.push(r);
  }

  const lines = new Map<string, BoardLine>();
  const add = (fromRef: string, toRef: string, meaning: string, traffic: boolean): void => {
    const from = ownerOf.get(fromRef);
    const to = ownerOf.get(toRef);
    if (!from || !to || from === to) return;
    const key = traffic ? `${from}>${to}` : [from, to].sort().join('~');
    const existing = lines.get(key) ?? lines.get(`${from}>${to}`) ?? lines.get(`${to}>${from}`);
    if (existing && (existing.traffic || !traffic)) return;
    if (existing && !existing.traffic) lines.delete([existing.from, existing.to].sort().join('~'));
    const a = byRef.get(from);
    const b = byRef.get(to);
    lines.set(key, { from, to, meaning, traffic, rps: traffic ? lineRps(a?.rps, b?.rps) : 0, health: lineHealth(a?.health, b?.health) });
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

  // Where users enter, as the rules compiled it (shared/match/board-flags.ts), drawn at the piece that shows it.
  const entries = [...new Set(board.resources.filter((r) => r.entry).map((r) => ownerOf.get(r.ref)).filter((ref): ref is string => !!ref && pieces.has(ref)))];
  return { pieces, ownerOf, lines: [...lines.values()], entries, byRef };
}

/** Zones that are dark (down alone or with their region), as the world's state has them. */
export function darkZones(board: TeamBoard): Set<string> {
  return new Set(board.darkZones);
}

/** The refs of the public subnets, as the rules flag them. */
export function publicSubnetRefs(board: TeamBoard): Set<string> {
  return new Set(board.resources.filter((r) => r.kind === 'subnet' && r.publicSubnet).map((r) => r.ref));
}
