// Hashing, snapshots and restores. The hash covers the whole state (every typed array of WorldState in
// STATE_KEYS order, byte for byte), the timeline and the design, so two worlds with the same hash will
// step identically. A snapshot is plain JSON; restoring recompiles the topology from the design it carries.

import { canonicalJson } from '../design/canonical.ts';
import { EARLY_BILL_CELLS } from './bill.ts';
import type { Design } from '../design/model.ts';
import type { Scenario } from '../scenario/schema.ts';
import { compileTopology } from './compile/index.ts';
import { allocateScratch } from './scratch.ts';
import { copyLedger, emptyLedger, type CostLedger } from './savings-ledger.ts';
import { allocateState, LATE_STATE_KEYS, OPTIONAL_STATE_KEYS, RI_FIELDS, SP_FIELDS, STATE_KEYS, type WorldState } from './state.ts';
import { isTimelineCode, timelineSentence } from './timeline-text.ts';
import { emptyMetrics, planScenario, type TimelineEntry, type World } from './world.ts';

type StateKey = (typeof STATE_KEYS)[number];

/** Two FNV-1a lanes (different offset bases) give a 64-bit digest as 16 hex digits. */
function digest() {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  return {
    byte(x: number) {
      a = Math.imul(a ^ x, 0x01000193) >>> 0;
      b = Math.imul(b ^ x, 0x01000193) >>> 0;
      b = (b ^ (b >>> 15)) >>> 0;
    },
    text(s: string) {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        this.byte(c & 0xff);
        this.byte(c >>> 8);
      }
      this.byte(0);
    },
    hex() {
      return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
    },
  };
}

export function hashWorld(world: World): string {
  const h = digest();
  for (const key of STATE_KEYS) {
    const arr = world.state[key];
    if (arr.length === 0 && OPTIONAL_STATE_KEYS.has(key)) continue;
    const bytes = key === 'spend' ? spendBytes(arr as Float64Array) : new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
    if (LATE_STATE_KEYS.has(key) && bytes.every((b) => b === 0)) continue;
    h.text(key);
    for (let i = 0; i < bytes.length; i++) h.byte(bytes[i]!);
  }
  const f = new Float64Array(1);
  const fb = new Uint8Array(f.buffer);
  for (const e of world.timeline) {
    f[0] = e.tS;
    for (let i = 0; i < 8; i++) h.byte(fb[i]!);
    h.text(e.kind);
    // The entry's English sentence: the same bytes the timeline hashed when it held sentences, and it covers
    // the code and every value.
    h.text(timelineSentence(e));
  }
  // Key order is not part of a design: a design read back from a database hashes as the one written.
  h.text(canonicalJson(world.design));
  h.text(String(world.seed));
  return h.hex();
}

/** The spend's bytes as hashed: the late services' cells (bill.ts) only once any holds a charge. */
function spendBytes(spend: Float64Array): Uint8Array {
  const late = spend.subarray(EARLY_BILL_CELLS).some((x) => x !== 0);
  return new Uint8Array(spend.buffer, spend.byteOffset, (late ? spend.length : Math.min(spend.length, EARLY_BILL_CELLS)) * 8);
}

/** Version 2: timeline entries are codes and values (version 1 held English sentences). */
export interface WorldSnapshot {
  version: 2;
  design: Design;
  scenario: Scenario;
  seed: number;
  state: Record<StateKey, number[]>;
  timeline: TimelineEntry[];
  /** Cost Explorer's ledger (savings-ledger.ts); absent in older snapshots, which then start a new one. */
  ledger?: CostLedger;
}

export function snapshotWorld(world: World): WorldSnapshot {
  const state = {} as Record<StateKey, number[]>;
  for (const key of STATE_KEYS) {
    if (world.state[key].length === 0 && OPTIONAL_STATE_KEYS.has(key)) continue;
    state[key] = Array.from(world.state[key] as ArrayLike<number>);
  }
  return {
    version: 2,
    design: JSON.parse(JSON.stringify(world.design)) as Design,
    scenario: JSON.parse(JSON.stringify(world.scenario)) as Scenario,
    seed: world.seed,
    state,
    timeline: world.timeline.map(copyEntry),
    ledger: copyLedger(world.ledger),
  };
}

