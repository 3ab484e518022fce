// The board's colours and type, in one place. Colour is never the only signal: every state that has a colour
// also has a shape or a word.
import { loadBand } from '../../shared/sim/status.ts';
export const THEME = {
  background: 0x0a1020,
  globalBand: 0x101a33,
  globalEdge: 0x2b3c63,
  region: 0x0f1930,
  regionEdge: 0x2f4470,
  zone: 0x131f3a,
  zoneEdge: 0x27395e,
  vpc: 0x0c2a3f,
  vpcEdge: 0x38bdf8,
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
  control: 0x64748b,
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
