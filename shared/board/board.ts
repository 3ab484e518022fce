import { zonesOf } from '../geography/regions.ts';
import type { Intent } from '../protocol/intents.ts';
import { refusal, type Refusal } from '../protocol/refusals.ts';
import { MAX_COMPONENTS_PER_ZONE, type PaletteKind } from './palette.ts';

// The foundation's board: one region, its three zones, and the components players placed in them.
// Plain data, changed only through applyIntent, so the room, tests and any replay apply the same rules.

export interface PlacedComponent {
  id: string;
  kind: PaletteKind;
  zone: string;
  /** Nickname of the player who placed it. */
  owner: string;
}

export interface Board {
  region: string;
  zones: string[];
  components: PlacedComponent[];
  /** Next component number: ids are never reused, so a late "remove c3" cannot hit a newer component. */
  nextId: number;
}

export function createBoard(region: string): Board {
  return { region, zones: zonesOf(region), components: [], nextId: 1 };
}

export type BoardChange =
  | { ok: true; added: PlacedComponent }
  | { ok: true; removed: PlacedComponent }
  | { ok: false; refusal: Refusal };

/** Applies one validated intent. A refusal leaves the board exactly as it was. */
export function applyIntent(board: Board, intent: Intent, owner: string): BoardChange {
  switch (intent.type) {
    case 'place': {
      if (!board.zones.includes(intent.zone)) return { ok: false, refusal: refusal('unknown-zone', intent.zone) };
      const inZone = board.components.filter((c) => c.zone === intent.zone).length;
      if (inZone >= MAX_COMPONENTS_PER_ZONE) return { ok: false, refusal: refusal('zone-full', intent.zone) };
      const added: PlacedComponent = { id: `c${board.nextId}`, kind: intent.component, zone: intent.zone, owner };
      board.nextId += 1;
      board.components.push(added);
      return { ok: true, added };
    }
    case 'remove': {
      const index = board.components.findIndex((c) => c.id === intent.id);
      if (index < 0) return { ok: false, refusal: refusal('not-found', intent.id) };
      const [removed] = board.components.splice(index, 1);
      return { ok: true, removed: removed! };
    }
  }
}
