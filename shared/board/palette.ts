// What the foundation board lets a player place into an availability zone. The full catalogue (prices,
// capacities) lives in shared/catalogue; this list is the palette's order and wording.
export const PALETTE = [
  { kind: 'instance', label: 'EC2 instance', short: 'EC2' },
  { kind: 'loadBalancer', label: 'Load balancer', short: 'ALB' },
  { kind: 'database', label: 'Database', short: 'RDS' },
] as const;

export type PaletteKind = (typeof PALETTE)[number]['kind'];

export const PALETTE_KINDS = PALETTE.map((p) => p.kind) as [PaletteKind, ...PaletteKind[]];

/** Most components one zone holds on the board: keeps the board readable and a room's state bounded. */
export const MAX_COMPONENTS_PER_ZONE = 12;
