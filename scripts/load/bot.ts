// One simulated player: joins (or creates) a room, then keeps building: places a bucket, waits to see it
// on the board, deletes it, and so on, timing each intent's round trip (sent → visible in the state).
import { Client, type Room } from '@colyseus/sdk';
import { MATCH_ROOM, MESSAGE } from '../../shared/protocol/messages.ts';

export interface BotStats {
  joinMs?: number;
  roundTripsMs: number[];
  errors: string[];
}

/** The decoded state as far as a bot reads it: its boards' resources (Colyseus MapSchemas). */
interface DecodedBoards {
  boards?: { forEach(each: (board: { resources?: { has(ref: string): boolean } }) => void): void };
}

export class Bot {
  readonly stats: BotStats = { roundTripsMs: [], errors: [] };
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
    this.room!.onLeave((code) => {
      if (!this.stopped && code !== 1000) this.stats.errors.push(`dropped: ${code}`);
    });
  }

  send(intent: unknown): void {
    this.room?.send(MESSAGE.intent, intent);
  }

  /** Reads the decoded maps directly: a toJSON of the whole state every 5 ms per bot made the harness the bottleneck. */
  private has(ref: string): boolean {
    let found = false;
    (this.room?.state as DecodedBoards | undefined)?.boards?.forEach((board) => {
      if (board.resources?.has(ref)) found = true;
    });
    return found;
  }

  /** Builds until `until`: one intent at a time, `pauseMs` apart, each timed until the board shows it. */
  async play(stack: string, until: number, pauseMs: number): Promise<void> {
    let n = 0;
    while (!this.stopped && Date.now() < until && this.room) {
      const id = `${this.name.replace(/[^A-Za-z0-9]/g, '')}B${n++}`;
      const ref = `${stack}/${id}`;
      for (const [intent, visible] of [
        [{ type: 'createResource', stack, kind: 'bucket', logicalId: id, props: { websiteHosting: false } }, true],
        [{ type: 'delete', target: ref }, false],
      ] as const) {
        const sent = performance.now();
        this.send(intent);
        const deadline = Date.now() + 10_000;
        while (this.has(ref) !== visible && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        if (this.has(ref) === visible) this.stats.roundTripsMs.push(performance.now() - sent);
        else this.stats.errors.push('intent not seen within 10 s');
        await new Promise((r) => setTimeout(r, pauseMs));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.room?.leave().catch(() => undefined);
  }
}
