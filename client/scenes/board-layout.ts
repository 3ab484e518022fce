// Where things sit on the board, as pure arithmetic on the canvas size, so the scene, hit-testing and the
// browser tests agree on one answer.
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BoardLayout {
  region: Rect;
  zones: Rect[];
  /** Slot of the n-th component inside a zone rect. */
  slot(zone: Rect, n: number): Rect;
}

const MARGIN = 24;
const REGION_HEADER = 44;
const ZONE_GAP = 16;
const ZONE_HEADER = 40;
const CARD_H = 52;
const CARD_GAP = 8;
const COLUMNS = 2;

export function layoutBoard(width: number, height: number, zoneCount: number): BoardLayout {
  const region: Rect = { x: MARGIN, y: MARGIN, w: Math.max(0, width - 2 * MARGIN), h: Math.max(0, height - 2 * MARGIN) };
  const innerX = region.x + 16;
  const innerY = region.y + REGION_HEADER;
  const innerW = region.w - 32;
  const innerH = region.h - REGION_HEADER - 16;
  const zoneW = (innerW - ZONE_GAP * (zoneCount - 1)) / zoneCount;
  const zones = Array.from({ length: zoneCount }, (_, i) => ({
    x: innerX + i * (zoneW + ZONE_GAP),
    y: innerY,
    w: zoneW,
    h: innerH,
  }));
  return {
    region,
    zones,
    slot(zone, n) {
      const cardW = (zone.w - 12 * 2 - CARD_GAP * (COLUMNS - 1)) / COLUMNS;
      const col = n % COLUMNS;
      const row = Math.floor(n / COLUMNS);
      return {
        x: zone.x + 12 + col * (cardW + CARD_GAP),
        y: zone.y + ZONE_HEADER + row * (CARD_H + CARD_GAP),
        w: cardW,
        h: CARD_H,
      };
    },
  };
}

export function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}
