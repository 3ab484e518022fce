// The wire state: what Colyseus patches to clients. It is a projection of the shared board, written here
// only; no rule lives in these classes.
import { MapSchema, schema, t, type SchemaType } from '@colyseus/schema';
import type { Board, PlacedComponent } from '../../shared/board/board.ts';

export const WireComponent = schema(
  {
    id: t.string(),
    kind: t.string(),
    zone: t.string(),
    owner: t.string(),
  },
  'WireComponent',
);
export type WireComponent = SchemaType<typeof WireComponent>;

export const WirePlayer = schema(
  {
    nickname: t.string(),
    connected: t.boolean(),
  },
  'WirePlayer',
);
export type WirePlayer = SchemaType<typeof WirePlayer>;

export const BoardState = schema(
  {
    code: t.string(),
    region: t.string(),
    zones: t.array('string'),
    components: t.map(WireComponent),
    players: t.map(WirePlayer),
  },
  'BoardState',
);
export type BoardState = SchemaType<typeof BoardState>;

export function newBoardState(code: string, board: Board): BoardState {
  const state = new BoardState();
  state.code = code;
  state.region = board.region;
  state.zones.push(...board.zones);
  for (const c of board.components) projectAdded(state, c);
  return state;
}

export function projectAdded(state: BoardState, c: PlacedComponent): void {
  const wire = new WireComponent();
  wire.id = c.id;
  wire.kind = c.kind;
  wire.zone = c.zone;
  wire.owner = c.owner;
  state.components.set(c.id, wire);
}

export function projectRemoved(state: BoardState, c: PlacedComponent): void {
  state.components.delete(c.id);
}

export function projectPlayer(state: BoardState, sessionId: string, nickname: string, connected: boolean): void {
  const player = state.players.get(sessionId) ?? new WirePlayer();
  player.nickname = nickname;
  player.connected = connected;
  state.players.set(sessionId, player);
}

// MapSchema is re-exported so callers type their maps without importing the schema package themselves.
export { MapSchema };
