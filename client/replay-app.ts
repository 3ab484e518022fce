// The replay viewer, loaded as a chunk of its own (like match-app.ts): a finished match played again from its
// log, with the board, the charts, the event timeline and a player bar to play, speed up and scrub.
// Callers: the results screen ("Watch the replay"), the home screen ("Open a replay file") and the teacher's
// console. `replay` is one stored replay row, a replay.json file of a competition with several teams, a finished
// room's answer, as parsed JSON, as JSON text or as the File picked; a bad one is explained on the screen.
import './ui/replay.css';
import { h, render } from 'preact';
import { parseReplayFile, type ReplayFileError } from '../shared/match/replay-file.ts';
import { exportStackOf } from '../shared/protocol/export-stack.ts';
import { refusal } from '../shared/protocol/refusals.ts';
import { queryTrail } from '../shared/trail/query.ts';
import { withoutSecrets } from '../shared/match/trail-secrets.ts';
import { t } from './i18n/index.ts';
import { ReplayNotice, ReplayScreen } from './ui/replay-screen.ts';
import { PlayerActions } from './view/player-actions.ts';
import { ReplayPlayer } from './view/replay-player.ts';

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

async function textOf(replay: unknown): Promise<unknown> {
  return typeof Blob !== 'undefined' && replay instanceof Blob ? replay.text() : replay;
}

/** Shows the replay in `root` (replacing what is there) until the player closes it. Never throws. */
export function openReplayViewer(root: HTMLElement, replay: unknown, options: ReplayViewerOptions): ReplayViewer {
  let closed = false;
  let frame = 0;
  const hoverListeners = new Set<(h: { ref: string | null; x: number; y: number }) => void>();
  const previousScreen = document.body.dataset.screen;
  const previousReady = document.body.dataset.ready;
  document.body.dataset.screen = 'replay';
  delete document.body.dataset.ready;

  const close = (): void => {
    if (closed) return;
    closed = true;
    cancelAnimationFrame(frame);
    render(null, root);
    if (document.body.dataset.screen === 'replay') document.body.dataset.screen = previousScreen ?? '';
    if (previousReady === undefined) delete document.body.dataset.ready;
    else document.body.dataset.ready = previousReady;
  };
  const exit = (): void => {
    close();
    options.onExit();
  };
  const notice = (progress: number | null, error: ReplayFileError | { code: string; message: string; detail?: string } | null): void => {
    if (!closed) render(h(ReplayNotice, { progress, error, onExit: exit }), root);
    if (error) document.body.dataset.ready = 'replay-error';
  };

  const start = async (): Promise<void> => {
    notice(0, null);
    let raw: unknown;
    try {
      raw = await textOf(replay);
    } catch (error) {
      return notice(null, { code: 'unreadable', message: t('replay.errors.unreadable'), detail: (error as Error).message });
    }
    const parsed = parseReplayFile(raw);
    if (!parsed.ok) return notice(null, parsed.error);
    const rows = parsed.file.replays;
    let lastShown = -1;
    const opened = await ReplayPlayer.open(
      rows,
      options.team,
      (share) => {
        const pct = Math.floor(share * 20);
        if (pct !== lastShown) notice((lastShown = pct) / 20, null);
      },
      parsed.file.title ?? rows[0]!.matchId,
    );
    if (closed) return;
    if (!opened.ok) return notice(null, opened.error);
    const player = opened.player;

    // The consoles read the audit log through the page's actions: here, the replay's own log, read-only.
    const actions = new PlayerActions(
      {
        send: () => undefined,
        trail: async (query) => {
          const team = player.cursor.match.teams[player.row.teamIndex]?.id ?? null;
          return queryTrail(player.cursor.match.trail.filter((e) => e.team === null || e.team === team), query).map(withoutSecrets);
        },
        // The replay holds the team's full design at the cursor: the shared exporter runs here as in the room.
        exportStack: async ({ stack }) => {
          const team = player.cursor.match.teams[player.row.teamIndex];
          return team ? exportStackOf(team.world.design, stack) : { ok: false, refusal: refusal('no-team') };
        },
      },
      player.view,
      () => undefined,
      (key, params) => t(key, params),
    );

    let last = performance.now();
    const loop = (now: number): void => {
      if (closed) return;
      player.frame(Math.min(250, now - last));
      last = now;
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);

    render(
      h(ReplayScreen, {
        player,
        actions,
        title: player.cursor.match.scenario.title,
        hover: { subscribe: (fn) => (hoverListeners.add(fn), () => hoverListeners.delete(fn)) },
        startBoard: async (element) => {
          const { startBoardGame } = await import('./board-game.ts');
          // Read-only: no placing, connecting or dragging; hovering still shows a piece's numbers.
          const controls = await startBoardGame(element, player.view, {
            place: () => undefined,
            connect: () => undefined,
            drop: () => undefined,
            hover: (ref, x, y) => hoverListeners.forEach((fn) => fn({ ref, x, y })),
          });
          // The page's hooks for browser tests: the board, the view-model and the player.
          (window as unknown as { fiveNines: unknown }).fiveNines = { board: controls, view: player.view, replay: player };
          if (!closed) document.body.dataset.ready = 'replay';
          return controls;
        },
        onExit: exit,
      }),
      root,
    );
  };

  void start().catch((error: unknown) => notice(null, { code: 'replay-failed', message: t('replay.errors.replay-failed'), detail: error instanceof Error ? error.message : String(error) }));
  return { close };
}
