// The pieces on the board: a card (one image per health), the game's icon, two lines of text, a utilisation
// ring and a health badge, all images from the atlas: nothing here is a shape to tessellate. They are made
// once per layout; statuses only swap frames and words, and only on the pieces whose look changed, which the
// layer names to the bake (it draws those again alone).
import type Phaser from 'phaser';
import { ringFrame } from '../art/board-frames.ts';
import type { BoardResource } from '../net/snapshot.ts';
import type { MatchViewState } from '../view/match-view.ts';
import type { Rect } from '../view/layout.ts';
import type { PieceDrawing } from './board-bake.ts';
import { pieceSubtitle, pieceTitle, ringOf } from './piece-labels.ts';
import { THEME } from './theme.ts';

/** A piece whose look changed: `urgent` when the player's doing (hover, selection) rather than a status. */
export type PieceChanged = (ref: string, drawing: PieceDrawing, urgent: boolean) => void;

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

/** A piece as drawn: its objects, where, and what it last showed. */
interface DrawnPiece {
  o: PieceObjects;
  drawing: PieceDrawing;
  /** The resource it last showed, and how: what changed is drawn again, what did not is left. */
  shown: BoardResource | null;
  look: string;
  /** The ring frame it last showed (null: none). */
  ring: string | null;
  selected: boolean;
  hovered: boolean;
}

/** A resource's fields that change with nearly every status and that a piece's words never show (the ring shows load). */
const UNWORDED: ReadonlySet<string> = new Set(['load', 'rps']);

/** Whether two states of a resource read the same on its card: every other field is the same (props by identity). */
function sameWords(a: BoardResource, b: BoardResource): boolean {
  for (const key in b) if (!UNWORDED.has(key) && a[key as keyof BoardResource] !== b[key as keyof BoardResource]) return false;
  return true;
}

const ICON = 38;
/** Where a piece's words start on its card, and the margin they keep from its right edge (longer words are cut). */
const TEXT_X = 54;
const TEXT_MARGIN = 6;

export class PieceLayer {
  private pieces = new Map<string, DrawnPiece>();
  private readonly scene: Phaser.Scene;
  private readonly images: Phaser.GameObjects.Layer;
  private readonly texts: Phaser.GameObjects.Layer;
  /** The brackets under spanning pieces: still with the layout, drawn with the boxes. */
  private readonly spans: Phaser.GameObjects.Layer;
  private users: DrawnPiece | null = null;

