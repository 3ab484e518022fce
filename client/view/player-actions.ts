// Everything the player does that reaches the server goes through here: one place that sends intents, keeps
// the labels of the player's undoable gestures, and knows which field or palette entry the last intent came
// from, so that a refusal can be shown beside the field it concerns. Each gesture is one intent; what it
// builds, removes or connects, and its undo, are decided by the shared rules when the server applies it.
import type { MatchIntent } from '../../shared/match/intents.ts';
import type { ExportStackAnswer, ExportStackRequest } from '../../shared/protocol/export-stack.ts';
import { refusal, type Refusal } from '../../shared/protocol/refusals.ts';
import type { TrailEvent } from '../../shared/trail/event.ts';
import type { TrailQuery } from '../../shared/trail/query.ts';
import type { ChangeSetAnswer, ChangeSetRequest } from '../../shared/protocol/change-set.ts';
import type { FlowRecordsAnswer, FlowRecordsRequest } from '../../shared/protocol/flow-records.ts';
import { PALETTE, type PlaceTarget } from '../../shared/design/plans/palette.ts';
import type { MatchView } from './match-view.ts';
import { UndoStack } from './undo.ts';
import { IAM_REFUSAL_CODES } from '../../shared/iam/refusals.ts';
import { DEPENDENCY_VIOLATION } from '../../shared/design/plans/remove.ts';

import type { ClassroomAnswer, ClassroomCommand } from '../../shared/protocol/classroom.ts';

/** Refusals worded by AWS (IAM's, EC2's DependencyViolation): AWS's own sentence follows the translated one. */
const AWS_WORDED: ReadonlySet<string> = new Set([...IAM_REFUSAL_CODES, DEPENDENCY_VIOLATION]);

export interface IntentSink {
  send(intent: MatchIntent): void;
  trail(query: TrailQuery): Promise<TrailEvent[]>;
  exportStack(request: ExportStackRequest): Promise<ExportStackAnswer>;
  /** The room's change set of a template (absent where there is no room: a replay). */
  changeSet?(request: ChangeSetRequest): Promise<ChangeSetAnswer>;
  /** A page of a flow log's records, computed by the room (absent where there is no room: a replay). */
  flowRecords?(request: FlowRecordsRequest): Promise<FlowRecordsAnswer>;
  /** A teacher's control of the classroom's room (absent where there is no room: a replay). */
  classroom?(command: ClassroomCommand): Promise<ClassroomAnswer>;
}

export interface Notify {
  (text: string, tone?: 'error' | 'info' | 'alarm' | 'budget'): void;
}

/** How long after sending an intent a refusal is taken to be its answer. */
const ANSWER_WINDOW_MS = 3000;

export interface SendOptions {
  /** "ref:prop" of the field the intent came from: its refusal is shown there. */
  field?: string;
  /** The palette entry it came from: an AccessDenied greys it out. */
  entry?: string;
  /** A translation key naming the action for the undo button; omitted: not undoable. */
  undo?: string;
}

export class PlayerActions {
  private readonly sink: IntentSink;
  private readonly view: MatchView;
  private readonly notify: Notify;
  private readonly translate: (key: string, params?: Record<string, unknown>) => string;
  readonly undoStack = new UndoStack();
  private last: { at: number; options: SendOptions } | null = null;
  private undoListeners = new Set<() => void>();

  constructor(sink: IntentSink, view: MatchView, notify: Notify, translate: (key: string, params?: Record<string, unknown>) => string) {
    this.sink = sink;
    this.view = view;
    this.notify = notify;
    this.translate = translate;
  }

  onUndoChange(listener: () => void): () => void {
    this.undoListeners.add(listener);
    return () => this.undoListeners.delete(listener);
  }

  send(intent: MatchIntent, options: SendOptions = {}): void {
    if (options.undo) {
      this.undoStack.push(options.undo);
      for (const l of this.undoListeners) l();
    }
    // A refusal beside an inspector field answers the last change: the next change to the board's settings
    // (of this piece or its parts: a listener's protocol, then the load balancer's type) makes it stale.
    if (options.field?.includes('/')) this.view.clearResourceFieldErrors();
    else if (options.field) this.view.fieldError(options.field, null);
    this.last = { at: Date.now(), options };
    this.sink.send(intent);
  }

  /** Asks the server to take back this player's last gesture: the shared rules compute and check its inverse. */
  undo(): void {
    const label = this.undoStack.pop();
    for (const l of this.undoListeners) l();
    if (!label) {
      this.notify(this.translate('undo.nothing'), 'info');
      return;
    }
    this.last = { at: Date.now(), options: {} };
    this.sink.send({ type: 'undo' });
    this.notify(this.translate('undo.done', { what: this.translate(label) }), 'info');
  }

