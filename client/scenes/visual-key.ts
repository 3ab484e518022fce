// What of the statuses the board actually shows, as one string: health, the ring's step, the words on each
// piece, and the particles and colour of each line. Two snapshots with the same key draw the same board.
import { ringFrame } from '../art/board-frames.ts';
import type { MatchViewState } from '../view/match-view.ts';
import { pieceSubtitle, ringOf } from './piece-labels.ts';
import { particlesFor } from './traffic-layer.ts';

export function visualKey(state: MatchViewState): string {
  const parts: string[] = [];
  for (const piece of state.model.pieces.values()) {
    const r = piece.resource;
    const ring = ringOf(r);
    parts.push(`${r.health}${ring ? ringFrame(ring.value, ring.cache) : ''}${pieceSubtitle(r)}`);
  }
  for (const line of state.model.lines) parts.push(`${line.health}${particlesFor(line.rps)}`);
  for (const ref of state.model.entries) parts.push(`${particlesFor(state.model.byRef.get(ref)?.rps ?? 0)}`);
  return parts.join(';');
}
