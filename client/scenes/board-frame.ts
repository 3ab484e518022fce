// The board's boxes: the global band, regions, AZ columns (dark and hatched when they fail), VPCs and
// subnets, drawn into one Graphics; their labels as texts in a layer the minimap does not draw.
import type Phaser from 'phaser';
import { t } from '../i18n/index.ts';
import type { BoardLayout, Rect } from '../view/layout.ts';
import { THEME } from './theme.ts';

function hatch(g: Phaser.GameObjects.Graphics, r: Rect, colour: number, alpha: number): void {
  g.lineStyle(2, colour, alpha);
  const step = 22;
  for (let d = -r.h; d < r.w; d += step) {
    const x1 = r.x + Math.max(0, d);
    const y1 = r.y + Math.max(0, -d);
    const len = Math.min(r.w - Math.max(0, d), r.h - Math.max(0, -d));
    if (len > 0) g.lineBetween(x1, y1, x1 + len, y1 + len);
  }
}

/** `selected`: the VPC or subnet the player selected by its label strip (outlined as a selected piece is). */
export function drawFrame(g: Phaser.GameObjects.Graphics, layout: BoardLayout, highlight: (kind: 'global' | 'region' | 'cell' | 'subnet', key: string) => boolean, selected: string | null = null): void {
  g.clear();
  const band = layout.global;
  g.fillStyle(THEME.globalBand, 1).fillRoundedRect(band.x, band.y, band.w, band.h, 16);
  g.lineStyle(2, highlight('global', '') ? THEME.armed : THEME.globalEdge, 1).strokeRoundedRect(band.x, band.y, band.w, band.h, 16);

  for (const region of layout.regions) {
    const r = region.rect;
    g.fillStyle(THEME.region, 1).fillRoundedRect(r.x, r.y, r.w, r.h, 18);
    g.lineStyle(2, highlight('region', region.code) ? THEME.armed : THEME.regionEdge, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 18);
    if (region.services.h > 0) {
      const s = region.services;
      g.lineStyle(1, THEME.zoneEdge, 1).strokeRoundedRect(s.x, s.y, s.w, s.h, 10);
    }
    for (const zone of region.zones) {
      const z = zone.rect;
      g.fillStyle(THEME.zone, THEME.zoneAlpha).fillRoundedRect(z.x, z.y, z.w, z.h, 12);
      g.lineStyle(1, THEME.zoneEdge, 1).strokeRoundedRect(z.x, z.y, z.w, z.h, 12);
    }
  }
  for (const vpc of layout.vpcs) {
    const r = vpc.rect;
    // The account's default VPC is there whether or not anyone builds in it: drawn quietly.
    g.fillStyle(THEME.vpc, vpc.account ? THEME.accountVpcAlpha : THEME.vpcAlpha).fillRoundedRect(r.x, r.y, r.w, r.h, 14);
    if (vpc.ref === selected) g.lineStyle(3, THEME.selected, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 14);
    else if (vpc.account) g.lineStyle(1, THEME.accountVpcEdge, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 14);
    else g.lineStyle(2, THEME.vpcEdge, THEME.vpcEdgeAlpha).strokeRoundedRect(r.x, r.y, r.w, r.h, 14);
  }
  for (const cell of layout.cells) {
    if (highlight('cell', `${cell.vpc}|${cell.zone}`)) {
      g.lineStyle(2, THEME.armed, 0.9).strokeRoundedRect(cell.rect.x + 4, cell.rect.y, cell.rect.w - 8, cell.rect.h, 10);
    }
  }
  for (const subnet of layout.subnets) {
    const r = subnet.rect;
    g.fillStyle(subnet.public ? THEME.subnetPublic : THEME.subnetPrivate, 1).fillRoundedRect(r.x, r.y, r.w, r.h, 10);
    const lit = highlight('subnet', subnet.ref);
    if (subnet.ref === selected) g.lineStyle(3, THEME.selected, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 10);
    else g.lineStyle(lit ? 2 : 1, lit ? THEME.armed : THEME.subnetEdge, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 10);
  }
  // Failed zones and regions: darkened and hatched, with a word on top (drawn by the labels).
  for (const region of layout.regions) {
    for (const zone of region.zones) {
      if (!zone.dark) continue;
      g.fillStyle(THEME.dark, 0.72).fillRoundedRect(zone.rect.x, zone.rect.y, zone.rect.w, zone.rect.h, 12);
      hatch(g, zone.rect, THEME.darkHatch, 0.22);
    }
    if (region.dark) {
      g.fillStyle(THEME.dark, 0.5).fillRoundedRect(region.rect.x, region.rect.y, region.rect.w, region.rect.h, 18);
    }
  }
}

export interface FrameLabel {
  x: number;
  y: number;
  text: string;
  size: number;
  colour: string;
  bold?: boolean;
  originX?: number;
  /** Drawn above everything (a failed zone's banner). */
  banner?: boolean;
}

export function frameLabels(layout: BoardLayout): FrameLabel[] {
  const out: FrameLabel[] = [];
  out.push({ x: layout.global.x + 18, y: layout.global.y + 10, text: t('board.global'), size: 16, colour: THEME.muted, bold: true });
  for (const region of layout.regions) {
    const r = region.rect;
    out.push({ x: r.x + 20, y: r.y + 14, text: region.code, size: 22, colour: THEME.text, bold: true });
    out.push({ x: r.x + r.w - 20, y: r.y + 18, text: t(`regions.${region.code}`, { defaultValue: region.name }), size: 17, colour: THEME.muted, originX: 1 });
    if (region.services.h > 0) out.push({ x: region.services.x + 12, y: region.services.y + 7, text: t('board.regionalServices'), size: 13, colour: THEME.muted });
    for (const zone of region.zones) {
      out.push({ x: zone.rect.x + 14, y: zone.rect.y + 8, text: `AZ ${zone.zone}`, size: 15, colour: THEME.text, bold: true });
      if (zone.dark) {
        out.push({ x: zone.rect.x + zone.rect.w / 2, y: zone.rect.y + zone.rect.h - 44, text: `✕ ${t('board.zoneDown')}`, size: 20, colour: '#fecaca', bold: true, originX: 0.5, banner: true });
      }
    }
    if (region.dark) out.push({ x: r.x + r.w / 2, y: r.y + 14, text: `✕ ${t('board.regionDown')}`, size: 22, colour: '#fecaca', bold: true, originX: 0.5, banner: true });
  }
  for (const vpc of layout.vpcs) {
    const id = vpc.ref.split('/')[1] ?? vpc.ref;
    const name = vpc.retained ? t('board.retainedVpc', { id }) : vpc.account ? t('board.defaultVpc') : `VPC ${id}`;
    out.push({ x: vpc.rect.x + 14, y: vpc.rect.y + 9, text: `${name} · ${vpc.cidr}`, size: 14, colour: vpc.account ? THEME.muted : '#7dd3fc', bold: !vpc.account });
  }
  for (const subnet of layout.subnets) {
    const id = subnet.ref.split('/')[1] ?? subnet.ref;
    const kind = subnet.public ? t('board.publicSubnet') : t('board.privateSubnet');
    out.push({ x: subnet.rect.x + 10, y: subnet.rect.y + 6, text: `${kind} · ${id} · ${subnet.cidr}`, size: 15, colour: THEME.subnetText });
  }
  return out;
}
