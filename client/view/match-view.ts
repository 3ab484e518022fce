// The view-model: plain data the scenes and panels read, changed by the network layer and by the player's
// own choices (what is armed, selected, being connected, which console is open). No Phaser, no Colyseus.
import type { DesignNotice } from '../../shared/design/model.ts';
import type { MatchSnapshot } from '../net/snapshot.ts';
import { buildBoardModel, darkZones, type BoardModel } from './board-model.ts';
import { layoutBoard, type BoardLayout } from './layout.ts';

export type ConsoleId = 'cloudwatch' | 'cost' | 'trail' | 'vpc' | 'cloudformation' | 'iam' | 'sns' | 'timeline' | 'teams';

export interface FieldError {
  /** The field the refused intent came from ("ref:prop"), or "" for none. */
  field: string;
  message: string;
  at: number;
}

export interface MatchViewState {
  match: MatchSnapshot;
  model: BoardModel;
  layout: BoardLayout;
  /** Palette entry id armed: the next click on the board places one. */
  armed: string | null;
  selected: string | null;
  /** The first piece of a connection being drawn. */
  connectFrom: string | null;
  console: ConsoleId | null;
  /** The last refusal per field, shown beside it. */
  fieldErrors: Record<string, FieldError>;
  /** Palette entries the player's policy refused (learnt from AccessDenied answers). */
  denied: string[];
  /** Whether the player asked for the help card (keyboard shortcuts). */
  help: boolean;
  /** The loader's warnings after the player's last template deploy. */
  notices: DesignNotice[];
  /** The team whose board the host is looking at (classroom), or null for the player's own. */
  viewTeam: string | null;
}

type Listener = (state: MatchViewState, previous: MatchViewState) => void;

export class MatchView {
  private state: MatchViewState;
  private listeners = new Set<Listener>();
  private layoutKey = '';
  private incoming: MatchSnapshot;

  constructor(match: MatchSnapshot) {
    this.incoming = match;
    const model = buildBoardModel(match.board);
    this.layoutKey = layoutKeyOf(match, model);
    this.state = {
      match,
      model,
      layout: layoutBoard(match.board, model, darkZones(match.board)),
      armed: null,
      selected: null,
      connectFrom: null,
      console: null,
      fieldErrors: {},
      denied: [],
      help: false,
      notices: [],
      viewTeam: null,
    };
  }

  get current(): MatchViewState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state, this.state);
    return () => this.listeners.delete(listener);
  }

  setMatch(incoming: MatchSnapshot): void {
    this.incoming = incoming;
    const match = this.withViewedBoard(incoming, this.state.viewTeam);
    // A snapshot that changed nothing on the board (the clock moved) keeps the board's model and layout whole;
    // one that did remakes only what changed (see buildBoardModel).
    const sameBoard = match.board === this.state.match.board;
    const model = sameBoard ? this.state.model : buildBoardModel(match.board, this.state.model);
    const key = sameBoard ? this.layoutKey : layoutKeyOf(match, model);
    // The layout changes only with the design (its revision) or the zones that are dark: not with every status.
    const layout = key === this.layoutKey ? this.state.layout : layoutBoard(match.board, model, darkZones(match.board));
    this.layoutKey = key;
    const selected = this.state.selected && model.byRef.has(this.state.selected) ? this.state.selected : null;
    const connectFrom = this.state.connectFrom && model.pieces.has(this.state.connectFrom) ? this.state.connectFrom : null;
    this.update({ match, model, layout, selected, connectFrom });
  }

  /** The host looks at another team's board (every board is on the host's wire). */
  viewBoardOf(team: string | null): void {
    this.state = { ...this.state, viewTeam: team };
    this.setMatch(this.incoming);
  }

  private withViewedBoard(match: MatchSnapshot, team: string | null): MatchSnapshot {
    const board = team ? match.boards.find((b) => b.team === team) : undefined;
    return board && board !== match.board ? { ...match, board } : match;
  }

  arm(id: string | null): void {
    this.update({ armed: id === null || this.state.armed === id ? null : id, connectFrom: null });
  }

  select(ref: string | null): void {
    this.update({ selected: ref });
  }

  startConnect(ref: string | null): void {
    this.update({ connectFrom: ref, armed: null });
  }

  openConsole(id: ConsoleId | null): void {
    this.update({ console: this.state.console === id ? null : id });
  }

  toggleHelp(on?: boolean): void {
    this.update({ help: on ?? !this.state.help });
  }

  fieldError(field: string, message: string | null): void {
    const fieldErrors = { ...this.state.fieldErrors };
    if (message === null) delete fieldErrors[field];
    else fieldErrors[field] = { field, message, at: Date.now() };
    this.update({ fieldErrors });
  }

  /** Clears the refusals shown beside the board's resources' fields ("stack/LogicalId:prop"), the consoles' kept. */
  clearResourceFieldErrors(): void {
    const keys = Object.keys(this.state.fieldErrors).filter((k) => k.includes('/'));
    if (keys.length === 0) return;
    const fieldErrors = { ...this.state.fieldErrors };
    for (const k of keys) delete fieldErrors[k];
    this.update({ fieldErrors });
  }

  notice(notices: DesignNotice[]): void {
    this.update({ notices });
  }

  deny(entry: string): void {
    if (!this.state.denied.includes(entry)) this.update({ denied: [...this.state.denied, entry] });
  }

  private update(change: Partial<MatchViewState>): void {
    const previous = this.state;
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l(this.state, previous);
  }
}

function layoutKeyOf(match: MatchSnapshot, model: BoardModel): string {
  const board = match.board;
  const dark = [...darkZones(board)].sort().join(',');
  // Zones a database runs in move it on the board (a failover), so they are part of the key too.
  let dbZones = '';
  for (const p of model.pieces.values()) if (p.kind === 'database') dbZones += `${p.resource.zone},`;
  return `${board.team}|${board.revision}|${board.resources.length}|${dark}|${dbZones}`;
}
