// The room's fixed-step loop, one turn at a time: the queue of checked intents, handed to the shared rules
// (shared/match/tick.ts) as far as this process's turn budget allows (the rest wait for the next turn, and the
// log records the step each was applied at, so replays agree), then the steps the clock owes. Each applied
// intent comes back with the session that sent it, for the room to answer.
import type { Applied } from '../../shared/match/apply.ts';
import { stepsOwed } from '../../shared/match/clock.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import type { Actor, Match } from '../../shared/match/match.ts';
import { inTickOrder, runTick, type Queued, type TimelineCursor } from '../../shared/match/tick.ts';
import type { TurnBudget } from './turn-budget.ts';

export interface Answer {
  sessionId: string;
  result: Applied;
}

export interface Turn {
  answers: Answer[];
  /** Intents applied this turn. */
  applied: number;
  /** Steps the clock moved. */
  steps: number;
}

export class MatchLoop {
  private budget: TurnBudget;
  private queue: Queued[] = [];
  /** Who sent each queued intent (by arrival number): the seat's actor may change before the turn applies it. */
  private senders = new Map<number, string>();
  private arrivals = 0;
  private cursor: TimelineCursor = new Map();
  private carry = 0;

  constructor(budget: TurnBudget) {
    this.budget = budget;
  }

  enqueue(sessionId: string, actor: Actor, intent: MatchIntent, wallMs: number): void {
    const seq = this.arrivals++;
    this.senders.set(seq, sessionId);
    this.queue.push({ seq, actor, intent, wallMs });
  }

  /** `maxSteps`: the most steps the clock may take this turn (a test server's pause; see test-clock.ts). */
  turn(match: Match, deltaMs: number, maxSteps = Infinity): Turn {
    const owed = stepsOwed(match.clock, deltaMs, this.carry);
    this.carry = owed.carry;
    // The intents this turn's budget allows (see turn-budget.ts), in tick order; the rest wait for the next turn.
    const ordered = inTickOrder(this.queue);
    const oldestWaitMs = ordered.length > 0 ? Date.now() - Math.min(...ordered.map((q) => q.wallMs)) : 0;
    const take = this.budget.intentsAllowed(ordered.length, oldestWaitMs);
    const queue = ordered.slice(0, take);
    this.queue = ordered.slice(take);
    const started = performance.now();
    const applied = runTick(match, queue, 0, Date.now(), this.cursor).applied;
    this.budget.intentsSpent(queue.length, performance.now() - started);
    const steps = runTick(match, [], Math.min(owed.steps, maxSteps), Date.now(), this.cursor).steps;
    const answers: Answer[] = [];
    for (const { queued, result } of applied) {
      const sessionId = this.senders.get(queued.seq);
      this.senders.delete(queued.seq);
      if (sessionId !== undefined) answers.push({ sessionId, result });
    }
    return { answers, applied: queue.length, steps };
  }
}
