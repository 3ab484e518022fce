import type { ResourceKind } from '../model.ts';

// What a player can place in one gesture: the board's palette (dropped on a region, a VPC, a subnet or the
// global band) and the parts the inspector adds to a piece (an alarm, a scaling policy, a read replica, …).
// Each entry says which kinds it creates, so the palette greys out what the scenario or the player's policy
// forbids; what it builds, and with which first settings, is its plan in place.ts.

/** Where an entry is dropped: the global band, a region, a VPC, a subnet (or a VPC's zone), or a piece. */
export type PlaceWhere = 'global' | 'region' | 'vpc' | 'subnet' | 'piece';

export interface PaletteEntry {
  id: string;
  /** The kind whose icon and create permission the entry stands for. */
  kind: ResourceKind;
  /** Every kind the entry may create (it is greyed out when any of them is not allowed). */
  creates: readonly ResourceKind[];
  where: PlaceWhere;
  /** For parts: the kinds of piece they are added to. */
  on?: readonly ResourceKind[];
}

/** The board's palette, in the order of its buttons and shortcut keys. */
export const PALETTE: readonly PaletteEntry[] = [
  { id: 'vpc', kind: 'vpc', creates: ['vpc', 'internetGateway', 'gatewayAttachment', 'routeTable', 'route', 'subnet'], where: 'region' },
  { id: 'subnet', kind: 'subnet', creates: ['subnet'], where: 'vpc' },
  { id: 'instance', kind: 'instance', creates: ['instance'], where: 'subnet' },
  { id: 'autoScalingGroup', kind: 'autoScalingGroup', creates: ['launchTemplate', 'autoScalingGroup'], where: 'vpc' },
  { id: 'loadBalancer', kind: 'loadBalancer', creates: ['loadBalancer', 'targetGroup', 'listener'], where: 'vpc' },
  { id: 'database', kind: 'database', creates: ['database'], where: 'vpc' },
  { id: 'bucket', kind: 'bucket', creates: ['bucket'], where: 'region' },
  { id: 'distribution', kind: 'distribution', creates: ['distribution'], where: 'global' },
  { id: 'recordSet', kind: 'recordSet', creates: ['recordSet'], where: 'global' },
  { id: 'accelerator', kind: 'accelerator', creates: ['accelerator', 'acceleratorListener'], where: 'global' },
  { id: 'webAcl', kind: 'webAcl', creates: ['webAcl'], where: 'global' },
  { id: 'transitGateway', kind: 'transitGateway', creates: ['transitGateway'], where: 'region' },
];

/** Parts the inspector adds to a piece, each one gesture like a palette entry. */
export const PART_ENTRIES: readonly PaletteEntry[] = [
  { id: 'alarm', kind: 'alarm', creates: ['alarm'], where: 'piece', on: ['autoScalingGroup', 'instance', 'database', 'loadBalancer', 'distribution'] },
  { id: 'trackingPolicy', kind: 'scalingPolicy', creates: ['scalingPolicy'], where: 'piece', on: ['autoScalingGroup'] },
  { id: 'alarmPolicy', kind: 'scalingPolicy', creates: ['scalingPolicy', 'alarm'], where: 'piece', on: ['autoScalingGroup'] },
  { id: 'scheduledAction', kind: 'scheduledAction', creates: ['scheduledAction'], where: 'piece', on: ['autoScalingGroup'] },
  { id: 'healthCheck', kind: 'healthCheck', creates: ['healthCheck'], where: 'piece', on: ['recordSet'] },
  { id: 'httpsListener', kind: 'listener', creates: ['listener'], where: 'piece', on: ['loadBalancer'] },
  { id: 'readReplica', kind: 'database', creates: ['database'], where: 'piece', on: ['database'] },
];

export const ENTRY_IDS = [...PALETTE, ...PART_ENTRIES].map((e) => e.id);

export function entryOf(id: string): PaletteEntry | undefined {
  return PALETTE.find((e) => e.id === id) ?? PART_ENTRIES.find((e) => e.id === id);
}

/** Where a gesture drops an entry: "stack/LogicalId" names for the VPC, subnet and piece. */
export interface PlaceTarget {
  region?: string;
  vpc?: string;
  zone?: string;
  subnet?: string;
  global?: boolean;
  piece?: string;
}

/** Whether an entry may go to a target at all (the board highlights where it may while armed). */
export function acceptsTarget(entry: PaletteEntry, target: PlaceTarget): boolean {
  switch (entry.where) {
    case 'global':
      return !!target.global || entry.id === 'webAcl';
    case 'region':
      return !!target.region;
    case 'vpc':
      return !!target.vpc;
    case 'subnet':
      return !!target.subnet || (!!target.vpc && !!target.zone);
    case 'piece':
      return !!target.piece;
  }
}
