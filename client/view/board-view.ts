// The view-model: plain data the scenes and panels read, changed by the network layer and by the player's
// own selections. No Phaser, no Colyseus: it can be tested and reasoned about on its own.
import type { ResourceKind } from '../../shared/design/model.ts';
import type { BoardSnapshot } from '../net/match-connection.ts';

export interface BoardViewState {
  board: BoardSnapshot;
  /** The palette entry the player picked: the next click on a zone places one. */
  armed: ResourceKind | null;
  /** The component the player selected on the board (for removal). */
  selected: string | null;
}

type Listener = (state: BoardViewState) => void;

export class BoardView {
  private state: BoardViewState;
  private listeners = new Set<Listener>();

  constructor(board: BoardSnapshot) {
    this.state = { board, armed: null, selected: null };
  }

  get current(): BoardViewState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  setBoard(board: BoardSnapshot): void {
    const selected = board.components.some((c) => c.ref === this.state.selected) ? this.state.selected : null;
    this.update({ board, selected });
  }

  arm(kind: ResourceKind | null): void {
    this.update({ armed: this.state.armed === kind ? null : kind });
  }

  select(id: string | null): void {
    this.update({ selected: id });
  }

  private update(change: Partial<BoardViewState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l(this.state);
  }
}
