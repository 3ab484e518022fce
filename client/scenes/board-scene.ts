import Phaser from 'phaser';
import { PALETTE, ZONE_KINDS } from '../ui/palette-entries.ts';
import { REGIONS } from '../../shared/geography/regions.ts';
import type { BoardView, BoardViewState } from '../view/board-view.ts';
import { contains, layoutBoard, type BoardLayout } from './board-layout.ts';
import { drawComponentIcon, kindColour } from './component-icons.ts';

const SHORT: Partial<Record<string, string>> = { loadBalancer: 'ALB', autoScalingGroup: 'ASG' };

function componentsIn(state: BoardViewState, zone: string) {
  return state.board.components.filter((c) => c.zone === zone && ZONE_KINDS.includes(c.kind));
}

export interface BoardActions {
  place(zone: string): void;
}

const COLOURS = {
  background: 0x0b1220,
  region: 0x111a2e,
  regionEdge: 0x2c3b5a,
  zone: 0x16223a,
  zoneEdge: 0x2f4266,
  zoneArmed: 0x1d3a35,
  zoneArmedEdge: 0x34d399,
  card: 0x1e2b45,
  cardSelected: 0x2b3f66,
  selectedEdge: 0xfacc15,
  text: '#e2e8f0',
  muted: '#8ea0bf',
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans KR", sans-serif';

// The board: one region, its zones as columns, and the components in them. It redraws from the view-model
// whenever that changes; input becomes view-model selections or intents through `actions`.
export class BoardScene extends Phaser.Scene {
  private layer!: Phaser.GameObjects.Container;
  private layout!: BoardLayout;
  private readonly view: BoardView;
  private readonly actions: BoardActions;

  constructor(view: BoardView, actions: BoardActions) {
    super('board');
    this.view = view;
    this.actions = actions;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(COLOURS.background);
    this.layer = this.add.container(0, 0);
    const unsubscribe = this.view.subscribe((state) => this.draw(state));
    this.scale.on('resize', () => this.draw(this.view.current));
    this.events.once('shutdown', unsubscribe);
    this.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => this.click(pointer.x, pointer.y));
  }

  private click(x: number, y: number): void {
    const state = this.view.current;
    const zones = state.board.zones;
    for (let z = 0; z < zones.length; z++) {
      const zoneRect = this.layout.zones[z]!;
      const inZone = componentsIn(state, zones[z]!);
      const hit = inZone.findIndex((_, n) => contains(this.layout.slot(zoneRect, n), x, y));
      if (hit >= 0) {
        this.view.select(inZone[hit]!.ref);
        return;
      }
      if (contains(zoneRect, x, y)) {
        if (state.armed) this.actions.place(zones[z]!);
        else this.view.select(null);
        return;
      }
    }
    this.view.select(null);
  }

  private draw(state: BoardViewState): void {
    const { width, height } = this.scale.gameSize;
    const board = state.board;
    this.layout = layoutBoard(width, height, board.zones.length);
    this.layer.removeAll(true);
    const g = this.add.graphics();
    this.layer.add(g);

    const r = this.layout.region;
    g.fillStyle(COLOURS.region, 1).fillRoundedRect(r.x, r.y, r.w, r.h, 14);
    g.lineStyle(2, COLOURS.regionEdge, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 14);
    const regionName = REGIONS.find((x) => x.code === board.region)?.name ?? '';
    this.label(r.x + 18, r.y + 12, `Region ${board.region}`, 18, COLOURS.text, 'bold');
    this.label(r.x + r.w - 18, r.y + 14, regionName, 15, COLOURS.muted, 'normal', 1);

    board.zones.forEach((zone, z) => {
      const rect = this.layout.zones[z]!;
      const armed = state.armed !== null;
      g.fillStyle(armed ? COLOURS.zoneArmed : COLOURS.zone, 1).fillRoundedRect(rect.x, rect.y, rect.w, rect.h, 10);
      g.lineStyle(armed ? 2 : 1.5, armed ? COLOURS.zoneArmedEdge : COLOURS.zoneEdge, 1).strokeRoundedRect(rect.x, rect.y, rect.w, rect.h, 10);
      this.label(rect.x + 12, rect.y + 10, `AZ ${zone}`, 15, COLOURS.text, 'bold');

      const inZone = componentsIn(state, zone);
      this.label(rect.x + rect.w - 12, rect.y + 11, `${inZone.length}`, 13, COLOURS.muted, 'normal', 1);
      inZone.forEach((c, n) => {
        const s = this.layout.slot(rect, n);
        const selected = state.selected === c.ref;
        g.fillStyle(selected ? COLOURS.cardSelected : COLOURS.card, 1).fillRoundedRect(s.x, s.y, s.w, s.h, 8);
        g.lineStyle(selected ? 2.5 : 1, selected ? COLOURS.selectedEdge : kindColour(c.kind), selected ? 1 : 0.55);
        g.strokeRoundedRect(s.x, s.y, s.w, s.h, 8);
        drawComponentIcon(g, c.kind, s.x + 26, s.y + s.h / 2, 30);
        const entry = PALETTE.find((p) => p.kind === c.kind);
        const name = c.ref.split('/')[1] ?? c.ref;
        const short = entry?.short ?? SHORT[c.kind] ?? c.kind;
        this.label(s.x + 50, s.y + 9, c.kind === 'autoScalingGroup' ? `${short} ×${c.count}` : short, 14, COLOURS.text, 'bold');
        this.label(s.x + 50, s.y + 29, `${name.length > 14 ? `${name.slice(0, 13)}…` : name} · ${c.health}`, 12, COLOURS.muted, 'normal');
      });
      if (armed && inZone.length === 0) {
        this.label(rect.x + rect.w / 2, rect.y + rect.h / 2, 'Click to place here', 14, '#6ee7b7', 'normal', 0.5);
      }
    });
  }

  private label(x: number, y: number, text: string, size: number, colour: string, weight: string, originX = 0): void {
    const t = this.add.text(x, y, text, { fontFamily: FONT, fontSize: `${size}px`, color: colour, fontStyle: weight });
    t.setOrigin(originX, 0);
    this.layer.add(t);
  }
}
