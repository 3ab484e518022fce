// What dropping a dragged piece does, decided once: an instance dropped on another subnet moves there (its
// SubnetId, replaced as CloudFormation replaces it), a database dropped on another zone column moves there
// before the clock starts; anywhere else a piece is only rearranged within its own place on the board, and a
// drop that cannot change anything is refused with the reason, so the piece never snaps back in silence.
import { refusal, type Refusal } from '../../protocol/refusals.ts';
import type { PlaceTarget } from './palette.ts';
import { PALETTE } from './palette.ts';

/** The dragged piece as the board knows it. */
export interface DraggedPiece {
  kind: string;
  region: string;
  /** The subnet an instance runs in. */
  subnet?: string;
  /** The zone a database runs in. */
  zone?: string;
}

/** `change`: the settings the drop changes (a configure), or null when the piece is only rearranged (a move). */
export type DropPlan = { ok: true; change: { subnet: string } | { zone: string } | null } | { ok: false; refusal: Refusal };

export function planDrop(piece: DraggedPiece, target: PlaceTarget | null, phase: string): DropPlan {
  if (!target) return { ok: false, refusal: refusal('drop-off-board') };
  if (piece.kind === 'instance') {
    if (!target.subnet) return { ok: false, refusal: refusal('drop-need-subnet') };
    return { ok: true, change: target.subnet !== piece.subnet ? { subnet: target.subnet } : null };
  }
  if (piece.kind === 'database' && target.vpc && target.zone && target.zone !== piece.zone) {
    if (phase !== 'build') return { ok: false, refusal: refusal('drop-database-running') };
    return { ok: true, change: { zone: target.zone } };
  }
  // Everything else stays where its settings put it (the global band, its region, its VPC's zones).
  const home = PALETTE.find((p) => p.kind === piece.kind && p.where !== 'piece')?.where;
  const inHome = home === 'global' ? target.global === true : target.region === piece.region && !target.global;
  return inHome ? { ok: true, change: null } : { ok: false, refusal: refusal('drop-stays-home') };
}
