// A team's board drawn small and read-only, as an SVG: the same layout the board scene uses (view/layout.ts) —
// regions, zones, VPCs, subnets, each piece as its icon on a card edged in its health's colour, the lines
// between pieces — scaled to fit. For the debrief's side-by-side boards; it reads the board as sent, nothing more.
import { h } from 'preact';
import { useMemo } from 'preact/hooks';
import { iconUrl } from '../art/icons.ts';
import { t } from '../i18n/index.ts';
import type { TeamBoard } from '../net/snapshot.ts';
import { THEME } from '../scenes/theme.ts';
import { buildBoardModel, darkZones } from '../view/board-model.ts';
import { layoutBoard, type Rect } from '../view/layout.ts';

const css = (colour: number): string => `#${colour.toString(16).padStart(6, '0')}`;
const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

function box(r: Rect, fill: number, stroke: number, extra: Record<string, unknown> = {}) {
  return h('rect', { x: r.x, y: r.y, width: r.w, height: r.h, rx: 6, fill: css(fill), stroke: css(stroke), 'stroke-width': 3, ...extra });
}

export function MiniBoard({ board, label }: { board: TeamBoard; label: string }) {
  const drawn = useMemo(() => {
    const model = buildBoardModel(board);
    return { model, layout: layoutBoard(board, model, darkZones(board)) };
  }, [board]);
  const { model, layout } = drawn;
  const pieces = [...model.pieces.values()];
  return h(
    'svg',
    { class: 'mini-board', viewBox: `0 0 ${layout.width} ${layout.height}`, role: 'img', 'aria-label': t('debrief.boardOf', { team: label, count: pieces.length }), preserveAspectRatio: 'xMidYMin meet' },
    h('rect', { x: 0, y: 0, width: layout.width, height: layout.height, fill: css(THEME.background) }),
    layout.regions.map((region) =>
      h('g', { key: region.code }, box(region.rect, region.dark ? THEME.dark : THEME.region, THEME.regionEdge), region.zones.map((z) => box(z.rect, z.dark ? THEME.dark : THEME.zone, z.dark ? THEME.darkHatch : THEME.zoneEdge, { key: z.zone, 'stroke-dasharray': z.dark ? '12 8' : undefined }))),
    ),
    layout.vpcs.map((vpc) => box(vpc.rect, THEME.vpc, THEME.vpcEdge, { key: vpc.ref, opacity: vpc.account ? 0.45 : 1 })),
    layout.subnets.map((s) => box(s.rect, s.public ? THEME.subnetPublic : THEME.subnetPrivate, THEME.subnetEdge, { key: s.ref })),
    model.lines.map((line, i) => {
      const a = layout.pieces.get(line.from);
      const b = layout.pieces.get(line.to);
      if (!a || !b) return null;
      const p = centre(a.rect);
      const q = centre(b.rect);
      return h('line', { key: i, x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: css(line.traffic ? (THEME.health[line.health] ?? THEME.control) : THEME.control), 'stroke-width': line.traffic ? 5 : 3, 'stroke-dasharray': line.traffic ? undefined : '10 8', opacity: 0.8 });
    }),
    pieces.map((piece) => {
      const spot = layout.pieces.get(piece.ref);
      if (!spot) return null;
      const r = spot.rect;
      const side = Math.min(r.h - 12, 42);
      return h(
        'g',
        { key: piece.ref, 'data-ref': piece.ref },
        h('title', {}, `${t(`kinds.name.${piece.kind}`)} ${piece.ref}: ${t(`health.${piece.resource.health}`)}`),
        box(r, THEME.card, THEME.health[piece.resource.health] ?? THEME.cardEdge, { 'stroke-width': 5 }),
        h('image', { href: iconUrl(piece.kind), x: r.x + 8, y: r.y + (r.h - side) / 2, width: side, height: side }),
        h('text', { x: r.x + side + 16, y: r.y + r.h / 2 + 7, fill: THEME.text, 'font-size': 20, 'font-family': THEME.font }, piece.resource.logicalId.slice(0, 14)),
      );
    }),
  );
}
