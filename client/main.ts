// The page's entry: the lobby first; once seated, the match screen and the board.
import './styles.css';
import { createMatch, joinMatch, type BoardSnapshot, type ConnectionEvents, type MatchConnection } from './net/match-connection.ts';
import { mountLobby } from './ui/lobby.ts';
import { mountMatchScreen } from './ui/match-screen.ts';
import { mountToasts } from './ui/toasts.ts';
import { PALETTE } from './ui/palette-entries.ts';
import { BoardView } from './view/board-view.ts';

const root = document.getElementById('app')!;
const toast = mountToasts(document.body);

const lobby = mountLobby(root, async ({ nickname, code }) => {
  lobby.busy(true);
  let view: BoardView | null = null;
  const events: ConnectionEvents = {
    onSnapshot: () => undefined,
    onRefused: (refusal) => toast(refusal.message),
    onLost: (reason) => toast(`Disconnected: ${reason}`),
  };
  // The first state decides the view; later ones update it.
  const first = new Promise<BoardSnapshot>((resolve) => {
    events.onSnapshot = (snapshot) => (view ? view.setBoard(snapshot) : resolve(snapshot));
  });
  let connection: MatchConnection;
  try {
    connection = code ? await joinMatch(code, nickname, events) : await createMatch(nickname, events);
  } catch (error) {
    lobby.busy(false);
    lobby.showError(code ? `Could not join room ${code}: ${(error as Error).message}` : `Could not create a room: ${(error as Error).message}`);
    return;
  }
  view = new BoardView(await first);
  const boardView = view;
  history.replaceState(null, '', `?code=${connection.code}`);
  const screen = mountMatchScreen(root, boardView, {
    remove: (ref) => connection.send({ type: 'delete', target: ref }),
  });
  const { startBoardGame } = await import('./board-game.ts');
  startBoardGame(screen.boardHost, boardView, {
    place: (zone) => {
      const entry = PALETTE.find((p) => p.kind === boardView.current.armed);
      if (!entry) return;
      const intent = entry.place(zone, boardView.current.board.components);
      if ('reason' in intent) toast(intent.reason);
      else connection.send(intent);
    },
  });
  document.body.dataset.ready = 'board';
});
