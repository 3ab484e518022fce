// The client reads the room's state along what each patch changed (client/net/wire-mirror.ts, the snapshot
// reader, the board model given its previous self). Here a match runs and is projected onto the wire as the room
// does, its patches go through Colyseus's own encoder and a client's decoder, and after every patch what the
// client made incrementally must equal what it makes from scratch (toJSON() and a full rebuild): through status
// changes (a zone failing), resources added, removed, replaced and reconfigured, and the timeline and charts
// moving on; while unchanged parts stay the same objects.
import { Encoder, Reflection, type Decoder, type StateView } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { SnapshotReader, snapshotOf, type MatchSnapshot, type StateJson } from '../../client/net/snapshot.ts';
import { followChanges, WireMirror } from '../../client/net/wire-mirror.ts';
import { buildBoardModel, type BoardModel } from '../../client/view/board-model.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import { createMatch } from '../../shared/match/create.ts';
import type { MatchSetup } from '../../shared/match/match.ts';
import { runTick } from '../../shared/match/tick.ts';
import { MatchState, TimelineItem, WireLink, WireResource } from '../../server/wire/match-state.ts';
import { newMemo, projectMatch, type SeatView } from '../../server/wire/project.ts';
import { viewFor } from '../../server/wire/views.ts';
import { exampleDesign, exampleScenario, host } from '../support/match-fixtures.ts';

const SETUP: MatchSetup = { mode: 'classroom', scenario: exampleScenario('az-outage'), seed: 5, design: exampleDesign('alb-asg-multi-az'), teams: [{ id: 'team-1', name: 'Red' }, { id: 'team-2', name: 'Blue' }] };
const SEATS: SeatView[] = [
  { sessionId: 'teacher', nickname: 'T', team: null, host: true, connected: true, principal: 'root' },
  { sessionId: 'ana', nickname: 'Ana', team: 'team-1', host: false, connected: true, principal: 'root' },
];

/** One client of the room: its decoder fed the room's patches for its view, and its incremental reading. */
class Client {
  readonly serializer: { decoder: Decoder };
  readonly mirror = new WireMirror();
  readonly reader = new SnapshotReader();
  /** Called on every state change, as the connection does (client/net/match-connection.ts). */
  readonly follow: () => void;
  readonly sessionId: string;
  readonly view: StateView;
  snapshot: MatchSnapshot | undefined;
  model: BoardModel | undefined;

  constructor(encoder: Encoder, sessionId: string, view: StateView) {
    this.sessionId = sessionId;
    this.view = view;
    this.serializer = { decoder: Reflection.decode(Reflection.encode(encoder)) };
    this.follow = followChanges(this, this.mirror);
    this.follow();
  }

  get decoder(): Decoder {
    return this.serializer.decoder;
  }

  get state(): unknown {
    return this.decoder.state;
  }

  /** Reads the state as the client does, and from scratch; returns both. */
  read(): { incremental: MatchSnapshot; full: MatchSnapshot; model: BoardModel; fullModel: BoardModel } {
    const incremental = this.reader.read(this.mirror.read<StateJson>(this.decoder.state), this.sessionId);
    const full = snapshotOf(this.decoder.state.toJSON() as StateJson, this.sessionId);
    const model = buildBoardModel(incremental.board, this.model);
    this.snapshot = incremental;
    this.model = model;
    return { incremental, full, model, fullModel: buildBoardModel(full.board) };
  }
}

/** The room's side: the wire state, its encoder, and the patches it sends each client (as @colyseus/core does). */
class Room {
  readonly state = new MatchState();
  readonly encoder: Encoder;
  readonly clients: Client[] = [];
  private sentFull = false;

  constructor() {
    this.encoder = new Encoder(this.state);
  }

  join(sessionId: string, seat: { host: boolean; team: string | null }): Client {
    const client = new Client(this.encoder, sessionId, viewFor(this.state, seat));
    this.clients.push(client);
    return client;
  }

  send(): void {
    for (const client of this.clients) {
      const it = { offset: 0 };
      client.decoder.decode(this.sentFull ? (this.encoder.encode(it), this.encoder.encodeView(client.view, it.offset, it)) : this.fullState(client));
      client.follow();
    }
    this.sentFull = true;
    this.encoder.discardChanges();
  }

  /** A client back on a new decoder (a reconnection), given the whole state on it. */
  reconnect(client: Client): void {
    client.serializer.decoder = Reflection.decode(Reflection.encode(this.encoder));
    client.decoder.decode(this.fullState(client));
    client.follow();
  }

  private fullState(client: Client): Uint8Array {
    const it = { offset: 0 };
    this.encoder.encodeAll(it);
    return this.encoder.encodeAllView(client.view, it.offset, { ...it });
  }
}

/** Edits made on the wire directly between ticks: what a design change does to a board, without the rules. */
function addInstance(board: ReturnType<MatchState['boards']['get']> & object, id: string, subnet: string): string {
  const ref = `web/${id}`;
  board.resources.set(ref, Object.assign(new WireResource(), { ref, kind: 'instance', stack: 'web', logicalId: id, region: 'us-east-1', zone: 'us-east-1a', props: JSON.stringify({ instanceType: 't3.micro', subnet }), piece: ref, health: 'booting', load: 0, rps: 0, count: 1 }));
  board.revision += 1;
  return ref;
}

