// Starts Phaser on the board scene. Imported dynamically, so the lobby never waits for Phaser to load.
import Phaser from 'phaser';
import { drawAtlas } from './art/icons.ts';
import { onLanguage } from './i18n/index.ts';
import { BoardScene, type BoardActions } from './scenes/board-scene.ts';
import type { MatchView } from './view/match-view.ts';

export interface BoardControls {
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  fit(): void;
  relabel(): void;
  /** Where a world point is on the canvas, in CSS pixels from its top-left corner. */
  toScreen(x: number, y: number): { x: number; y: number };
  /** The minimap's place on the canvas, in CSS pixels. */
  minimapRect(): { x: number; y: number; w: number; h: number };
  frameTimes(): number[];
  bakeTimes(): number[];
  particles(): number;
  scene(): unknown;
  destroy(): void;
}

export async function startBoardGame(parent: HTMLElement, view: MatchView, actions: BoardActions): Promise<BoardControls> {
  const atlas = await drawAtlas();
  const scene = new BoardScene(view, actions, atlas);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#0a1020',
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth, height: parent.clientHeight },
    scene,
    banner: false,
    audio: { noAudio: true },
    render: { antialias: true, roundPixels: false },
  });
  await new Promise<void>((resolve) => {
    const check = (): void => (scene.camera ? resolve() : void setTimeout(check, 20));
    check();
  });
  // The board's box changes size when a console opens or the inspector appears, not only with the window.
  // Phaser's RESIZE mode reads its parent's size only on window resizes: tell it when the parent alone changes.
  const resize = new ResizeObserver(() => {
    game.scale.getParentBounds();
    game.scale.refresh();
  });
  resize.observe(parent);
  // Piece labels are drawn text: redraw them in the new language when the player switches.
  const stopRelabel = onLanguage(() => scene.relabel());
  return {
    zoomBy: (f) => scene.camera.zoomBy(f),
    panBy: (dx, dy) => scene.camera.panBy(dx, dy),
    fit: () => scene.camera.fit(view.current.layout),
    relabel: () => scene.relabel(),
    toScreen: (x, y) => scene.camera.toScreen(x, y),
    minimapRect: () => scene.camera.minimapRect(),
    frameTimes: () => scene.frameTimes,
    bakeTimes: () => scene.bake.bakeTimes,
    particles: () => (scene as unknown as { traffic: { particleCount: number } }).traffic.particleCount,
    scene: () => scene,
    destroy: () => {
      stopRelabel();
      resize.disconnect();
      game.destroy(true);
    },
  };
}
