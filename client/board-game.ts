// Starts Phaser on the board scene. Imported dynamically, so the lobby never waits for Phaser to load.
import Phaser from 'phaser';
import { BoardScene, type BoardActions } from './scenes/board-scene.ts';
import type { BoardView } from './view/board-view.ts';

export function startBoardGame(parent: HTMLElement, view: BoardView, actions: BoardActions): Phaser.Game {
  return new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#0b1220',
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth, height: parent.clientHeight },
    scene: new BoardScene(view, actions),
    banner: false,
    audio: { noAudio: true },
  });
}
