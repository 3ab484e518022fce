// Which resources the board draws as pieces, and which piece every other resource is drawn inside: a listener
// inside its load balancer, a launch template inside its Auto Scaling group, an alarm inside what it watches.
// Read from the design's own references (ids), once per design, and carried to the client with each resource
// (`piece` on the wire and in the replay), so the board and the inspector group what the rules group.
import type { Design, ResourceId, ResourceKind } from '../design/model.ts';

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

const one = (value: unknown): ResourceId | undefined => (typeof value === 'number' ? value : undefined);
const list = (value: unknown): ResourceId[] => (Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : []);

/**
 * The piece each resource is drawn as, by resource id: itself for a piece, its owner's id for a part, undefined
 * for boxes (VPCs, subnets) and what belongs to no piece. Passes go from the pieces outwards (listeners, then
 * what listeners and groups hold, then the rest); a resource goes to the first piece that claims it.
 */
export function pieceOwners(design: Design): (ResourceId | undefined)[] {
  const resources = design.resources;
  const owner: (ResourceId | undefined)[] = resources.map((r) => (PIECE_KINDS.includes(r.kind) ? r.id : undefined));
  const claim = (part: ResourceId | undefined, by: ResourceId | undefined): void => {
    if (part === undefined || by === undefined || !resources[part] || owner[part] !== undefined || owner[by] === undefined) return;
    owner[part] = owner[by];
  };
  for (let pass = 0; pass < 3; pass++) {
    for (const r of resources) {
      const p = r.props as Record<string, unknown>;
      switch (r.kind) {
        case 'listener':
          claim(r.id, one(p.loadBalancer));
          for (const f of (p.forward as { targetGroup?: unknown }[] | undefined) ?? []) claim(one(f.targetGroup), r.id);
          break;
        case 'listenerRule':
          claim(r.id, one(p.listener));
          break;
        case 'autoScalingGroup':
          claim(one(p.launchTemplate), r.id);
          if (pass === 2) for (const tg of list(p.targetGroups)) claim(tg, r.id);
          break;
        case 'scalingPolicy':
        case 'scheduledAction':
          claim(r.id, one(p.group));
          break;
        case 'database':
          claim(one(p.subnetGroup), r.id);
          break;
        case 'recordSet':
          claim(one(p.healthCheck), r.id);
          break;
        case 'healthCheck':
          if (pass === 2) claim(r.id, one(p.target));
          break;
        case 'acceleratorListener':
          claim(r.id, one(p.accelerator));
          break;
        case 'endpointGroup':
          claim(r.id, one(p.listener));
          break;
        case 'webAclAssociation':
          claim(r.id, one(p.webAcl));
          break;
        case 'trail':
          // A trail is shown with the bucket it delivers its log files to.
          claim(r.id, one(p.bucket));
          break;
        case 'alarm':
          claim(r.id, one(p.subject));
          if (pass === 2) for (const action of list(p.alarmActions)) claim(r.id, action);
          break;
        default:
          break;
      }
    }
  }
  return owner;
}
