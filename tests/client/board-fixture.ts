// A team's board as the wire shows it, made from an example design the way server/wire/project.ts makes it:
// references as "stack/LogicalId", links for every pair the connection rules name, the rules' flags (public
// subnets, entry points) from the compiled design.
import { connectionMeaning } from '../../shared/design/connections.ts';
import { refOf } from '../../shared/design/edits.ts';
import type { Design } from '../../shared/design/model.ts';
import { mapReferences, referencesOf } from '../../shared/design/references.ts';
import { NO_COST, NO_DEBRIEF, type BoardResource, type TeamBoard } from '../../client/net/snapshot.ts';
import { pieceFlags } from '../../shared/match/board-flags.ts';
import { boardPieces } from '../../shared/match/board-view.ts';
import { compileTopology } from '../../shared/sim/compile/index.ts';
import { exampleDesign } from '../support/match-fixtures.ts';

export function boardOf(design: Design, status: Partial<Record<string, Partial<BoardResource>>> = {}): TeamBoard {
  const flags = pieceFlags(design, compileTopology(design, new Uint8Array(design.resources.length)));
  const pieces = boardPieces(design);
  const resources: BoardResource[] = design.resources.map((r, id) => {
    const ref = refOf(design, r);
    const props = mapReferences(r.kind, r.props, (id) => (typeof id === 'number' && design.resources[id] ? refOf(design, design.resources[id]!) : id));
    const zone = r.kind === 'subnet' ? r.props.zone : r.kind === 'instance' ? (design.resources[r.props.subnet] as { props: { zone?: string } } | undefined)?.props.zone ?? '' : r.kind === 'database' ? (r.props.zone ?? '') : '';
    return { ref, kind: r.kind, stack: design.stacks[r.stack]!.name, logicalId: r.logicalId, region: design.stacks[r.stack]!.region, zone, x: 0, y: 0, props, piece: pieces[id]!.piece, awsType: pieces[id]!.awsType, health: 'ok', load: 0, rps: 0, count: 1, alarmState: '', ...flags[id]!, ...status[ref] } as BoardResource;
  });
  const links = design.resources.flatMap((r) =>
    referencesOf(r).flatMap((id) => {
      const target = design.resources[id];
      const meaning = target ? connectionMeaning(r.kind, target.kind) : undefined;
      return target && meaning ? [{ from: refOf(design, r), to: refOf(design, target), meaning }] : [];
    }),
  );
  return { team: 'team-1', revision: 1, stacks: design.stacks.map((s) => ({ name: s.name, region: s.region, account: s.account === true, retained: s.retained === true })), snapshots: [], resources, links, series: [], metricKeys: [], timeline: [], inbox: [], topics: [], warnings: [], hints: [], cost: NO_COST, debrief: NO_DEBRIEF, darkZones: [], darkRegions: [] };
}

export function exampleBoard(name: string, status: Partial<Record<string, Partial<BoardResource>>> = {}): TeamBoard {
  return boardOf(exampleDesign(name), status);
}
