// The board's still parts (boxes, lines, cards, icons, words) drawn into one texture whenever they change,
// so a frame of the game draws one image and the moving traffic, whatever the number of pieces. When the
// camera zooms in past the texture's resolution the parts are drawn live instead, so words stay sharp.
import type Phaser from 'phaser';

/** Most pixels per world pixel the texture holds: enough for the camera's 2× zoom on boards that fit. */
const MAX_RESOLUTION = 2;
/** Most pixels the texture holds: clearing and filling it is work for the GPU (or SwiftShader's CPU). */
const MAX_PIXELS = 6_000_000;
/** Least time between two re-bakes for statuses alone. */
const STATUS_BAKE_MS = 900;

export class BoardBake {
  private readonly scene: Phaser.Scene;
  private readonly parts: Phaser.GameObjects.GameObject[];
  private texture: Phaser.Textures.DynamicTexture | null = null;
  private readonly image: Phaser.GameObjects.Image;
  private resolution = 1;
  private live = false;
  private dirty = true;
  private urgent = true;
  private lastBake = 0;
  private size = { w: 1, h: 1 };
  /** How long each bake took (ms), for the benchmark. */
  readonly bakeTimes: number[] = [];

  /** `parts`: the layers to bake, bottom first; they are kept off the display list while baked. */
  constructor(scene: Phaser.Scene, parts: Phaser.GameObjects.GameObject[], depth: number) {
    this.scene = scene;
    this.parts = parts;
    for (const p of parts) scene.children.remove(p);
    this.image = scene.add.image(0, 0, '__WHITE').setOrigin(0, 0).setDepth(depth).setVisible(false);
  }

  private maxTexture(): number {
    const renderer = this.scene.game.renderer as Phaser.Renderer.WebGL.WebGLRenderer;
    const gl = renderer.gl as WebGLRenderingContext | undefined;
    return Math.min(8192, gl ? (gl.getParameter(gl.MAX_TEXTURE_SIZE) as number) : 4096);
  }

  /** The world's size changed (a new layout). */
  resize(width: number, height: number): void {
    this.size = { w: Math.max(1, Math.ceil(width)), h: Math.max(1, Math.ceil(height)) };
    this.resolution = Math.min(MAX_RESOLUTION, this.maxTexture() / Math.max(this.size.w, this.size.h), Math.sqrt(MAX_PIXELS / (this.size.w * this.size.h)));
    const w = Math.ceil(this.size.w * this.resolution);
    const h = Math.ceil(this.size.h * this.resolution);
    if (!this.texture) {
      this.texture = this.scene.textures.addDynamicTexture('board-bake', w, h)!;
      this.image.setTexture('board-bake');
    } else this.texture.setSize(w, h);
    this.image.setScale(1 / this.resolution);
    this.dirty = true;
  }

  /**
   * Something shown changed. Statuses re-bake at most every STATUS_BAKE_MS (the wire sends them twice a second
   * anyway); what the player does (select, hover, place) re-bakes at the next frame.
   */
  invalidate(urgent = true): void {
    this.dirty = true;
    if (urgent) this.urgent = true;
  }

  /** Bakes if something changed and the camera shows the texture; switches to live parts when zoomed past it. */
  frame(zoom: number): void {
    const live = zoom > this.resolution * 1.05;
    if (live !== this.live) {
      this.live = live;
      for (const p of this.parts) {
        if (live) this.scene.children.add(p);
        else this.scene.children.remove(p);
      }
      this.image.setVisible(!live);
      for (const p of this.parts) (p as unknown as { setDepth(d: number): void }).setDepth?.(this.image.depth);
      this.dirty = true;
    }
    if (live || !this.dirty || !this.texture) return;
    const started = performance.now();
    if (!this.urgent && started - this.lastBake < STATUS_BAKE_MS) return;
    this.dirty = false;
    this.urgent = false;
    this.lastBake = started;
    const t = this.texture;
    t.clear();
    t.camera.setOrigin(0, 0);
    t.camera.setZoom(this.resolution);
    t.draw(this.parts, 0, 0);
    t.render();
    this.image.setVisible(true);
    this.bakeTimes.push(performance.now() - started);
    if (this.bakeTimes.length > 500) this.bakeTimes.splice(0, 250);
  }
}
