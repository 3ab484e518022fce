// The board's still parts drawn into textures, so a frame of the game draws two images and the moving traffic,
// whatever the number of pieces. Two textures, because they change at different paces: the board's boxes,
// lines and labels (baked again only when the layout, the armed palette entry or a line's look changes), and
// the pieces above them, where a piece whose status changed is cleared and drawn again alone — a status never
// re-bakes the board, and a burst of them is spread over frames. When the camera zooms in past the textures'
// resolution, the parts are drawn live instead, so words stay sharp.
import type Phaser from 'phaser';
import type { Rect } from '../view/layout.ts';

/** Most pixels per world pixel the textures hold: enough for the camera's 2× zoom on boards that fit. */
const MAX_RESOLUTION = 2;
/** Most pixels a texture holds: clearing and filling it is work for the GPU (or SwiftShader's CPU). */
const MAX_PIXELS = 6_000_000;
/** Least time between two re-bakes of the boxes and lines for statuses alone (a line changing colour). */
const STATUS_BAKE_MS = 900;
/** Most pieces drawn again in one frame for statuses: a burst of changes spreads over the next frames. */
const PIECES_PER_FRAME = 40;

/** What a piece is drawn from: its objects (bottom first) and the world rect they stay within. */
export interface PieceDrawing {
  rect: Rect;
  objects: readonly Phaser.GameObjects.GameObject[];
}

class BakedTexture {
  readonly texture: Phaser.Textures.DynamicTexture;
  readonly image: Phaser.GameObjects.Image;

  constructor(scene: Phaser.Scene, key: string, depth: number) {
    this.texture = scene.textures.addDynamicTexture(key, 1, 1)!;
    this.image = scene.add.image(0, 0, key).setOrigin(0, 0).setDepth(depth).setVisible(false);
  }

  resize(w: number, h: number, resolution: number): void {
    this.texture.setSize(w, h);
    this.image.setScale(1 / resolution);
  }

  begin(resolution: number): Phaser.Textures.DynamicTexture {
    const t = this.texture;
    t.camera.setOrigin(0, 0);
    t.camera.setZoom(resolution);
    return t;
  }
}

export class BoardBake {
  private readonly scene: Phaser.Scene;
  private readonly stillParts: Phaser.GameObjects.GameObject[];
  private readonly pieceParts: Phaser.GameObjects.GameObject[];
  private readonly still: BakedTexture;
  private readonly pieces: BakedTexture;
  private resolution = 1;
  private live = false;
  private sized = false;
  private stillDirty = true;
  private stillUrgent = true;
  private allPiecesDirty = true;
  private lastStillBake = 0;
  /** Pieces to draw again: what the player did first (hover, selection), then statuses. */
  private readonly urgentPieces = new Map<string, PieceDrawing>();
  private readonly statusPieces = new Map<string, PieceDrawing>();
  /** How long each bake took (ms), for the benchmark: whole textures and piece redraws alike. */
  readonly bakeTimes: number[] = [];

  /**
   * `still`: the boxes, lines and labels, bottom first; `pieces`: the layers holding the pieces' objects. Both are
   * kept off the display list while baked.
   */
  constructor(scene: Phaser.Scene, still: Phaser.GameObjects.GameObject[], pieces: Phaser.GameObjects.GameObject[], depth: number) {
    this.scene = scene;
    this.stillParts = still;
    this.pieceParts = pieces;
    for (const p of [...still, ...pieces]) scene.children.remove(p);
    this.still = new BakedTexture(scene, 'board-still', depth);
    this.pieces = new BakedTexture(scene, 'board-pieces', depth + 0.1);
  }

  private maxTexture(): number {
    const renderer = this.scene.game.renderer as Phaser.Renderer.WebGL.WebGLRenderer;
    const gl = renderer.gl as WebGLRenderingContext | undefined;
    return Math.min(8192, gl ? (gl.getParameter(gl.MAX_TEXTURE_SIZE) as number) : 4096);
  }

