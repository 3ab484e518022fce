import { Room, ServerError, type Client } from '@colyseus/core';
import { applyIntent, createBoard, type Board } from '../../shared/board/board.ts';
import { parseIntent } from '../../shared/protocol/intents.ts';
import { JOIN_REFUSED_MESSAGE, joinOptionsSchema } from '../../shared/protocol/join.ts';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import { refusal, type Refusal } from '../../shared/protocol/refusals.ts';
import { BoardState, newBoardState, projectAdded, projectPlayer, projectRemoved } from '../wire/board-state.ts';
import { newRoomCode } from './room-codes.ts';

/** Messages a client may send per second before Colyseus drops it: far above a human's pace. */
const MAX_MESSAGES_PER_SECOND = 30;
const MAX_PLAYERS = 8;

// The room is thin: it checks the shape of what arrives, hands it to the shared rules, and projects the result
// onto the wire state. It never trusts a client and never lets one bad message end a connection.
export class MatchRoom extends Room<{ state: BoardState }> {
  override maxClients = MAX_PLAYERS;
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  private board: Board = createBoard('us-east-1');
  private nicknames = new Map<string, string>();

  override async onCreate(options: unknown): Promise<void> {
    // Checked here as well as in onJoin, so a bad create request never leaves an empty room behind.
    if (!joinOptionsSchema.safeParse(options).success) throw new ServerError(400, JOIN_REFUSED_MESSAGE);
    this.roomId = await newRoomCode();
    this.setState(newBoardState(this.roomId, this.board));
    // No validator is given to onMessage: a failing validator would disconnect the sender. We answer instead.
    this.onMessage(MESSAGE.intent, (client, payload: unknown) => this.receiveIntent(client, payload));
    this.onMessage('*', (client, type) => this.refuse(client, refusal('unknown-message', String(type).slice(0, 40))));
  }

  override onJoin(client: Client, options: unknown): void {
    const parsed = joinOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ServerError(400, JOIN_REFUSED_MESSAGE);
    this.nicknames.set(client.sessionId, parsed.data.nickname);
    projectPlayer(this.state, client.sessionId, parsed.data.nickname, true);
  }

  override onLeave(client: Client): void {
    this.nicknames.delete(client.sessionId);
    this.state.players.delete(client.sessionId);
  }

  private receiveIntent(client: Client, payload: unknown): void {
    const parsed = parseIntent(payload);
    if (!parsed.ok) return this.refuse(client, parsed.refusal);
    const owner = this.nicknames.get(client.sessionId) ?? '?';
    const change = applyIntent(this.board, parsed.intent, owner);
    if (!change.ok) return this.refuse(client, change.refusal);
    if ('added' in change) projectAdded(this.state, change.added);
    else projectRemoved(this.state, change.removed);
  }

  private refuse(client: Client, why: Refusal): void {
    client.send(MESSAGE.refused, why);
  }
}
