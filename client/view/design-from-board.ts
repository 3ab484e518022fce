// A team's board turned back into the rules' own Design (ids instead of "stack/LogicalId" names), so the
// client can export a stack's CloudFormation template with the shared codec. Stack parameters and resources the board does not carry (unmodelled
// template parts) are not on the wire, so an export from here has none of them.
import type { Design, Resource } from '../../shared/design/model.ts';
import { mapReferences } from '../../shared/design/references.ts';
import type { TeamBoard } from '../net/snapshot.ts';

export function designFromBoard(board: TeamBoard): Design {
  const stacks = board.stacks.map((s) => ({ name: s.name, region: s.region, parameters: {} }));
  const ids = new Map(board.resources.map((r, i) => [r.ref, i]));
  const resources = board.resources.map((r, i) => {
    const stack = Math.max(0, stacks.findIndex((s) => s.name === r.stack));
    const props = mapReferences(r.kind, r.props, (ref) => (typeof ref === 'string' ? ids.get(ref) : undefined));
    const resource = { id: i, stack, logicalId: r.logicalId, kind: r.kind, props, ...(r.x !== 0 || r.y !== 0 ? { position: { x: r.x, y: r.y } } : {}) };
    return resource as unknown as Resource;
  });
  return { stacks, resources, unmodelled: [], actions: [] };
}
