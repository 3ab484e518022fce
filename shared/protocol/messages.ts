// Message type names on the wire, shared by the room and the client so neither spells them alone.
import type { MatchReplay } from '../match/replay-file.ts';
import type { Refusal } from './refusals.ts';

export const MESSAGE = {
  /** Client → server: one intent (see intents.ts). */
  intent: 'intent',
  /** Server → the sender: its intent was refused (see refusals.ts). */
  refused: 'refused',
  /** Server → the sender: its intent was applied with warnings worth reading: `{ warnings, notices }`, the loader's warnings as English sentences and as codes with values (DesignNotice). */
  notice: 'notice',
  /**
   * Server → one client, when it sits down: `{ credential }`, the secret that gives it back its seat after a
   * server restart or a long absence (presented as the join option `seat`). Sent to the seat's own client only.
   */
  seat: 'seat',
  /** Client → server request: a CloudTrail query (shared/trail/query.ts); the answer is the matching events. */
  trail: 'trail',
  /** Client → server request (host only): the step and every team's world hash, to check a restore or replay. */
  fingerprint: 'fingerprint',
  /**
   * Client → server request, answered once the match has finished (refused with `wrong-phase` before): its
   * replay, with the recorded end of the player's own team, or of every team for the host.
   */
  replay: 'replay',
  /** Client → server request: one stack of the team's design as a CloudFormation template (export-stack.ts). */
  exportStack: 'exportStack',
  /** Client → server request: the change set of a template for a stack of the sender's own team (change-set.ts). */
  changeSet: 'changeSet',
  /** Client → server request: one page of a flow log's records of the sender's own team (flow-records.ts). */
  flowRecords: 'flowRecords',
  /** Client → server request (the host only): a classroom control (classroom.ts); the answer is a ClassroomAnswer. */
  classroom: 'classroom',
} as const;

/** The answer to a `replay` request. */
export type ReplayAnswer = { ok: true; replay: MatchReplay } | { ok: false; refusal: Refusal };

/** The room every mode plays in. */
export const MATCH_ROOM = 'match';

/** Nicknames: what players call themselves in the lobby and the audit log. */
export const NICKNAME_MAX_LENGTH = 24;
