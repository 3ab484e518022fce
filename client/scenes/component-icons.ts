// Original icons for the board's components, drawn with vector primitives so they stay sharp at any zoom.
// Each kind also has a distinct shape and a text label: colour is never the only signal.
import type Phaser from 'phaser';
import type { ResourceKind } from '../../shared/design/model.ts';

const KIND_COLOURS: Partial<Record<ResourceKind, number>> = {
  instance: 0xf59e0b,
  autoScalingGroup: 0xf59e0b,
  loadBalancer: 0x8b5cf6,
  database: 0x3b82f6,
};

export function kindColour(kind: ResourceKind): number {
  return KIND_COLOURS[kind] ?? 0x94a3b8;
}

/** Draws the icon of `kind` centred on (cx, cy) inside a square of side `size`. */
export function drawComponentIcon(g: Phaser.GameObjects.Graphics, kind: ResourceKind, cx: number, cy: number, size: number): void {
  const colour = kindColour(kind);
  const h = size / 2;
  switch (kind) {
    case 'instance':
    case 'autoScalingGroup': {
      // A chip: a square body with pins on every side.
      g.fillStyle(colour, 1).fillRoundedRect(cx - h * 0.62, cy - h * 0.62, h * 1.24, h * 1.24, 3);
      g.fillStyle(0x0b1220, 1).fillRect(cx - h * 0.3, cy - h * 0.3, h * 0.6, h * 0.6);
      g.lineStyle(2, colour, 1);
      for (const d of [-0.35, 0, 0.35]) {
        g.lineBetween(cx + d * h, cy - h * 0.62, cx + d * h, cy - h * 0.9);
        g.lineBetween(cx + d * h, cy + h * 0.62, cx + d * h, cy + h * 0.9);
        g.lineBetween(cx - h * 0.62, cy + d * h, cx - h * 0.9, cy + d * h);
        g.lineBetween(cx + h * 0.62, cy + d * h, cx + h * 0.9, cy + d * h);
      }
      break;
    }
    case 'loadBalancer': {
      // One entry fanning out to three targets.
      g.fillStyle(colour, 1).fillCircle(cx - h * 0.45, cy, h * 0.32);
      g.lineStyle(2.5, colour, 1);
      for (const dy of [-0.6, 0, 0.6]) {
        g.lineBetween(cx - h * 0.2, cy, cx + h * 0.55, cy + dy * h);
        g.fillCircle(cx + h * 0.65, cy + dy * h, h * 0.16);
      }
      break;
    }
    case 'database': {
      // A cylinder: the shape everyone reads as "data".
      const w = h * 1.3;
      const top = cy - h * 0.6;
      const bottom = cy + h * 0.6;
      g.fillStyle(colour, 1).fillRect(cx - w / 2, top, w, bottom - top);
      g.fillEllipse(cx, bottom, w, h * 0.5);
      g.fillStyle(0x93c5fd, 1).fillEllipse(cx, top, w, h * 0.5);
      g.lineStyle(1.5, 0x0b1220, 0.6).strokeEllipse(cx, cy, w, h * 0.5);
      break;
    }
    default:
      g.fillStyle(colour, 1).fillRoundedRect(cx - h * 0.6, cy - h * 0.6, h * 1.2, h * 1.2, 4);
  }
}
