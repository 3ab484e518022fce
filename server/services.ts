// What rooms need from the process around them (the match store, whether we are shutting down), set once
// at start-up. Rooms are made by Colyseus from a class, so they reach these here rather than by argument.
import type { MatchStore } from './match-store.ts';

export interface Services {
  store?: MatchStore;
  /** Rooms to restore from checkpoints: only these codes may be created with the `restore` option. */
  restoring: Set<string>;
  shuttingDown: boolean;
}

export const services: Services = { restoring: new Set(), shuttingDown: false };