  constructor(scene: Phaser.Scene, images: Phaser.GameObjects.Layer, texts: Phaser.GameObjects.Layer, spans: Phaser.GameObjects.Layer) {
    this.scene = scene;
    this.images = images;
    this.texts = texts;
    this.spans = spans;
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

  private make(kind: string): DrawnPiece {
    const span = this.scene.make.image({ key: 'atlas', frame: 'px' } as Phaser.Types.GameObjects.Sprite.SpriteConfig, false).setOrigin(0, 0).setVisible(false);
    this.spans.add(span);
    const o: PieceObjects = {
      span,
      card: this.image('card-idle').setOrigin(0, 0),
      overlay: this.image('card-hover').setOrigin(0, 0).setVisible(false),
      ringBg: this.image('ring-bg').setVisible(false),
      ring: this.image('ring-calm-1').setVisible(false),
      icon: this.image(kind),
      badge: this.image('badge-idle'),
      title: this.text(14, THEME.text, true),
      subtitle: this.text(13, THEME.textSmall, false),
    };
    const objects = [o.card, o.overlay, o.ringBg, o.ring, o.icon, o.badge, o.title, o.subtitle];
    return { o, drawing: { rect: { x: 0, y: 0, w: 0, h: 0 }, objects }, shown: null, look: '', ring: null, selected: false, hovered: false };
  }

  /** Makes, moves and removes the pieces' objects to match a new layout (the bake then draws them all again). */
  place(state: MatchViewState, usersLabel: string): void {
    const seen = new Set<string>();
    for (const [ref, spot] of state.layout.pieces) {
      const r = state.model.byRef.get(ref);
      if (!r) continue;
      seen.add(ref);
      let piece = this.pieces.get(ref);
      if (!piece) {
        piece = this.make(r.kind);
        this.pieces.set(ref, piece);
      }
      const o = piece.o;
      o.icon.setFrame(r.kind);
      this.position(piece, spot.rect);
      if (spot.span) {
        o.span.setPosition(spot.span.x, spot.span.y).setDisplaySize(spot.span.w, spot.span.h).setTint(r.kind === 'loadBalancer' ? 0x8b5cf6 : 0xf59e0b).setAlpha(0.6).setVisible(true);
      } else o.span.setVisible(false);
    }
    for (const [ref, piece] of this.pieces) {
      if (seen.has(ref)) continue;
      for (const obj of Object.values(piece.o)) obj.destroy();
      this.pieces.delete(ref);
    }
    if (!this.users) {
      this.users = this.make('users');
      this.users.o.badge.setVisible(false);
    }
    this.position(this.users, state.layout.users);
    this.users.o.card.setFrame('card-booting');
    if (this.users.o.title.text !== usersLabel) this.users.o.title.setText(usersLabel);
  }

  /** Every piece shows its words again (another language). */
  forget(): void {
    for (const piece of this.pieces.values()) piece.look = '';
  }

  private position(piece: DrawnPiece, r: Rect): void {
    const o = piece.o;
    piece.drawing.rect = r;
    const scale = r.w / o.card.frame.width;
    o.card.setPosition(r.x, r.y).setScale(scale);
    o.overlay.setPosition(r.x, r.y).setScale(scale);
    o.icon.setPosition(r.x + 28, r.y + r.h / 2).setDisplaySize(ICON, ICON);
    o.ringBg.setPosition(r.x + 28, r.y + r.h / 2).setScale(scale);
    o.ring.setPosition(r.x + 28, r.y + r.h / 2).setScale(scale);
    o.badge.setPosition(r.x + r.w - 12, r.y + 12).setScale(scale);
    // The words stay on the card: a piece is cleared and drawn again within its rect alone.
    o.title.setPosition(r.x + TEXT_X, r.y + 8).setFixedSize(r.w - TEXT_X - TEXT_MARGIN, 0);
    o.subtitle.setPosition(r.x + TEXT_X, r.y + 30).setFixedSize(r.w - TEXT_X - TEXT_MARGIN, 0);
  }

  /**
   * Swaps frames and words to the current statuses, selection and hover, on the pieces whose resource, selection
   * or hover changed since they were last shown; names to `changed` each piece whose look did change.
   */
  update(state: MatchViewState, hovered: string | null, usersSubtitle: string, changed: PieceChanged): void {
    if (this.users && this.users.o.subtitle.text !== usersSubtitle) {
      this.users.o.subtitle.setText(usersSubtitle);
      changed('@users', this.users.drawing, false);
    }
    for (const [ref, piece] of this.pieces) {
      const r = state.model.byRef.get(ref);
      if (!r) continue;
      const selected = state.selected === ref || state.connectFrom === ref;
      const hover = hovered === ref;
      if (piece.shown === r && piece.selected === selected && piece.hovered === hover && piece.look) continue;
      const urgent = piece.selected !== selected || piece.hovered !== hover;
      const before = piece.shown;
      piece.shown = r;
      piece.selected = selected;
      piece.hovered = hover;
      const ring = ringOf(r);
      const frame = ring ? ringFrame(ring.value, ring.cache) : null;
      // Most changes are of load and requests alone, which the words do not show: then neither the words nor their
      // translations are looked up again.
      if (!urgent && piece.look && before && frame === piece.ring && sameWords(before, r)) continue;
      piece.ring = frame;
      const title = pieceTitle(r);
      const subtitle = pieceSubtitle(r);
      const look = `${r.health}|${ring ? 'r' : ''}${frame}|${title}|${subtitle}|${selected}|${hover}`;
      if (look === piece.look) continue;
      piece.look = look;
      const o = piece.o;
      o.card.setFrame(`card-${r.health}`);
      o.badge.setFrame(`badge-${r.health}`);
      o.overlay.setFrame(selected ? 'card-selected' : 'card-hover').setVisible(selected || hover);
      o.ringBg.setVisible(ring !== null);
      o.ring.setVisible(frame !== null);
      if (frame) o.ring.setFrame(frame);
      if (o.title.text !== title) o.title.setText(title);
      if (o.subtitle.text !== subtitle) o.subtitle.setText(subtitle);
      changed(ref, piece.drawing, urgent);
    }
  }
}