  /** The world's size changed (a new layout): everything is baked again. */
  resize(width: number, height: number): void {
    const size = { w: Math.max(1, Math.ceil(width)), h: Math.max(1, Math.ceil(height)) };
    this.resolution = Math.min(MAX_RESOLUTION, this.maxTexture() / Math.max(size.w, size.h), Math.sqrt(MAX_PIXELS / (size.w * size.h)));
    const w = Math.ceil(size.w * this.resolution);
    const h = Math.ceil(size.h * this.resolution);
    this.still.resize(w, h, this.resolution);
    this.pieces.resize(w, h, this.resolution);
    this.sized = true;
    this.invalidateStill();
    this.invalidatePieces();
  }

  /** The boxes, lines or labels changed. Statuses (a line's colour) re-bake at most every STATUS_BAKE_MS. */
  invalidateStill(urgent = true): void {
    this.stillDirty = true;
    if (urgent) this.stillUrgent = true;
  }

  /** Every piece changed (a new layout, another language). */
  invalidatePieces(): void {
    this.allPiecesDirty = true;
    this.urgentPieces.clear();
    this.statusPieces.clear();
  }

  /** One piece changed: it is drawn again alone, at the next frame when `urgent` (the player's doing). */
  invalidatePiece(ref: string, drawing: PieceDrawing, urgent: boolean): void {
    if (this.allPiecesDirty) return;
    if (urgent) {
      this.statusPieces.delete(ref);
      this.urgentPieces.set(ref, drawing);
    } else if (!this.urgentPieces.has(ref)) this.statusPieces.set(ref, drawing);
  }

  /** Bakes what changed if the camera shows the textures; switches to live parts when zoomed past them. */
  frame(zoom: number): void {
    const live = zoom > this.resolution * 1.05;
    if (live !== this.live) this.goLive(live);
    if (live || !this.sized) return;
    const started = performance.now();
    let baked = false;
    if (this.stillDirty && (this.stillUrgent || started - this.lastStillBake >= STATUS_BAKE_MS)) {
      this.stillDirty = false;
      this.stillUrgent = false;
      this.lastStillBake = started;
      const t = this.still.begin(this.resolution);
      t.clear();
      t.draw(this.stillParts, 0, 0);
      t.render();
      this.still.image.setVisible(true);
      baked = true;
    }
    if (this.allPiecesDirty) {
      this.allPiecesDirty = false;
      const t = this.pieces.begin(this.resolution);
      t.clear();
      t.draw(this.pieceParts, 0, 0);
      t.render();
      this.pieces.image.setVisible(true);
      baked = true;
    } else if (this.urgentPieces.size || this.statusPieces.size) {
      const t = this.pieces.begin(this.resolution);
      for (const drawing of this.urgentPieces.values()) this.redrawPiece(t, drawing);
      this.urgentPieces.clear();
      let budget = PIECES_PER_FRAME;
      for (const [ref, drawing] of this.statusPieces) {
        if (budget-- <= 0) break;
        this.redrawPiece(t, drawing);
        this.statusPieces.delete(ref);
      }
      t.render();
      baked = true;
    }
    if (!baked) return;
    this.bakeTimes.push(performance.now() - started);
    if (this.bakeTimes.length > 500) this.bakeTimes.splice(0, 250);
  }

  /** Clears a piece's rect (in texture pixels, a pixel's margin around it) and draws its visible objects there. */
  private redrawPiece(t: Phaser.Textures.DynamicTexture, drawing: PieceDrawing): void {
    const r = drawing.rect;
    const s = this.resolution;
    const x = Math.max(0, Math.floor(r.x * s) - 1);
    const y = Math.max(0, Math.floor(r.y * s) - 1);
    t.clear(x, y, Math.ceil((r.x + r.w) * s) + 1 - x, Math.ceil((r.y + r.h) * s) + 1 - y);
    for (const o of drawing.objects) if ((o as unknown as { visible: boolean }).visible) t.draw(o, 0, 0);
  }

  private goLive(live: boolean): void {
    this.live = live;
    for (const p of [...this.stillParts, ...this.pieceParts]) {
      if (live) this.scene.children.add(p);
      else this.scene.children.remove(p);
      (p as unknown as { setDepth?(d: number): void }).setDepth?.(this.still.image.depth);
    }
    this.still.image.setVisible(!live);
    this.pieces.image.setVisible(!live);
    if (!live) {
      this.invalidateStill();
      this.invalidatePieces();
    }
  }
}
