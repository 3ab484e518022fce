// Lines between pieces and the traffic on them. Request-carrying lines get moving particles whose number
// follows the requests per second the server reports for the pieces they join, and whose colour and shape
// follow health; control lines (an alarm watching, a WAF protecting) are dashed and still. The particles are
// the bobs of one Blitter, moved in place every frame: no object is made or freed while traffic flows.
import type Phaser from 'phaser';
import type { Health } from '../net/snapshot.ts';
import type { BoardLine } from '../view/board-model.ts';
import type { Rect } from '../view/layout.ts';
import type { MatchViewState } from '../view/match-view.ts';
import { THEME } from './theme.ts';
import { reducedMotion } from './motion.ts';

interface Path {
  x1: number;
  y1: number;
  dx: number;
  dy: number;
  len: number;
  count: number;
  frame: string;
  speed: number;
}

/** Particles on a line for a rate: more traffic, more particles (logarithmic, so 10× reads as a few more). */
export function particlesFor(rps: number): number {
  if (rps <= 0.5) return 0;
  return Math.max(1, Math.min(18, Math.round(2 * Math.log2(1 + rps / 4))));
}

function frameOf(health: Health): string {
  return health === 'down' ? 'dot-down' : health === 'warning' ? 'dot-warning' : 'dot-ok';
}

/** Where the segment between two rect centres leaves each rect. */
function clip(a: Rect, b: Rect): { x1: number; y1: number; x2: number; y2: number } {
  const ax = a.x + a.w / 2;
  const ay = a.y + a.h / 2;
  const bx = b.x + b.w / 2;
  const by = b.y + b.h / 2;
  const edge = (r: Rect, fx: number, fy: number, dx: number, dy: number) => {
    const tx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
    const ty = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
    const k = Math.min(tx, ty, 1);
    return { x: fx + dx * k, y: fy + dy * k };
  };
  const s = edge(a, ax, ay, bx - ax, by - ay);
  const e = edge(b, bx, by, ax - bx, ay - by);
  return { x1: s.x, y1: s.y, x2: e.x, y2: e.y };
}

export class TrafficLayer {
  private paths: Path[] = [];
  /** The lines as last drawn (ends, colour, weight): drawn again only when it changes. */
  private look = '';
  private bobs: Phaser.GameObjects.Bob[] = [];
  private readonly lines: Phaser.GameObjects.Graphics;
  private readonly blitter: Phaser.GameObjects.Blitter;

  constructor(lines: Phaser.GameObjects.Graphics, blitter: Phaser.GameObjects.Blitter) {
    this.lines = lines;
    this.blitter = blitter;
  }

  /** Lines users take into the board: to every entry piece, carrying what that piece reports. */
  private entryLines(state: MatchViewState): BoardLine[] {
    return state.model.entries.map((ref) => {
      const r = state.model.byRef.get(ref)!;
      const out = state.model.lines.filter((l) => l.traffic && l.from === ref).reduce((s, l) => s + l.rps, 0);
      return { from: '@users', to: ref, meaning: 'enters', traffic: true, rps: r.rps > 0 ? r.rps : out, health: r.health };
    });
  }

  /**
   * Sets how many particles run on each line, and redraws the lines themselves when their look changed (a line
   * added, gone, or changing colour or weight) or `relayout` says they moved. Returns whether it redrew them:
   * they are drawn with the board's still parts, which must then be baked again.
   */
  update(state: MatchViewState, running: boolean, relayout: boolean): boolean {
    const spotOf = (ref: string): Rect | undefined => (ref === '@users' ? state.layout.users : state.layout.pieces.get(ref)?.rect);
    const paths: Path[] = [];
    const drawn: { line: BoardLine; x1: number; y1: number; x2: number; y2: number; len: number; colour: number }[] = [];
    let look = '';
    for (const line of [...this.entryLines(state), ...state.model.lines]) {
      const a = spotOf(line.from);
      const b = spotOf(line.to);
      if (!a || !b) continue;
      const { x1, y1, x2, y2 } = clip(a, b);
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (len < 4) continue;
      const colour = !line.traffic ? THEME.control : line.health === 'down' ? THEME.health.down! : line.health === 'warning' ? THEME.health.warning! : THEME.traffic;
      drawn.push({ line, x1, y1, x2, y2, len, colour });
      look += `${line.from}>${line.to}:${colour}:${line.traffic && line.rps > 0 ? 1 : 0};`;
      const count = line.traffic && running ? particlesFor(line.rps) : 0;
      if (count > 0) paths.push({ x1, y1, dx: x2 - x1, dy: y2 - y1, len, count, frame: frameOf(line.health), speed: 90 + Math.min(90, line.rps / 10) });
    }
    this.setParticles(paths);
    if (!relayout && look === this.look) return false;
    this.look = look;
    const g = this.lines;
    g.clear();
    for (const { line, x1, y1, x2, y2, len, colour } of drawn) {
      if (!line.traffic) {
        g.lineStyle(1.5, colour, 1);
        const dashes = Math.floor(len / 12);
        for (let i = 0; i < dashes; i += 2) {
          g.lineBetween(x1 + ((x2 - x1) * i) / dashes, y1 + ((y2 - y1) * i) / dashes, x1 + ((x2 - x1) * (i + 1)) / dashes, y1 + ((y2 - y1) * (i + 1)) / dashes);
        }
        continue;
      }
      // Opaque, so the line keeps 3:1 on the board (tests/client/board-contrast.test.ts); an idle one is thinner.
      g.lineStyle(line.rps > 0 ? 3 : 1.5, colour, 1).lineBetween(x1, y1, x2, y2);
      // An arrow head at the receiving end says which way requests go.
      const ux = (x2 - x1) / len;
      const uy = (y2 - y1) / len;
      g.fillStyle(colour, 1).fillTriangle(x2, y2, x2 - ux * 10 - uy * 5, y2 - uy * 10 + ux * 5, x2 - ux * 10 + uy * 5, y2 - uy * 10 - ux * 5);
    }
    return true;
  }

  /** Shows as many particles as the paths need, each with its line's frame; hides the rest. */
  private setParticles(paths: Path[]): void {
    this.paths = paths;
    const needed = paths.reduce((n, p) => n + p.count, 0);
    while (this.bobs.length < needed) this.bobs.push(this.blitter.create(0, 0, 'dot-ok'));
    let i = 0;
    for (const p of paths) {
      for (let k = 0; k < p.count; k++) {
        const bob = this.bobs[i++]!;
        bob.setFrame(p.frame);
        bob.setVisible(true);
      }
    }
    for (; i < this.bobs.length; i++) this.bobs[i]!.setVisible(false);
  }

  /**
   * Moves every particle along its line: called each frame, allocation-free. With reduced motion asked for, the
   * particles stand still, spaced evenly along their line: their number still tells the rate, nothing moves.
   */
  step(timeMs: number): void {
    let i = 0;
    const s = reducedMotion() ? 0 : timeMs / 1000;
    for (const p of this.paths) {
      const base = (s * p.speed) / p.len;
      for (let k = 0; k < p.count; k++) {
        const f = (base + k / p.count) % 1;
        const bob = this.bobs[i++]!;
        bob.x = p.x1 + p.dx * f - 8;
        bob.y = p.y1 + p.dy * f - 8;
      }
    }
  }

  get particleCount(): number {
    return this.paths.reduce((n, p) => n + p.count, 0);
  }
}