  /** Places the armed palette entry; it stays armed only when asked (shift-click places several). */
  place(target: PlaceTarget, keepArmed = false): void {
    const entry = PALETTE.find((p) => p.id === this.view.current.armed);
    if (!entry) return;
    this.send({ type: 'place', entry: entry.id, target: target as Extract<MatchIntent, { type: 'place' }>['target'] }, { entry: entry.id, undo: `palette.${entry.id}.name` });
    if (!keepArmed) this.view.arm(null);
  }

  /** Adds a part to a piece from its inspector (an alarm, a policy, a replica, …): one gesture too. */
  addPart(entry: string, piece: string, undo: string): void {
    this.send({ type: 'place', entry, target: { piece } }, { undo });
  }

  connect(from: string, to: string): void {
    this.send({ type: 'connect', from, to }, { undo: 'undo.connect' });
  }

  disconnect(from: string, to: string): void {
    this.send({ type: 'disconnect', from, to }, { undo: 'undo.disconnect' });
  }

  configure(target: string, props: Record<string, unknown>, field: string): void {
    this.send({ type: 'configure', target, props }, { field: `${target}:${field}`, undo: 'undo.configure' });
  }

  move(target: string, position: { x: number; y: number }): void {
    this.send({ type: 'move', target, position }, { undo: 'undo.move' });
  }

  /** Removes a piece with its parts, by the shared delete plan (the design's own dependents). */
  remove(ref: string): void {
    this.send({ type: 'remove', ref }, { undo: 'undo.remove' });
    if (this.view.current.selected === ref) this.view.select(null);
  }

  /** Deletes a DB snapshot the account keeps (rds:DeleteDBSnapshot): its bill stops; nothing brings it back, so no undo. */
  deleteSnapshot(ref: string): void {
    this.send({ type: 'delete', target: ref });
  }

  /** A CloudTrail page; an unanswered request (the room closing) gives an empty one. */
  trail(query: TrailQuery): Promise<TrailEvent[]> {
    return this.sink.trail(query).catch(() => []);
  }

  /** A stack exported from the team's real design (by the room; by the replay's own design in the viewer). */
  exportStack(request: ExportStackRequest): Promise<ExportStackAnswer> {
    return this.sink.exportStack(request).catch(() => ({ ok: false, refusal: refusal('not-connected') }));
  }

  /** "Create change set": computed by the room against the team's design; no room or no answer is a refusal. */
  changeSet(request: ChangeSetRequest): Promise<ChangeSetAnswer> {
    if (!this.sink.changeSet) return Promise.resolve({ ok: false, refusal: refusal('not-connected') });
    return this.sink.changeSet(request).catch(() => ({ ok: false as const, refusal: refusal('not-connected') }));
  }

  /** A page of a flow log's records from the room; no room or no answer is a refusal. */
  /** A teacher's control of the room; a refusal arrives as a toast too (the room's `refused` message). */
  classroom(command: ClassroomCommand): Promise<ClassroomAnswer> {
    if (!this.sink.classroom) return Promise.resolve({ ok: false, refusal: refusal('not-connected') });
    return this.sink.classroom(command).catch(() => ({ ok: false as const, refusal: refusal('not-connected') }));
  }

  flowRecords(request: FlowRecordsRequest): Promise<FlowRecordsAnswer> {
    if (!this.sink.flowRecords) return Promise.resolve({ ok: false, refusal: refusal('not-connected') });
    return this.sink.flowRecords(request).catch(() => ({ ok: false as const, refusal: refusal('not-connected') }));
  }

  /** A refusal from the server: shown beside the field it most likely answers, and always as a toast. */
  refused(refusal: Refusal): void {
    const text = this.describe(refusal);
    const last = this.last;
    if (last && Date.now() - last.at < ANSWER_WINDOW_MS) {
      // A refused gesture changed nothing, so there is nothing of it to undo.
      if (last.options.undo && this.undoStack.peek() === last.options.undo) {
        this.undoStack.pop();
        for (const l of this.undoListeners) l();
      }
      if (last.options.field) this.view.fieldError(last.options.field, text);
      if (last.options.entry && refusal.code === 'AccessDenied') this.view.deny(last.options.entry);
    }
    this.notify(text, 'error');
  }

  describe(refusal: Refusal): string {
    // A rule's refusal carries the rule's code: where the language says that rule in its own words, they come
    // first, with the rule's (AWS's) English wording after them.
    const rule = refusal.code === 'design-rule' && refusal.detail ? this.translate(`ruleIssues.${refusal.detail}`, { defaultValue: '' }) : '';
    if (rule) return `${rule} (${refusal.message})`;
    const message = this.translate(`refusals.${refusal.code}`, { defaultValue: refusal.message });
    // IAM's refusals say what was refused and why in AWS's own words (the user, the action, the denying
    // policy): where the language has its own sentence for the code, AWS's message follows it, as AWS shows it.
    if (AWS_WORDED.has(refusal.code) && message !== refusal.message) return `${message} (${refusal.message})${refusal.code === DEPENDENCY_VIOLATION && refusal.detail ? ` ${refusal.detail}` : ''}`;
    return refusal.detail ? `${message} (${refusal.detail})` : message;
  }
}
