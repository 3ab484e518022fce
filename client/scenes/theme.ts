// The board's colours and type, in one place. Colour is never the only signal: every state that has a colour
// also has a shape or a word.
import { loadBand } from '../../shared/sim/status.ts';
export const THEME = {
  background: 0x0a1020,
  globalBand: 0x101a33,
  // Every edge and line is 3:1 or more against each surface it is drawn on (WCAG 1.4.11, tests/client/board-contrast.test.ts).
  globalEdge: 0x5a6f9c,
  region: 0x0f1930,
  regionEdge: 0x5a6f9c,
  zone: 0x131f3a,
  /** A zone's column is laid over its region at this opacity. */
  zoneAlpha: 0.9,
  zoneEdge: 0x586d99,
  vpc: 0x0c2a3f,
  /** A VPC's box over its zones: the account's default VPC, there whether or not anyone builds in it, quieter. */
  vpcAlpha: 0.55,
  accountVpcAlpha: 0.22,
  vpcEdge: 0x38bdf8,
  vpcEdgeAlpha: 0.8,
  /** The default VPC's edge: a quiet grey, still 3:1 on the zones it crosses. */
  accountVpcEdge: 0x64748b,
  subnetPublic: 0x11324a,
  subnetPrivate: 0x14263f,
  subnetEdge: 0x3b82f6,
  card: 0x18233f,
  cardEdge: 0x34476f,
  cardHover: 0x22305a,
  selected: 0xfacc15,
  armed: 0x34d399,
  dark: 0x02040a,
  darkHatch: 0xf87171,
  /** A control connection (permissions, alarms): dashed, grey. */
  control: 0x8391a7,
  /** A connection that carries requests: solid, with an arrow head; red or amber when its target fails. */
  traffic: 0x4f8ff7,
  health: { ok: 0x34d399, warning: 0xfbbf24, down: 0xf87171, booting: 0x60a5fa, idle: 0x64748b } as Record<string, number>,
  text: '#e2e8f0',
  muted: '#94a3b8',
  // Small texts read at the default zoom (often under 0.7): a piece's second line ("waiting") and a subnet's
  // label ("Public · …") are a size up and a shade brighter than `muted`, over 8:1 on their cards and subnets
  // (WCAG asks 4.5:1; the camera's downscaling eats some of it).
  textSmall: '#cbd5e1',
  subnetText: '#bfdbfe',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans KR", "Noto Sans CJK KR", sans-serif',
};

/** The colour of a utilisation ring: calm, busy, saturated. */
export function loadColour(load: number): number {
  const band = loadBand(load);
  return band === 'full' ? 0xf87171 : band === 'busy' ? 0xfbbf24 : 0x34d399;
}
