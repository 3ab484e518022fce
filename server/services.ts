// What rooms and routes need from the process around them: the match store, the turn budget, whether we are
// shutting down or still restoring. One object per server, made by game-server.ts and handed to the room class
// (see matchRoomClass) and the routes; no module keeps it as a global, so two servers in one process (tests)
// never share it.
import type { MatchStore } from './match-store.ts';
import { LevelProver } from './levels/prover.ts';
import { TurnBudget } from './rooms/turn-budget.ts';

/** What the process's metrics read of a live room. */
export interface LiveRoom {
  clients: { length: number };
}

export interface Services {
  /** This process's live rooms. */
  rooms: Set<LiveRoom>;
  store?: MatchStore;
  /** Rooms to restore from checkpoints: only these codes may be created with the `restore` option. */
  restoring: Set<string>;
  /** False until every checkpointed match is restored (or failed to be): /healthz answers 503 until then. */
  ready: boolean;
  shuttingDown: boolean;
  /** Competition rooms about to be created: room code → competition id (only these may claim a code). */
  competitionRooms: Map<string, string>;
  /** The event-loop time this process's rooms share for applying intents (see turn-budget.ts). */
  turnBudget: TurnBudget;
  /** Intents dropped over the rooms' rate limit since start (see transport-guard.ts), for /metrics. */
  droppedIntents: number;
  /** Proves published levels on a thread of its own (levels/prover.ts). */
  prover: LevelProver;
  /** Tests only (see ServerConfig): how much faster than their speed clocks run, and where they stop once. */
  testClock: { timeScale: number; pauseAtS?: number };
}

export function newServices(): Services {
  return { rooms: new Set(), restoring: new Set(), ready: false, shuttingDown: false, competitionRooms: new Map(), turnBudget: new TurnBudget(), droppedIntents: 0, prover: new LevelProver(), testClock: { timeScale: 1 } };
}
