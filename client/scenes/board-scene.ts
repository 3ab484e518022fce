// The board scene: regions, zones, VPCs and subnets as boxes, the pieces in them, the lines between them and
// the traffic on those lines, with a camera that pans and zooms and a minimap. It reads the view-model and
// turns pointer gestures into the view-model's selections or into requests to the page (place, connect,
// drop); it holds no game rule.
import Phaser from 'phaser';
import { t } from '../i18n/index.ts';
import type { MatchView, MatchViewState } from '../view/match-view.ts';
import type { PlaceTarget } from '../../shared/design/plans/palette.ts';
import { PALETTE } from '../../shared/design/plans/palette.ts';
import type { AtlasFrame } from '../art/icons.ts';
import { drawFrame, frameLabels } from './board-frame.ts';
import { frameAt, pieceAt, targetAt } from './board-targets.ts';
import { BoardBake } from './board-bake.ts';
import { BoardCamera } from './board-camera.ts';
import { PieceLayer } from './piece-layer.ts';
import { TrafficLayer } from './traffic-layer.ts';
import { THEME } from './theme.ts';

export interface BoardActions {
  place(target: PlaceTarget, keepArmed: boolean): void;
  connect(from: string, to: string): void;
  /** A piece dragged and let go over `target` at world point (x, y). */
  drop(ref: string, target: PlaceTarget | null, x: number, y: number): void;
  hover(ref: string | null, screenX: number, screenY: number): void;
}

const DRAG_THRESHOLD = 6;

export class BoardScene extends Phaser.Scene {
  private readonly view: MatchView;
  private readonly actions: BoardActions;
  private readonly atlas: { canvas: HTMLCanvasElement; frames: AtlasFrame[] };
  private frame!: Phaser.GameObjects.Graphics;
  private labels!: Phaser.GameObjects.Layer;
  private banners!: Phaser.GameObjects.Layer;
  private pieces!: PieceLayer;
  bake!: BoardBake;
  private traffic!: TrafficLayer;
  camera!: BoardCamera;
  private ghost!: Phaser.GameObjects.Image;
  private hovered: string | null = null;
  private shownModel: MatchViewState['model'] | null = null;
  private shownFlowing = false;
  private lastLayout: MatchViewState['layout'] | null = null;
  private gesture: { kind: 'none' | 'pan' | 'drag'; ref?: string; downX: number; downY: number; moved: boolean } = { kind: 'none', downX: 0, downY: 0, moved: false };
  /** JavaScript time of the scene's last frames (update and render), for the benchmark. */
  readonly frameTimes: number[] = [];

  constructor(view: MatchView, actions: BoardActions, atlas: { canvas: HTMLCanvasElement; frames: AtlasFrame[] }) {
    super('board');
    this.view = view;
    this.actions = actions;
    this.atlas = atlas;
  }

