// Everything the player does that reaches the server goes through here: one place that sends intents, keeps
// the undo stack, and knows which field or palette entry the last intent came from, so that a refusal can be
// shown beside the field it concerns.
import type { MatchIntent } from '../../shared/match/intents.ts';
import type { Refusal } from '../../shared/protocol/refusals.ts';
import type { TrailEvent } from '../../shared/trail/event.ts';
import type { TrailQuery } from '../../shared/trail/query.ts';
import { planConnection } from './connect-plan.ts';
import type { MatchView } from './match-view.ts';
import { PALETTE, placeIntents, type PlaceTarget } from './placement.ts';
import { publicSubnetRefs } from './board-model.ts';
import { inverseOf, UndoStack } from './undo.ts';

export interface IntentSink {
  send(intent: MatchIntent): void;
  trail(query: TrailQuery): Promise<TrailEvent[]>;
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

  send(intents: MatchIntent | MatchIntent[], options: SendOptions = {}): void {
    const list = Array.isArray(intents) ? intents : [intents];
    if (list.length === 0) return;
    if (options.undo) {
      const inverse = inverseOf(list, this.view.current.match.board);
      if (inverse && inverse.length > 0) {
        this.undoStack.push({ label: options.undo, inverse });
        for (const l of this.undoListeners) l();
      }
    }
    if (options.field) this.view.fieldError(options.field, null);
    this.last = { at: Date.now(), options };
    for (const intent of list) this.sink.send(intent);
  }

  undo(): void {
    const entry = this.undoStack.pop();
    for (const l of this.undoListeners) l();
    if (!entry) {
      this.notify(this.translate('undo.nothing'), 'info');
      return;
    }
    this.last = { at: Date.now(), options: {} };
    for (const intent of entry.inverse) this.sink.send(intent);
    this.notify(this.translate('undo.done', { what: this.translate(entry.label) }), 'info');
  }

  /** Places the armed palette entry; it stays armed only when asked (shift-click places several). */
  place(target: PlaceTarget, keepArmed = false): void {
    const state = this.view.current;
    const entry = PALETTE.find((p) => p.id === state.armed);
    if (!entry) return;
    const result = placeIntents(entry, target, { board: state.match.board, publicSubnets: publicSubnetRefs(state.match.board) });
    if ('reason' in result) {
      this.notify(this.translate(result.reason, result.params), 'error');
      return;
    }
    this.send(result.intents, { entry: entry.id, undo: `palette.${entry.id}.name` });
    if (!keepArmed) this.view.arm(null);
  }

  connect(from: string, to: string): void {
    const state = this.view.current;
    const plan = planConnection(state.match.board, state.model, from, to);
    if ('reason' in plan) {
      const a = state.model.byRef.get(from);
      const b = state.model.byRef.get(to);
      this.notify(this.translate(plan.reason, { a: this.translate(`kinds.name.${a?.kind}`), b: this.translate(`kinds.name.${b?.kind}`) }), 'error');
      return;
    }
    this.send(plan.intents, { undo: 'undo.connect' });
  }

  disconnect(from: string, to: string): void {
    const state = this.view.current;
    const plan = planConnection(state.match.board, state.model, from, to, true);
    if ('reason' in plan) return;
    this.send(plan.intents, { undo: 'undo.disconnect' });
  }

  configure(target: string, props: Record<string, unknown>, field: string): void {
    this.send({ type: 'configure', target, props }, { field: `${target}:${field}`, undo: 'undo.configure' });
  }

  remove(ref: string): void {
    const state = this.view.current;
    const piece = state.model.pieces.get(ref);
    // A piece goes with the parts the game made for it (a load balancer's listener and target group, a
    // group's launch template): they are removed first, as CloudFormation deletes dependents first.
    const parts = piece?.parts.filter((p) => ['listener', 'targetGroup', 'launchTemplate', 'acceleratorListener', 'endpointGroup', 'scalingPolicy', 'scheduledAction', 'alarm', 'webAclAssociation'].includes(p.kind)) ?? [];
    const order = ['alarm', 'scalingPolicy', 'scheduledAction', 'listener', 'endpointGroup', 'acceleratorListener', 'webAclAssociation'];
    const first = parts.filter((p) => order.includes(p.kind)).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    const intents: MatchIntent[] = first.map((p) => ({ type: 'delete', target: p.ref }));
    intents.push({ type: 'delete', target: ref });
    for (const p of parts) if (!order.includes(p.kind)) intents.push({ type: 'delete', target: p.ref });
    this.send(intents, { undo: 'undo.remove' });
    if (state.selected === ref) this.view.select(null);
  }

  /** A CloudTrail page; an unanswered request (the room closing) gives an empty one. */
  trail(query: TrailQuery): Promise<TrailEvent[]> {
    return this.sink.trail(query).catch(() => []);
  }

  /** A refusal from the server: shown beside the field it most likely answers, and always as a toast. */
  refused(refusal: Refusal): void {
    const text = this.describe(refusal);
    const last = this.last;
    if (last && Date.now() - last.at < ANSWER_WINDOW_MS) {
      if (last.options.field) this.view.fieldError(last.options.field, text);
      if (last.options.entry && refusal.code === 'AccessDenied') this.view.deny(last.options.entry);
    }
    this.notify(text, 'error');
  }

  describe(refusal: Refusal): string {
    const message = this.translate(`refusals.${refusal.code}`, { defaultValue: refusal.message });
    return refusal.detail ? `${message} (${refusal.detail})` : message;
  }
}
