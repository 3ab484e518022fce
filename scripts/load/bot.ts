// One simulated player: joins (or creates) a room, then keeps building as a player does, one gesture at a
// time: places a bucket from the palette, waits to see it on the board, undoes it, and so on, timing each
// gesture's round trip (sent → visible in the state).
import { Client, type Room } from '@colyseus/sdk';
import { MATCH_ROOM, MESSAGE } from '../../shared/protocol/messages.ts';

export interface BotStats {
  joinMs?: number;
  roundTripsMs: number[];
  errors: string[];
  /** Flow log pages answered (watchFlowLog). */
  flowPages: number;
}

/** The decoded state as far as a bot reads it: its boards' resources (Colyseus MapSchemas). */
interface DecodedBoards {
  boards?: { forEach(each: (board: { resources?: { forEach(each: (r: { kind: string }, ref: string) => void): void } }) => void): void };
}

export class Bot {
  readonly stats: BotStats = { roundTripsMs: [], errors: [], flowPages: 0 };
  room?: Room;
  private stopped = false;
  private readonly endpoint: string;
  private readonly name: string;

  constructor(endpoint: string, name: string) {
    this.endpoint = endpoint;
    this.name = name;
  }

  async create(options: Record<string, unknown>): Promise<string> {
    const started = performance.now();
    this.room = await new Client(this.endpoint).create(MATCH_ROOM, { nickname: this.name, ...options });
    this.stats.joinMs = performance.now() - started;
    this.listen();
    return this.room.roomId;
  }

  async join(code: string): Promise<void> {
    const started = performance.now();
    try {
      this.room = await new Client(this.endpoint).joinById(code, { nickname: this.name });
      await new Promise<void>((resolve) => this.room!.onStateChange.once(() => resolve()));
      this.stats.joinMs = performance.now() - started;
      this.listen();
    } catch (error) {
      this.stats.errors.push(`join: ${(error as Error).message}`);
    }
  }

  private listen(): void {
    this.room!.onMessage(MESSAGE.refused, (r: { code: string }) => {
      if (r.code !== 'rate-limited') this.stats.errors.push(`refused: ${r.code}`);
    });
    this.room!.onMessage(MESSAGE.notice, () => undefined);
    // The seat credential (for coming back after a restart): bots do not come back.
    this.room!.onMessage(MESSAGE.seat, () => undefined);
    this.room!.onLeave((code) => {
      if (!this.stopped && code !== 1000) this.stats.errors.push(`dropped: ${code}`);
    });
  }

  send(intent: unknown): void {
    this.room?.send(MESSAGE.intent, intent);
  }

  /** Reads the decoded maps directly: a toJSON of the whole state every 5 ms per bot made the harness the bottleneck. */
  private buckets(): string[] {
    const out: string[] = [];
    (this.room?.state as DecodedBoards | undefined)?.boards?.forEach((board) => board.resources?.forEach((r, ref) => r.kind === 'bucket' && out.push(ref)));
    return out;
  }

  /** Waits up to 10 s for `seen` to hold, recording the round trip from `sent`, or an error. */
  private async timed(what: string, sent: number, seen: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!seen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (seen()) this.stats.roundTripsMs.push(performance.now() - sent);
    else this.stats.errors.push(`gesture not seen within 10 s (${what})`);
  }

  /** Builds until `until`: a gesture at a time, `pauseMs` apart, each timed until the board shows it. */
  async play(region: string, until: number, pauseMs: number): Promise<void> {
    let n = 0;
    while (!this.stopped && Date.now() < until && this.room) {
      // Named as the console's Name field would: the bot knows which bucket is its own.
      const name = `${this.name.replace(/[^A-Za-z0-9]/g, '')}B${n++}`;
      const mine = () => this.buckets().some((ref) => ref.endsWith(`/${name}`));
      const placed = performance.now();
      this.send({ type: 'place', entry: 'bucket', target: { region }, name });
      await this.timed('place', placed, mine);
      await new Promise((r) => setTimeout(r, pauseMs));
      if (this.stopped) break;
      const undone = performance.now();
      this.send({ type: 'undo' });
      await this.timed('undo', undone, () => !mine());
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }

  /** Keeps the VPC console's flow log browser open: a page of `flowLog`'s records every `everyMs`. */
  async watchFlowLog(flowLog: string, until: number, everyMs: number): Promise<void> {
    while (!this.stopped && Date.now() < until && this.room) {
      const answer = (await this.room.request(MESSAGE.flowRecords, { flowLog }).catch(() => undefined)) as { ok?: boolean } | undefined;
      if (answer?.ok) this.stats.flowPages++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.room?.leave().catch(() => undefined);
  }
}
