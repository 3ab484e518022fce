// The board's cameras: the main one pans (drag, arrow keys) and zooms (wheel, +/-) over the world the layout
// spans; a minimap in the corner shows the whole board and the part in view, and a click on it jumps there.
import Phaser from 'phaser';
import type { BoardLayout } from '../view/layout.ts';

const MIN_ZOOM = 0.12;
const MAX_ZOOM = 2;
const MINIMAP_MAX_W = 220;
const MARGIN = 12;

export class BoardCamera {
  private readonly scene: Phaser.Scene;
  private readonly main: Phaser.Cameras.Scene2D.Camera;
  private readonly minimap: Phaser.Cameras.Scene2D.Camera;
  private readonly viewport: Phaser.GameObjects.Graphics;
  private world = { w: 1000, h: 800 };
  /** The view the minimap's frame last showed: x, y, width, height, and the minimap's zoom. */
  private readonly shownView = [NaN, NaN, NaN, NaN, NaN];

  /** `hiddenFromMinimap`: texts and particles, unreadable at the minimap's scale and costly to draw twice. */
  constructor(scene: Phaser.Scene, hiddenFromMinimap: Phaser.GameObjects.GameObject[]) {
    this.scene = scene;
    this.main = scene.cameras.main;
    this.viewport = scene.add.graphics();
    this.main.ignore(this.viewport);
    this.minimap = scene.cameras.add(0, 0, MINIMAP_MAX_W, MINIMAP_MAX_W * 0.68, false, 'minimap');
    this.minimap.setBackgroundColor('rgba(6, 10, 22, 0.92)');
    this.minimap.ignore(hiddenFromMinimap);
    this.placeMinimap();
  }

  private placeMinimap(): void {
    const { width, height } = this.scene.scale.gameSize;
    // A fifth of the board's width at most, so a small board (a console open) keeps room for the pieces.
    const w = Math.round(Math.max(110, Math.min(MINIMAP_MAX_W, width * 0.2, height * 0.3)));
    const h = Math.round(w * 0.68);
    this.minimap.setSize(w, h);
    this.minimap.setPosition(width - w - MARGIN, height - h - MARGIN);
    const zoom = Math.min(w / (this.world.w + 80), h / (this.world.h + 80));
    this.minimap.setZoom(zoom);
    this.minimap.centerOn(this.world.w / 2, this.world.h / 2);
  }

  setWorld(layout: BoardLayout, fitNow: boolean): void {
    const grew = layout.width > this.world.w * 1.3 || layout.height > this.world.h * 1.3;
    this.world = { w: layout.width, h: layout.height };
    this.placeMinimap();
    if (fitNow || grew) this.fit(layout);
  }

  resize(layout: BoardLayout): void {
    this.main.setSize(this.scene.scale.gameSize.width, this.scene.scale.gameSize.height);
    this.placeMinimap();
    this.fit(layout);
  }

  /**
   * Shows the whole board, but never smaller than readable when it is small, and never under the minimap: the
   * board goes beside it or above it, whichever leaves it bigger (a console open makes the board short, and the
   * minimap then sat on the board's bottom-right corner).
   */
  fit(layout: BoardLayout): void {
    const { width, height } = this.scene.scale.gameSize;
    const aside = { w: this.minimap.width + MARGIN * 2, h: this.minimap.height + MARGIN * 2 };
    const zoomIn = (w: number, h: number) => Math.min((w - 40) / (layout.width + 40), (h - 40) / (layout.height + 40));
    const beside = zoomIn(width - aside.w, height);
    const above = zoomIn(width, height - aside.h);
    const zoom = Phaser.Math.Clamp(Math.max(beside, above), MIN_ZOOM, 1.25);
    this.main.setZoom(zoom);
    // Beside: the board's middle moves left of the minimap's column. Above: the board's top near the top.
    const top = (height / zoom) / 2 - 20;
    this.main.centerOn(layout.width / 2, beside > above ? Math.min(layout.height / 2, top) : top);
    if (beside > above) this.main.scrollX += aside.w / 2 / zoom;
  }

  zoomAt(screenX: number, screenY: number, factor: number): void {
    const before = this.toWorld(screenX, screenY);
    this.main.setZoom(Phaser.Math.Clamp(this.main.zoom * factor, MIN_ZOOM, MAX_ZOOM));
    const after = this.toWorld(screenX, screenY);
    this.main.scrollX += before.x - after.x;
    this.main.scrollY += before.y - after.y;
  }

  zoomBy(factor: number): void {
    const { width, height } = this.scene.scale.gameSize;
    this.zoomAt(width / 2, height / 2, factor);
  }

  panBy(dx: number, dy: number): void {
    this.main.scrollX -= dx / this.main.zoom;
    this.main.scrollY -= dy / this.main.zoom;
  }

  toWorld(screenX: number, screenY: number): { x: number; y: number } {
    const p = this.main.getWorldPoint(screenX, screenY);
    return { x: p.x, y: p.y };
  }

  /** World point → position on the page's canvas (for DOM tooltips and tests). */
  toScreen(x: number, y: number): { x: number; y: number } {
    const c = this.main;
    return { x: (x - c.scrollX - c.width * 0.5) * c.zoom + c.width * 0.5, y: (y - c.scrollY - c.height * 0.5) * c.zoom + c.height * 0.5 };
  }

  /** Where the minimap sits on the canvas (for the browser tests: the board is never fitted under it). */
  minimapRect(): { x: number; y: number; w: number; h: number } {
    return { x: this.minimap.x, y: this.minimap.y, w: this.minimap.width, h: this.minimap.height };
  }

  /** A click inside the minimap centres the main camera there; says whether it was one. */
  minimapClick(screenX: number, screenY: number): boolean {
    const mm = this.minimap;
    if (screenX < mm.x || screenX > mm.x + mm.width || screenY < mm.y || screenY > mm.y + mm.height) return false;
    const p = mm.getWorldPoint(screenX, screenY);
    this.main.centerOn(p.x, p.y);
    return true;
  }

  drawViewport(): void {
    const v = this.main.worldView;
    // Drawn again only when the view or the minimap moved: most frames neither does.
    const shown = this.shownView;
    if (shown[0] === v.x && shown[1] === v.y && shown[2] === v.width && shown[3] === v.height && shown[4] === this.minimap.zoom) return;
    shown[0] = v.x;
    shown[1] = v.y;
    shown[2] = v.width;
    shown[3] = v.height;
    shown[4] = this.minimap.zoom;
    this.viewport.clear();
    this.viewport.lineStyle(2 / this.minimap.zoom, 0xfacc15, 1).strokeRect(v.x, v.y, v.width, v.height);
  }
}
