// The replay viewer, loaded as a chunk of its own (like match-app.ts): a finished match played again from its
// log, with the board, the charts, the event timeline and a player bar to play, speed up and scrub.
// Callers: the results screen ("Watch the replay"), the home screen ("Open a replay file") and the teacher's
// console. `replay` is one stored replay row, or a replay.json file of a competition with several teams.

export interface ReplayViewerOptions {
  /** The viewer was closed: the caller shows what was there before. */
  onExit(): void;
  /** The team (its index in the match) to show first; the first row's team when omitted. */
  team?: number;
}

export interface ReplayViewer {
  /** Closes the viewer without calling onExit. */
  close(): void;
}

export function openReplayViewer(root: HTMLElement, _replay: unknown, options: ReplayViewerOptions): ReplayViewer {
  root.textContent = 'Replay viewer';
  return {
    close: () => {
      root.textContent = '';
      void options;
    },
  };
}