export type RestoreResult = { ok: true; world: World } | { ok: false; code: 'snapshot-invalid'; message: string };

/** Rebuilds a world from a snapshot; refuses one whose arrays do not fit the design it carries. */
export function restoreWorld(snapshot: WorldSnapshot): World {
  const result = tryRestoreWorld(snapshot);
  if (!result.ok) throw new Error(result.message);
  return result.world;
}

export function tryRestoreWorld(snapshot: WorldSnapshot): RestoreResult {
  if (snapshot?.version !== 2 || !snapshot.design || !snapshot.scenario || !snapshot.state) {
    return { ok: false, code: 'snapshot-invalid', message: 'not a version 2 world snapshot' };
  }
  if (!Array.isArray(snapshot.timeline) || !snapshot.timeline.every(isEntry)) {
    return { ok: false, code: 'snapshot-invalid', message: 'the snapshot timeline has an entry that is not a known code with values' };
  }
  const removed = Uint8Array.from(snapshot.state.removed ?? []);
  if (removed.length !== snapshot.design.resources.length) {
    return { ok: false, code: 'snapshot-invalid', message: 'the snapshot state does not match its design' };
  }
  const topo = compileTopology(snapshot.design, removed);
  const plan = planScenario(snapshot.scenario);
  const state: WorldState = allocateState(topo, plan.events.length, snapshot.scenario.budgetUsd);
  for (const key of STATE_KEYS) {
    const source = snapshot.state[key];
    if (source === undefined && (world0Empty(state, key) || LATE_STATE_KEYS.has(key))) continue;
    // A Savings Plan is bought during the run: the snapshot's holds it, the fresh state has none yet.
    if (key === 'savingsPlan' && Array.isArray(source) && source.length === SP_FIELDS) state.savingsPlan = new Float64Array(SP_FIELDS);
    // So are Reserved Instances, any number of purchases.
    if (key === 'reserved' && Array.isArray(source) && source.length % RI_FIELDS === 0) state.reserved = new Float64Array(source.length);
    const target = state[key];
    // A snapshot taken before the late services were billed holds the early cells only; the rest are zeros.
    if (key === 'spend' && Array.isArray(source) && source.length === EARLY_BILL_CELLS) {
      for (let i = 0; i < source.length; i++) target[i] = source[i]!;
      continue;
    }
    if (!Array.isArray(source) || source.length !== target.length) {
      return { ok: false, code: 'snapshot-invalid', message: `snapshot array ${key} has the wrong length` };
    }
    for (let i = 0; i < source.length; i++) target[i] = source[i]!;
  }
  return {
    ok: true,
    world: {
      design: snapshot.design,
      scenario: snapshot.scenario,
      seed: snapshot.seed,
      plan,
      topo,
      state,
      scratch: allocateScratch(topo),
      timeline: snapshot.timeline.map(copyEntry),
      last: emptyMetrics(),
      ledger: snapshot.ledger ? copyLedger(snapshot.ledger) : emptyLedger(),
    },
  };
}

function copyEntry(e: TimelineEntry): TimelineEntry {
  return { ...e, values: JSON.parse(JSON.stringify(e.values)) as TimelineEntry['values'] };
}

function isEntry(e: unknown): e is TimelineEntry {
  const entry = e as Partial<TimelineEntry> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.tS === 'number' && isTimelineCode(entry.code) && typeof entry.values === 'object' && entry.values !== null;
}

/** An optional array the design does not use: absent from a snapshot that has no reason to hold it. */
function world0Empty(state: WorldState, key: StateKey): boolean {
  return OPTIONAL_STATE_KEYS.has(key) && state[key].length === 0;
}
