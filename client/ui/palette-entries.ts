// What the palette offers and how each entry becomes a `place` intent for a zone of the board.
import type { ResourceKind } from '../../shared/design/model.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import type { BoardComponent } from '../net/match-connection.ts';

export interface PaletteEntry {
  kind: ResourceKind;
  label: string;
  short: string;
  /** The intent that places one in `zone`, or a reason it cannot go there. */
  place(zone: string, board: readonly BoardComponent[]): MatchIntent | { reason: string };
}

export const PALETTE: readonly PaletteEntry[] = [
  {
    kind: 'instance',
    label: 'EC2 instance',
    short: 'EC2',
    place(zone, board) {
      const subnet = board.find((c) => c.kind === 'subnet' && c.zone === zone);
      if (!subnet) return { reason: `There is no subnet in ${zone} to launch an instance into.` };
      return { type: 'place', stack: subnet.stack, kind: 'instance', props: { instanceType: 't3.micro', subnet: subnet.ref, securityGroups: [] } };
    },
  },
  {
    kind: 'database',
    label: 'Database',
    short: 'RDS',
    place(zone, board) {
      const any = board.find((c) => c.kind === 'subnet' && c.zone === zone) ?? board[0];
      if (!any) return { reason: 'Your design has no stack to place a database in.' };
      return { type: 'place', stack: any.stack, kind: 'database', props: { engine: 'mysql', instanceClass: 'db.t3.medium', multiAz: false, zone, storageGb: 20 } };
    },
  },
];

/** Kinds the board draws inside a zone column. */
export const ZONE_KINDS: readonly ResourceKind[] = ['instance', 'autoScalingGroup', 'database', 'loadBalancer'];