describe("the client's incremental reading of the room's state", () => {
  it('equals a full rebuild after every patch, and keeps what a patch did not change', () => {
    const match = createMatch(SETUP);
    const cursor = new Map<string, number>();
    const room = new Room();
    const memo = newMemo();
    projectMatch(room.state, match, SEATS, memo, true);
    const teacher = room.join('teacher', { host: true, team: null });
    const ana = room.join('ana', { host: false, team: 'team-1' });
    const ticks: [MatchIntent[], number][] = [
      [[{ type: 'clock', command: 'start' }], 30],
      [[{ type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 300, params: { zone: 'us-east-1a' } } }], 60],
      [[], 30],
      // Paused: the worlds stand still, so a patch leaves the boards alone (only what a tick edits on the wire).
      [[{ type: 'clock', command: 'pause' }], 10],
    ];
    let seq = 0;
    let tick = 0;
    const seen = { healthChanges: 0, keptResources: 0, remadeResources: 0, keptBoards: 0, keptPieces: 0, added: '', removed: 0 };
    for (const [intents, steps] of ticks) {
      for (let i = 0; i < steps; i++, tick++) {
        const queue = i === 0 ? intents.map((intent) => ({ seq: seq++, actor: host(null), intent, wallMs: 0 })) : [];
        runTick(match, queue, 1, 0, cursor);
        projectMatch(room.state, match, SEATS, memo, true);
        const red = room.state.boards.get('team-1')!;
        const subnet = [...red.resources.values()].find((r) => r.kind === 'subnet')!.ref;
        // Additions, a replaced resource, a reconfigured one, a removal, a new link and timeline entry, on the wire.
        if (tick === 20) seen.added = addInstance(red, 'Extra1', subnet);
        if (tick === 25) addInstance(red, 'Extra2', subnet);
        if (tick === 35) red.resources.set(seen.added, Object.assign(new WireResource(), { ...red.resources.get(seen.added)!.toJSON(), health: 'ok', rps: 12 }));
        if (tick === 45) red.resources.get(seen.added)!.props = JSON.stringify({ instanceType: 'm5.large', subnet });
        if (tick === 50) {
          const lb = [...red.resources.values()].find((r) => r.kind === 'loadBalancer')!.ref;
          red.links.set(`${lb}>${seen.added}`, Object.assign(new WireLink(), { from: lb, to: seen.added, meaning: 'forwards to' }));
        }
        if (tick === 55) red.timeline.push(Object.assign(new TimelineItem(), { tS: 1, kind: 'event', code: 'usersEnterNowhere', values: JSON.stringify({ title: 'a test entry' }) }));
        if (tick === 70) {
          red.resources.delete('web/Extra2');
          red.revision += 1;
          seen.removed += 1;
        }
        room.send();
        for (const client of room.clients) {
          const before = client.snapshot;
          const beforeModel = client.model;
          const { incremental, full, model, fullModel } = client.read();
          expect(incremental).toEqual(full);
          expect(model).toEqual(fullModel);
          if (!before || !beforeModel) continue;
          for (const board of incremental.boards) {
            const previous = before.boards.find((b) => b.team === board.team)!;
            if (board === previous) seen.keptBoards++;
            for (const r of board.resources) {
              const then = previous.resources.find((x) => x.ref === r.ref);
              if (then === r) seen.keptResources++;
              else seen.remadeResources++;
              if (then && then.health !== r.health) seen.healthChanges++;
            }
          }
          for (const [ref, piece] of model.pieces) if (beforeModel.pieces.get(ref) === piece) seen.keptPieces++;
        }
      }
    }
    expect(ana.snapshot!.boards.map((b) => b.team)).toEqual(['team-1']);
    expect(teacher.snapshot!.boards.map((b) => b.team).sort()).toEqual(['team-1', 'team-2']);
    expect(ana.snapshot!.board.resources.some((r) => r.ref === seen.added && r.props.instanceType === 'm5.large')).toBe(true);
    expect(ana.snapshot!.board.resources.some((r) => r.ref === 'web/Extra2')).toBe(false);
    expect(ana.model!.lines.some((l) => l.to === seen.added && l.traffic)).toBe(true);
    // The run did change statuses, and most of what a patch left alone was kept, not remade.
    expect(seen.healthChanges).toBeGreaterThan(0);
    expect(seen.keptResources).toBeGreaterThan(seen.remadeResources);
    expect(seen.keptBoards).toBeGreaterThan(0);
    expect(seen.keptPieces).toBeGreaterThan(0);
  });

  it('reads everything anew on a new decoder (a reconnection), follows that one, and still equals a full rebuild', () => {
    const match = createMatch(SETUP);
    const cursor = new Map<string, number>();
    const room = new Room();
    const memo = newMemo();
    projectMatch(room.state, match, SEATS, memo, true);
    const ana = room.join('ana', { host: false, team: 'team-1' });
    room.send();
    const first = ana.read().incremental;
    room.reconnect(ana);
    const again = ana.read();
    expect(again.incremental).toEqual(again.full);
    expect(again.incremental.board).not.toBe(first.board);
    expect(again.incremental.board.resources).toEqual(first.board.resources);
    // The new decoder's patches are followed: statuses move on and the reading keeps up.
    runTick(match, [{ seq: 0, actor: host(null), intent: { type: 'clock', command: 'start' }, wallMs: 0 }], 1, 0, cursor);
    for (let i = 0; i < 40; i++) {
      if (i) runTick(match, [], 1, 0, cursor);
      projectMatch(room.state, match, SEATS, memo, true);
      room.send();
      const { incremental, full } = ana.read();
      expect(incremental).toEqual(full);
    }
    expect(ana.snapshot!.step).toBe(match.clock.step);
  });
});
