import { boardFrames } from './board-frames.ts';

// The game's own component icons (assets/art/icons/*.svg, drawn for this game) and the one texture atlas the
// board draws them from. The DOM panels show the same SVGs, so a piece looks the same in the palette, the
// inspector and on the board.
const sources = import.meta.glob('../../assets/art/icons/*.svg', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export const ICONS: Record<string, string> = Object.fromEntries(
  Object.entries(sources).map(([path, svg]) => [path.slice(path.lastIndexOf('/') + 1, -'.svg'.length), svg]),
);

/** A data URL of an icon for <img>; unknown kinds get the subnet's neutral square. */
export function iconUrl(name: string): string {
  const svg = ICONS[name] ?? ICONS.subnet ?? '';
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Side of one icon cell in the atlas, in pixels: drawn large so they stay sharp when the board is zoomed in. */
export const ICON_SIZE = 96;
/** Traffic particles: a dot per health, drawn once into the atlas. */
export const DOT_FRAMES = ['dot-ok', 'dot-warning', 'dot-down'] as const;
const DOT_SIZE = 16;

export interface AtlasFrame {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('icon did not load'));
    image.src = url;
  });
}

/** Draws every icon, particle and board frame into one canvas and says where each frame is. */
export async function drawAtlas(): Promise<{ canvas: HTMLCanvasElement; frames: AtlasFrame[] }> {
  const names = Object.keys(ICONS).sort();
  const perRow = 8;
  const extra = boardFrames();
  // Shelf packing of the board frames below the icons and dots.
  const width = Math.max(perRow * ICON_SIZE, 1024);
  const top = (Math.ceil(names.length / perRow) + 1) * ICON_SIZE;
  const places: { x: number; y: number }[] = [];
  let x = 0;
  let y = top;
  let shelf = 0;
  for (const f of extra) {
    if (x + f.w > width) {
      x = 0;
      y += shelf + 2;
      shelf = 0;
    }
    places.push({ x, y });
    x += f.w + 2;
    shelf = Math.max(shelf, f.h);
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = y + shelf + 2;
  const g = canvas.getContext('2d')!;
  const frames: AtlasFrame[] = [];
  extra.forEach((f, i) => {
    const p = places[i]!;
    g.save();
    g.translate(p.x, p.y);
    f.draw(g);
    g.restore();
    frames.push({ name: f.name, x: p.x, y: p.y, w: f.w, h: f.h });
  });
  const images = await Promise.all(names.map((n) => loadImage(iconUrl(n))));
  images.forEach((image, i) => {
    const x = (i % perRow) * ICON_SIZE;
    const y = Math.floor(i / perRow) * ICON_SIZE;
    g.drawImage(image, x + 2, y + 2, ICON_SIZE - 4, ICON_SIZE - 4);
    frames.push({ name: names[i]!, x, y, w: ICON_SIZE, h: ICON_SIZE });
  });
  const dotsY = Math.ceil(names.length / perRow) * ICON_SIZE;
  const colours: Record<(typeof DOT_FRAMES)[number], string> = { 'dot-ok': '#6ee7b7', 'dot-warning': '#fbbf24', 'dot-down': '#f87171' };
  DOT_FRAMES.forEach((name, i) => {
    const x = i * DOT_SIZE * 2;
    g.fillStyle = colours[name];
    g.beginPath();
    if (name === 'dot-warning') {
      // Shapes differ too: a circle is fine, a diamond is strained, a cross has failed.
      g.moveTo(x + DOT_SIZE / 2, dotsY + 1);
      g.lineTo(x + DOT_SIZE - 1, dotsY + DOT_SIZE / 2);
      g.lineTo(x + DOT_SIZE / 2, dotsY + DOT_SIZE - 1);
      g.lineTo(x + 1, dotsY + DOT_SIZE / 2);
      g.closePath();
      g.fill();
    } else if (name === 'dot-down') {
      g.strokeStyle = colours[name];
      g.lineWidth = 4;
      g.moveTo(x + 3, dotsY + 3);
      g.lineTo(x + DOT_SIZE - 3, dotsY + DOT_SIZE - 3);
      g.moveTo(x + DOT_SIZE - 3, dotsY + 3);
      g.lineTo(x + 3, dotsY + DOT_SIZE - 3);
      g.stroke();
    } else {
      g.arc(x + DOT_SIZE / 2, dotsY + DOT_SIZE / 2, DOT_SIZE / 2 - 2, 0, Math.PI * 2);
      g.fill();
    }
    frames.push({ name, x, y: dotsY, w: DOT_SIZE, h: DOT_SIZE });
  });
  return { canvas, frames };
}
