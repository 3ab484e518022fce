// The pieces on the board: a card with the game's icon, two lines of text, a utilisation ring and a health
// badge. Icons and texts are made once per layout and updated only when their words change; cards, rings and
// badges are one Graphics redrawn when the statuses arrive (twice a second at most).
import Phaser from 'phaser';
import type { BoardResource } from '../net/snapshot.ts';
import type { MatchViewState } from '../view/match-view.ts';
import type { Rect } from '../view/layout.ts';
import { pieceSubtitle, pieceTitle, ringOf } from './piece-labels.ts';
import { loadColour, THEME } from './theme.ts';

interface PieceObjects {
  icon: Phaser.GameObjects.Image;
  title: Phaser.GameObjects.Text;
  subtitle: Phaser.GameObjects.Text;
}

const ICON = 38;

export class PieceLayer {
  private objects = new Map<string, PieceObjects>();
  private readonly cards: Phaser.GameObjects.Graphics;
  private readonly scene: Phaser.Scene;
  private readonly iconLayer: Phaser.GameObjects.Layer;
  private readonly textLayer: Phaser.GameObjects.Layer;
  private users: PieceObjects | null = null;

  constructor(scene: Phaser.Scene, cards: Phaser.GameObjects.Graphics, iconLayer: Phaser.GameObjects.Layer, textLayer: Phaser.GameObjects.Layer) {
    this.scene = scene;
    this.cards = cards;
    this.iconLayer = iconLayer;
    this.textLayer = textLayer;
  }

  private text(x: number, y: number, size: number, colour: string, bold: boolean): Phaser.GameObjects.Text {
    const text = this.scene.add.text(x, y, '', { fontFamily: THEME.font, fontSize: `${size}px`, color: colour, fontStyle: bold ? 'bold' : 'normal' });
    text.setResolution(2);
    this.textLayer.add(text);
    return text;
  }

  /** Makes, moves and removes the icons and texts to match a new layout. */
  place(state: MatchViewState, usersLabel: string): void {
    const seen = new Set<string>();
    for (const [ref, spot] of state.layout.pieces) {
      const r = state.model.byRef.get(ref);
      if (!r) continue;
      seen.add(ref);
      let o = this.objects.get(ref);
      if (!o) {
        const icon = this.scene.add.image(0, 0, 'atlas', r.kind).setDisplaySize(ICON, ICON);
        this.iconLayer.add(icon);
        o = { icon, title: this.text(0, 0, 14, THEME.text, true), subtitle: this.text(0, 0, 12, THEME.muted, false) };
        this.objects.set(ref, o);
      }
      this.position(o, spot.rect);
      this.words(o, r);
    }
    for (const [ref, o] of this.objects) {
      if (seen.has(ref)) continue;
      o.icon.destroy();
      o.title.destroy();
      o.subtitle.destroy();
      this.objects.delete(ref);
    }
    if (!this.users) {
      const icon = this.scene.add.image(0, 0, 'atlas', 'users').setDisplaySize(ICON, ICON);
      this.iconLayer.add(icon);
      this.users = { icon, title: this.text(0, 0, 15, THEME.text, true), subtitle: this.text(0, 0, 12, THEME.muted, false) };
    }
    this.position(this.users, state.layout.users);
    if (this.users.title.text !== usersLabel) this.users.title.setText(usersLabel);
  }

  private position(o: PieceObjects, r: Rect): void {
    o.icon.setPosition(r.x + 28, r.y + r.h / 2);
    o.title.setPosition(r.x + 54, r.y + 8);
    o.subtitle.setPosition(r.x + 54, r.y + 30);
  }

  private words(o: PieceObjects, r: BoardResource): void {
    const title = pieceTitle(r);
    const subtitle = pieceSubtitle(r);
    if (o.title.text !== title) o.title.setText(title);
    if (o.subtitle.text !== subtitle) o.subtitle.setText(subtitle);
  }

  /** Redraws cards, rings and badges, and refreshes the words (health may have changed). */
  draw(state: MatchViewState, hovered: string | null, usersSubtitle: string): void {
    const g = this.cards;
    g.clear();
    const users = state.layout.users;
    g.fillStyle(THEME.card, 1).fillRoundedRect(users.x, users.y, users.w, users.h, 10);
    g.lineStyle(1.5, 0x60a5fa, 0.8).strokeRoundedRect(users.x, users.y, users.w, users.h, 10);
    if (this.users && this.users.subtitle.text !== usersSubtitle) this.users.subtitle.setText(usersSubtitle);
    for (const [ref, spot] of state.layout.pieces) {
      const r = state.model.byRef.get(ref);
      if (!r) continue;
      const rect = spot.rect;
      if (spot.span) {
        g.fillStyle(r.kind === 'loadBalancer' ? 0x8b5cf6 : 0xf59e0b, 0.55).fillRoundedRect(spot.span.x, spot.span.y, spot.span.w, spot.span.h, 3);
      }
      const selected = state.selected === ref || state.connectFrom === ref;
      g.fillStyle(hovered === ref ? THEME.cardHover : THEME.card, 1).fillRoundedRect(rect.x, rect.y, rect.w, rect.h, 10);
      g.lineStyle(selected ? 3 : 1.5, selected ? THEME.selected : THEME.health[r.health] ?? THEME.cardEdge, selected ? 1 : 0.75);
      g.strokeRoundedRect(rect.x, rect.y, rect.w, rect.h, 10);
      if (r.health === 'down') {
        // Failed: a diagonal strike across the card as well as the red edge and the word.
        g.lineStyle(2, THEME.health.down!, 0.6).lineBetween(rect.x + 6, rect.y + rect.h - 6, rect.x + rect.w - 6, rect.y + 6);
      }
      const ring = ringOf(r);
      const cx = rect.x + 28;
      const cy = rect.y + rect.h / 2;
      if (ring) {
        g.lineStyle(4, 0x334155, 1).strokeCircle(cx, cy, 23);
        if (ring.value > 0.005) {
          g.lineStyle(4, ring.cache ? 0x22d3ee : loadColour(ring.value), 1);
          g.beginPath();
          g.arc(cx, cy, 23, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * Math.min(1, ring.value), false);
          g.strokePath();
        }
      }
      this.badge(g, rect.x + rect.w - 12, rect.y + 12, r.health);
      const o = this.objects.get(ref);
      if (o) this.words(o, r);
    }
  }

  /** A health badge: a shape per state (check, exclamation, cross, clock, dash) on a coloured disc. */
  private badge(g: Phaser.GameObjects.Graphics, x: number, y: number, health: string): void {
    const colour = THEME.health[health] ?? THEME.health.idle!;
    g.fillStyle(colour, 1).fillCircle(x, y, 8);
    g.lineStyle(2.2, 0x0a1020, 1);
    switch (health) {
      case 'ok':
        g.beginPath();
        g.moveTo(x - 4, y);
        g.lineTo(x - 1, y + 3);
        g.lineTo(x + 4, y - 3);
        g.strokePath();
        break;
      case 'warning':
        g.lineBetween(x, y - 4.5, x, y + 1);
        g.fillStyle(0x0a1020, 1).fillCircle(x, y + 4, 1.3);
        break;
      case 'down':
        g.lineBetween(x - 3.5, y - 3.5, x + 3.5, y + 3.5);
        g.lineBetween(x + 3.5, y - 3.5, x - 3.5, y + 3.5);
        break;
      case 'booting':
        g.lineBetween(x, y, x, y - 4.5);
        g.lineBetween(x, y, x + 3.5, y);
        break;
      default:
        g.lineBetween(x - 4, y, x + 4, y);
    }
  }
}
