import { describe, expect, it } from 'vitest';
import { frameLabels } from '../../client/scenes/board-frame.ts';
import { THEME } from '../../client/scenes/theme.ts';
import { buildBoardModel } from '../../client/view/board-model.ts';
import { layoutBoard } from '../../client/view/layout.ts';
import { exampleBoard } from './board-fixture.ts';

// WCAG 2.2 on the canvas: the board's lines (edges, outlines, connections) at 3:1 against what they are drawn on
// (1.4.11 non-text contrast), its words at 4.5:1 (1.4.3), each colour composed the way the board draws it (a
// translucent fill or line over the surface under it).

type Rgb = [number, number, number];
const rgbOf = (colour: number | string): Rgb => {
  const n = typeof colour === 'number' ? colour : parseInt(colour.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
/** `top` at `alpha` over `under`, as the canvas blends them. */
const over = (top: number | string, alpha: number, under: Rgb): Rgb => rgbOf(top).map((c, i) => c * alpha + under[i]! * (1 - alpha)) as Rgb;
const luminance = (rgb: Rgb): number => {
  const [r, g, b] = rgb.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The surfaces, stacked as drawFrame stacks them (client/scenes/board-frame.ts).
const background = rgbOf(THEME.background);
const band = rgbOf(THEME.globalBand);
const region = rgbOf(THEME.region);
const zone = over(THEME.zone, THEME.zoneAlpha, region);
const vpc = over(THEME.vpc, THEME.vpcAlpha, zone);
const accountVpc = over(THEME.vpc, THEME.accountVpcAlpha, zone);
const subnetPublic = rgbOf(THEME.subnetPublic);
const subnetPrivate = rgbOf(THEME.subnetPrivate);
const card = rgbOf(THEME.card);
/** What a connection may cross between two pieces: anything inside a region. */
const inRegion = { region, zone, vpc, accountVpc, subnetPublic, subnetPrivate };

/** Each line the board draws: its colour and opacity, and the surfaces on either side of it. */
const LINES: { line: string; colour: number; alpha: number; on: Record<string, Rgb> }[] = [
  { line: 'global band edge', colour: THEME.globalEdge, alpha: 1, on: { background, band } },
  { line: 'region edge', colour: THEME.regionEdge, alpha: 1, on: { background, region } },
  { line: 'zone edge', colour: THEME.zoneEdge, alpha: 1, on: { region, zone } },
  { line: "regional services' box", colour: THEME.zoneEdge, alpha: 1, on: { region } },
  { line: 'VPC edge', colour: THEME.vpcEdge, alpha: THEME.vpcEdgeAlpha, on: { zone, vpc } },
  { line: "default VPC's edge", colour: THEME.accountVpcEdge, alpha: 1, on: { zone, accountVpc } },
  { line: 'subnet edge', colour: THEME.subnetEdge, alpha: 1, on: { vpc, accountVpc, subnetPublic, subnetPrivate } },
  { line: 'selection', colour: THEME.selected, alpha: 1, on: { ...inRegion, card } },
  { line: 'armed target', colour: THEME.armed, alpha: 1, on: { background, band, ...inRegion } },
  { line: 'control connection', colour: THEME.control, alpha: 1, on: { band, ...inRegion } },
  { line: 'traffic connection', colour: THEME.traffic, alpha: 1, on: { band, ...inRegion } },
  { line: 'failing connection', colour: THEME.health.down!, alpha: 1, on: { band, ...inRegion } },
  { line: 'struggling connection', colour: THEME.health.warning!, alpha: 1, on: { band, ...inRegion } },
];

describe("the board's contrast", () => {
  for (const { line, colour, alpha, on } of LINES) {
    it(`draws the ${line} at 3:1 or more against what is under it`, () => {
      const low = Object.entries(on)
        .map(([surface, rgb]) => ({ surface, ratio: Math.round(contrast(over(colour, alpha, rgb), rgb) * 100) / 100 }))
        .filter((x) => x.ratio < 3);
      expect(low).toEqual([]);
    });
  }

  it("writes every label of the board's boxes at 4.5:1 or more on the surfaces they sit on", () => {
    // Every label drawFrame's texts draw, on a board with regions, zones, VPCs (the default one too) and subnets.
    const low: string[] = [];
    for (const name of ['single-instance', 'alb-asg-multi-az', 'two-region-failover']) {
      const board = exampleBoard(name);
      const layout = layoutBoard(board, buildBoardModel(board));
      for (const label of frameLabels(layout)) {
        if (label.banner) continue;
        // A label sits on its box's surface; the weakest of those is what counts.
        for (const [surface, rgb] of Object.entries({ band, region, zone, vpc, accountVpc, subnetPublic, subnetPrivate })) {
          const ratio = contrast(rgbOf(label.colour), rgb);
          if (ratio < 4.5) low.push(`${label.text} (${label.colour}) on ${surface}: ${ratio.toFixed(2)}`);
        }
      }
    }
    expect(low).toEqual([]);
  });

  it("writes a failed zone's banner at 4.5:1 or more on the darkened zone", () => {
    const board = exampleBoard('alb-asg-multi-az');
    const banners = frameLabels(layoutBoard(board, buildBoardModel(board), new Set(['us-east-1a']))).filter((l) => l.banner);
    expect(banners.length).toBeGreaterThan(0);
    // A failed zone is darkened at 0.72 (drawFrame) before its banner is written on it.
    const dark = over(THEME.dark, 0.72, zone);
    for (const banner of banners) expect(contrast(rgbOf(banner.colour), dark)).toBeGreaterThanOrEqual(4.5);
  });

  it("writes a piece's name and second line at 4.5:1 or more on its card", () => {
    expect(contrast(rgbOf(THEME.text), card)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(rgbOf(THEME.textSmall), card)).toBeGreaterThanOrEqual(4.5);
  });
});