  create(): void {
    const texture = this.textures.addCanvas('atlas', this.atlas.canvas)!;
    for (const f of this.atlas.frames) texture.add(f.name, 0, f.x, f.y, f.w, f.h);
    this.cameras.main.setBackgroundColor(THEME.background);

    // The still parts, baked into two textures (see board-bake.ts): the boxes, lines and labels, and the pieces
    // above them. Failed zones' banners, traffic, the drag ghost and the minimap's viewport stay live above.
    this.frame = this.make.graphics({}, false);
    const lines = this.make.graphics({}, false);
    const spans = this.add.layer();
    const images = this.add.layer();
    this.labels = this.add.layer();
    const pieceTexts = this.add.layer();
    this.banners = this.add.layer().setDepth(0.5);
    this.bake = new BoardBake(this, [this.frame, lines, spans, this.labels], [images, pieceTexts], 0);
    const blitter = this.add.blitter(0, 0, 'atlas').setDepth(1);
    this.ghost = this.add.image(0, 0, 'atlas', 'instance').setDisplaySize(44, 44).setAlpha(0.8).setVisible(false).setDepth(2);
    this.pieces = new PieceLayer(this, images, pieceTexts, spans);
    this.traffic = new TrafficLayer(lines, blitter);
    this.camera = new BoardCamera(this, [blitter, this.ghost, this.banners]);

    const unsubscribe = this.view.subscribe((state, previous) => this.redraw(state, previous));
    this.events.once('shutdown', unsubscribe);
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => this.pointerDown(p));
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => this.pointerMove(p));
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => this.pointerUp(p));
    this.input.on('gameout', () => this.setHover(null, 0, 0));
    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => this.camera.zoomAt(p.x, p.y, dy > 0 ? 0.88 : 1 / 0.88));
    this.scale.on('resize', () => this.camera.resize(this.view.current.layout));
    this.camera.fit(this.view.current.layout);

    // JavaScript time per frame: from the start of the step to the end of the render.
    let start = 0;
    this.game.events.on(Phaser.Core.Events.PRE_STEP, () => (start = performance.now()));
    this.game.events.on(Phaser.Core.Events.POST_RENDER, () => {
      this.frameTimes.push(performance.now() - start);
      if (this.frameTimes.length > 2000) this.frameTimes.splice(0, 1000);
    });
  }

  override update(time: number): void {
    this.traffic.step(time);
    this.camera.drawViewport();
    this.bake.frame(this.cameras.main.zoom);
  }

  private redraw(state: MatchViewState, previous: MatchViewState): void {
    if (!this.frame) return;
    const layoutChanged = state.layout !== this.lastLayout;
    if (layoutChanged) {
      const first = this.lastLayout === null;
      this.lastLayout = state.layout;
      this.pieces.place(state, t('board.users'));
      this.drawLabels(state);
      this.camera.setWorld(state.layout, first);
      this.bake.resize(state.layout.width + 40, state.layout.height + 40);
    }
    if (layoutChanged || state.armed !== previous.armed || state.selected !== previous.selected || state.match.board.revision !== previous.match.board.revision) this.drawBoxes(state);
    const running = state.match.phase === 'running';
    let totalRps = 0;
    for (const ref of state.model.entries) totalRps += state.model.byRef.get(ref)?.rps ?? 0;
    const users = running || totalRps > 0 ? `${Math.round(totalRps / 10) * 10} ${t('units.rps')}` : t('board.waiting');
    // Only the pieces whose look changed are drawn again; most snapshots change few or none (the clock moved).
    this.pieces.update(state, this.hovered, users, (ref, drawing, urgent) => this.bake.invalidatePiece(ref, drawing, urgent));
    const flowing = running || totalRps > 0;
    if (layoutChanged || state.model !== this.shownModel || flowing !== this.shownFlowing) {
      this.shownModel = state.model;
      this.shownFlowing = flowing;
      // Lines are drawn with the boxes: a line changing colour bakes those again (at most every so often).
      if (this.traffic.update(state, flowing, layoutChanged)) this.bake.invalidateStill(layoutChanged);
    }
  }

  /** Texts change with the language: the page calls this when it switches. */
  relabel(): void {
    this.lastLayout = null;
    this.pieces.forget();
    this.redraw(this.view.current, this.view.current);
  }

  private drawBoxes(state: MatchViewState): void {
    this.bake.invalidateStill();
    const entry = PALETTE.find((p) => p.id === state.armed);
    drawFrame(this.frame, state.layout, (kind) => {
      if (!entry) return false;
      if (kind === 'global') return entry.where === 'global';
      if (kind === 'region') return entry.where === 'region' || entry.id === 'webAcl';
      if (kind === 'cell') return entry.where === 'vpc' || entry.where === 'subnet';
      return entry.where === 'subnet';
    }, state.selected);
  }

  private drawLabels(state: MatchViewState): void {
    this.labels.removeAll(true);
    this.banners.removeAll(true);
    for (const l of frameLabels(state.layout)) {
      const text = this.make.text({ x: l.x, y: l.y, text: l.text, style: { fontFamily: THEME.font, fontSize: `${l.size}px`, color: l.colour, fontStyle: l.bold ? 'bold' : 'normal' } }, false);
      text.setResolution(2).setOrigin(l.originX ?? 0, 0);
      if (l.banner) {
        text.setBackgroundColor('#7f1d1d').setPadding(10, 4, 10, 4);
        this.banners.add(text);
      } else this.labels.add(text);
    }
  }

  private setHover(ref: string | null, x: number, y: number): void {
    if (ref !== this.hovered) {
      this.hovered = ref;
      this.redraw(this.view.current, this.view.current);
    }
    this.actions.hover(ref, x, y);
  }

  private pointerDown(p: Phaser.Input.Pointer): void {
    if (this.camera.minimapClick(p.x, p.y)) return;
    const world = this.camera.toWorld(p.x, p.y);
    const ref = pieceAt(this.view.current.layout, world.x, world.y);
    const state = this.view.current;
    if (state.armed) {
      this.gesture = { kind: 'pan', downX: p.x, downY: p.y, moved: false };
      return;
    }
    if (ref && state.connectFrom) {
      if (ref !== state.connectFrom) this.actions.connect(state.connectFrom, ref);
      this.view.startConnect(null);
      this.gesture = { kind: 'none', downX: p.x, downY: p.y, moved: false };
      return;
    }
    this.gesture = ref ? { kind: 'drag', ref, downX: p.x, downY: p.y, moved: false } : { kind: 'pan', downX: p.x, downY: p.y, moved: false };
  }

  private pointerMove(p: Phaser.Input.Pointer): void {
    const world = this.camera.toWorld(p.x, p.y);
    const g = this.gesture;
    if (p.isDown && g.kind !== 'none') {
      if (!g.moved && Math.hypot(p.x - g.downX, p.y - g.downY) > DRAG_THRESHOLD) g.moved = true;
      if (g.moved && g.kind === 'pan') this.camera.panBy(p.x - p.prevPosition.x, p.y - p.prevPosition.y);
      if (g.moved && g.kind === 'drag' && g.ref) {
        const r = this.view.current.model.byRef.get(g.ref);
        this.ghost.setFrame(r?.kind ?? 'instance').setPosition(world.x, world.y).setVisible(true);
      }
      return;
    }
    const ref = pieceAt(this.view.current.layout, world.x, world.y) ?? null;
    this.setHover(ref, p.x, p.y);
  }

  private pointerUp(p: Phaser.Input.Pointer): void {
    const g = this.gesture;
    this.gesture = { kind: 'none', downX: 0, downY: 0, moved: false };
    this.ghost.setVisible(false);
    const world = this.camera.toWorld(p.x, p.y);
    const state = this.view.current;
    if (g.kind === 'drag' && g.ref) {
      if (g.moved) this.actions.drop(g.ref, targetAt(state.layout, world.x, world.y), world.x, world.y);
      else this.view.select(g.ref);
      return;
    }
    if (g.kind === 'pan' && !g.moved) {
      if (state.armed) {
        const target = targetAt(state.layout, world.x, world.y);
        if (target) this.actions.place(target, p.event.shiftKey);
      } else {
        // A VPC's or subnet's label strip selects it (to inspect or delete it); anywhere else clears the selection.
        this.view.select(state.connectFrom ? null : (frameAt(state.layout, world.x, world.y) ?? null));
        if (state.connectFrom) this.view.startConnect(null);
      }
    }
  }
}
