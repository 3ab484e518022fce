// Frames the board draws as images rather than shapes, so that no frame of the game tessellates a shape: a
// piece's card (one per health, with the state's colour on its edge), the selection and hover overlays, the
// utilisation ring in steps, the health badges (a shape per state), and a white pixel for bars.
import { CARD_H, CARD_W } from '../view/layout.ts';
import { loadBand } from '../../shared/sim/status.ts';

/** Pixels per world pixel in the atlas: cards stay sharp up to 2× zoom. */
export const FRAME_SCALE = 2;
export const RING_STEPS = 20;
export const RING_SIZE = 56;
export const BADGE_SIZE = 20;
export const HEALTHS = ['ok', 'warning', 'down', 'booting', 'idle'] as const;
const HEALTH_CSS: Record<string, string> = { ok: '#34d399', warning: '#fbbf24', down: '#f87171', booting: '#60a5fa', idle: '#64748b' };
export const RING_COLOURS = { calm: '#34d399', busy: '#fbbf24', full: '#f87171', cache: '#22d3ee' } as const;

export interface FrameDraw {
  name: string;
  w: number;
  h: number;
  draw(g: CanvasRenderingContext2D): void;
}

function roundRect(g: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  g.beginPath();
  g.roundRect(x, y, w, h, r);
}

export function boardFrames(): FrameDraw[] {
  const s = FRAME_SCALE;
  const cw = CARD_W * s;
  const ch = CARD_H * s;
  const frames: FrameDraw[] = [];
  for (const health of HEALTHS) {
    frames.push({
      name: `card-${health}`,
      w: cw,
      h: ch,
      draw: (g) => {
        roundRect(g, 2, 2, cw - 4, ch - 4, 10 * s);
        g.fillStyle = '#18233f';
        g.fill();
        g.lineWidth = 1.6 * s;
        g.strokeStyle = HEALTH_CSS[health]!;
        g.globalAlpha = 0.8;
        g.stroke();
        g.globalAlpha = 1;
        if (health === 'down') {
          // Failed: a strike across the card as well as the red edge and the word.
          g.strokeStyle = 'rgba(248, 113, 113, .55)';
          g.lineWidth = 2 * s;
          g.beginPath();
          g.moveTo(6 * s, ch - 6 * s);
          g.lineTo(cw - 6 * s, 6 * s);
          g.stroke();
        }
      },
    });
  }
  frames.push({
    name: 'card-selected',
    w: cw,
    h: ch,
    draw: (g) => {
      roundRect(g, 3, 3, cw - 6, ch - 6, 10 * s);
      g.lineWidth = 3 * s;
      g.strokeStyle = '#facc15';
      g.stroke();
    },
  });
  frames.push({
    name: 'card-hover',
    w: cw,
    h: ch,
    draw: (g) => {
      roundRect(g, 2, 2, cw - 4, ch - 4, 10 * s);
      g.fillStyle = 'rgba(148, 163, 255, .12)';
      g.fill();
    },
  });
  const rs = RING_SIZE * s;
  frames.push({
    name: 'ring-bg',
    w: rs,
    h: rs,
    draw: (g) => {
      g.lineWidth = 4 * s;
      g.strokeStyle = '#334155';
      g.beginPath();
      g.arc(rs / 2, rs / 2, 23 * s, 0, Math.PI * 2);
      g.stroke();
    },
  });
  for (const [colour, css] of Object.entries(RING_COLOURS)) {
    for (let k = 1; k <= RING_STEPS; k++) {
      frames.push({
        name: `ring-${colour}-${k}`,
        w: rs,
        h: rs,
        draw: (g) => {
          g.lineWidth = 4 * s;
          g.lineCap = 'round';
          g.strokeStyle = css;
          g.beginPath();
          g.arc(rs / 2, rs / 2, 23 * s, -Math.PI / 2, -Math.PI / 2 + (Math.PI * 2 * k) / RING_STEPS);
          g.stroke();
        },
      });
    }
  }
  const bs = BADGE_SIZE * s;
  for (const health of HEALTHS) {
    frames.push({
      name: `badge-${health}`,
      w: bs,
      h: bs,
      draw: (g) => {
        const c = bs / 2;
        g.fillStyle = HEALTH_CSS[health]!;
        g.beginPath();
        g.arc(c, c, 8 * s, 0, Math.PI * 2);
        g.fill();
        g.strokeStyle = '#0a1020';
        g.fillStyle = '#0a1020';
        g.lineWidth = 2.2 * s;
        g.lineCap = 'round';
        g.beginPath();
        // A shape per state: check, exclamation, cross, clock hands, dash.
        if (health === 'ok') {
          g.moveTo(c - 4 * s, c);
          g.lineTo(c - 1 * s, c + 3 * s);
          g.lineTo(c + 4 * s, c - 3 * s);
        } else if (health === 'warning') {
          g.moveTo(c, c - 4.5 * s);
          g.lineTo(c, c + 0.5 * s);
          g.moveTo(c, c + 4 * s);
          g.lineTo(c, c + 4.2 * s);
        } else if (health === 'down') {
          g.moveTo(c - 3.5 * s, c - 3.5 * s);
          g.lineTo(c + 3.5 * s, c + 3.5 * s);
          g.moveTo(c + 3.5 * s, c - 3.5 * s);
          g.lineTo(c - 3.5 * s, c + 3.5 * s);
        } else if (health === 'booting') {
          g.moveTo(c, c - 4.5 * s);
          g.lineTo(c, c);
          g.lineTo(c + 3.5 * s, c);
        } else {
          g.moveTo(c - 4 * s, c);
          g.lineTo(c + 4 * s, c);
        }
        g.stroke();
      },
    });
  }
  frames.push({ name: 'px', w: 4, h: 4, draw: (g) => ((g.fillStyle = '#ffffff'), g.fillRect(0, 0, 4, 4)) });
  return frames;
}

/** The ring frame for a value 0–1, or null when there is nothing to show. */
export function ringFrame(value: number, cache: boolean): string | null {
  const k = Math.round(Math.min(1, value) * RING_STEPS);
  if (k <= 0) return null;
  const colour = cache ? 'cache' : loadBand(value);
  return `ring-${colour}-${k}`;
}
