// The pieces on the board: a card (one image per health), the game's icon, two lines of text, a utilisation
// ring and a health badge, all images from the atlas: nothing here is a shape to tessellate. They are made
// once per layout; statuses only swap frames and words.
import type Phaser from 'phaser';
import { ringFrame } from '../art/board-frames.ts';
import type { MatchViewState } from '../view/match-view.ts';
import type { Rect } from '../view/layout.ts';
import { pieceSubtitle, pieceTitle, ringOf } from './piece-labels.ts';
import { THEME } from './theme.ts';

interface PieceObjects {
  card: Phaser.GameObjects.Image;
  overlay: Phaser.GameObjects.Image;
  ringBg: Phaser.GameObjects.Image;
  ring: Phaser.GameObjects.Image;
  badge: Phaser.GameObjects.Image;
  icon: Phaser.GameObjects.Image;
  span: Phaser.GameObjects.Image;
  title: Phaser.GameObjects.Text;
  subtitle: Phaser.GameObjects.Text;
}

const ICON = 38;

export class PieceLayer {
  private objects = new Map<string, PieceObjects>();
  private readonly scene: Phaser.Scene;
  private readonly images: Phaser.GameObjects.Layer;
  private readonly texts: Phaser.GameObjects.Layer;
  private users: PieceObjects | null = null;

  constructor(scene: Phaser.Scene, images: Phaser.GameObjects.Layer, texts: Phaser.GameObjects.Layer) {
    this.scene = scene;
    this.images = images;
    this.texts = texts;
  }

  private text(size: number, colour: string, bold: boolean): Phaser.GameObjects.Text {
    const text = this.scene.make.text({ style: { fontFamily: THEME.font, fontSize: `${size}px`, color: colour, fontStyle: bold ? 'bold' : 'normal' } }, false);
    text.setResolution(2);
    this.texts.add(text);
    return text;
  }

  private image(frame: string): Phaser.GameObjects.Image {
    const image = this.scene.make.image({ key: 'atlas', frame } as Phaser.Types.GameObjects.Sprite.SpriteConfig, false);
    this.images.add(image);
    return image;
  }

  private make(kind: string): PieceObjects {
    return {
      span: this.image('px').setOrigin(0, 0).setVisible(false),
      card: this.image('card-idle').setOrigin(0, 0),
      overlay: this.image('card-hover').setOrigin(0, 0).setVisible(false),
      ringBg: this.image('ring-bg').setVisible(false),
      ring: this.image('ring-calm-1').setVisible(false),
      icon: this.image(kind),
      badge: this.image('badge-idle'),
      title: this.text(14, THEME.text, true),
      subtitle: this.text(12, THEME.muted, false),
    };
  }

  /** Makes, moves and removes the pieces' objects to match a new layout. */
  place(state: MatchViewState, usersLabel: string): void {
    const seen = new Set<string>();
    for (const [ref, spot] of state.layout.pieces) {
      const r = state.model.byRef.get(ref);
      if (!r) continue;
      seen.add(ref);
      let o = this.objects.get(ref);
      if (!o) {
        o = this.make(r.kind);
        this.objects.set(ref, o);
      }
      o.icon.setFrame(r.kind);
      this.position(o, spot.rect);
      if (spot.span) {
        o.span.setPosition(spot.span.x, spot.span.y).setDisplaySize(spot.span.w, spot.span.h).setTint(r.kind === 'loadBalancer' ? 0x8b5cf6 : 0xf59e0b).setAlpha(0.6).setVisible(true);
      } else o.span.setVisible(false);
    }
    for (const [ref, o] of this.objects) {
      if (seen.has(ref)) continue;
      for (const obj of Object.values(o)) obj.destroy();
      this.objects.delete(ref);
    }
    if (!this.users) {
      this.users = this.make('users');
      this.users.badge.setVisible(false);
    }
    this.position(this.users, state.layout.users);
    this.users.card.setFrame('card-booting');
    if (this.users.title.text !== usersLabel) this.users.title.setText(usersLabel);
  }

  private position(o: PieceObjects, r: Rect): void {
    const scale = r.w / o.card.frame.width;
    o.card.setPosition(r.x, r.y).setScale(scale);
    o.overlay.setPosition(r.x, r.y).setScale(scale);
    o.icon.setPosition(r.x + 28, r.y + r.h / 2).setDisplaySize(ICON, ICON);
    o.ringBg.setPosition(r.x + 28, r.y + r.h / 2).setScale(scale);
    o.ring.setPosition(r.x + 28, r.y + r.h / 2).setScale(scale);
    o.badge.setPosition(r.x + r.w - 12, r.y + 12).setScale(scale);
    o.title.setPosition(r.x + 54, r.y + 8);
    o.subtitle.setPosition(r.x + 54, r.y + 30);
  }

  /** Swaps frames and words to the current statuses, selection and hover. */
  update(state: MatchViewState, hovered: string | null, usersSubtitle: string): void {
    if (this.users && this.users.subtitle.text !== usersSubtitle) this.users.subtitle.setText(usersSubtitle);
    for (const [ref, o] of this.objects) {
      const r = state.model.byRef.get(ref);
      if (!r) continue;
      o.card.setFrame(`card-${r.health}`);
      o.badge.setFrame(`badge-${r.health}`);
      const selected = state.selected === ref || state.connectFrom === ref;
      o.overlay.setFrame(selected ? 'card-selected' : 'card-hover').setVisible(selected || hovered === ref);
      const ring = ringOf(r);
      const frame = ring ? ringFrame(ring.value, ring.cache) : null;
      o.ringBg.setVisible(ring !== null);
      o.ring.setVisible(frame !== null);
      if (frame) o.ring.setFrame(frame);
      const title = pieceTitle(r);
      const subtitle = pieceSubtitle(r);
      if (o.title.text !== title) o.title.setText(title);
      if (o.subtitle.text !== subtitle) o.subtitle.setText(subtitle);
    }
  }
}
