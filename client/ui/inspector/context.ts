import type { MatchIntent } from '../../../shared/match/intents.ts';
import type { BoardResource } from '../../net/snapshot.ts';
import type { BoardPiece } from '../../view/board-model.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

/** What every inspector section reads: the selected piece, the whole view and the player's actions. */
export interface InspectorContext {
  state: MatchViewState;
  actions: PlayerActions;
  piece: BoardPiece;
  r: BoardResource;
  running: boolean;
  /** The refusal shown beside `prop` of `ref` (the piece itself by default). */
  error(prop: string, ref?: string): string | undefined;
  set(prop: string, value: unknown, ref?: string): void;
  /** A run-time action (scale, resize): one intent, not a design change, so nothing to undo. */
  send(intent: MatchIntent, field?: string): void;
  id(prop: string, ref?: string): string;
}

export function contextFor(state: MatchViewState, actions: PlayerActions, piece: BoardPiece): InspectorContext {
  const r = piece.resource;
  return {
    state,
    actions,
    piece,
    r,
    running: state.match.phase === 'running' || state.match.phase === 'paused',
    error: (prop, ref = r.ref) => state.fieldErrors[`${ref}:${prop}`]?.message,
    set: (prop, value, ref = r.ref) => actions.configure(ref, { [prop]: value }, prop),
    send: (intent, field) => actions.send(intent, field ? { field: `${r.ref}:${field}` } : {}),
    id: (prop, ref = r.ref) => `f-${ref.replace(/[^A-Za-z0-9]/g, '-')}-${prop}`,
  };
}

export const refOne = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const refList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
export const num = (value: unknown, fallback = 0): number => (typeof value === 'number' ? value : fallback);
