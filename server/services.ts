// What rooms need from the process around them (the match store, whether we are shutting down), set once
// at start-up. Rooms are made by Colyseus from a class, so they reach these here rather than by argument.
import type { MatchStore } from './match-store.ts';

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
  shuttingDown: boolean;
  /** Competition rooms about to be created: room code → competition id (only these may claim a code). */
  competitionRooms: Map<string, string>;
}

export const services: Services = { rooms: new Set(), restoring: new Set(), shuttingDown: false, competitionRooms: new Map() };
