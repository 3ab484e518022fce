// A budget of event-loop time for applying intents, shared by every room of this process and renewed each
// turn of the loop. An intent costs a design check and a recompile of the team's world (a tenth of a
// millisecond to a millisecond). Rooms whose ticks fall due together run in one turn; with busy players in
// thirty rooms they would apply every queue at once and hold the loop for tens of milliseconds, so that pings,
// joins and patches wait. With the budget spent, a room keeps the rest of its queue for its next tick, as if
// those intents had arrived a tick later: the log records the step each one was applied at, so replays agree.
// No intent waits long: once the oldest has waited MAX_WAIT_MS, the whole queue goes through whatever the
// budget says (so a process that is simply overloaded still applies everything, only later).

const TURN_BUDGET_MS = 5;
const MAX_WAIT_MS = 200;

/** One per process (in its Services): every room of the process draws on the same turn. */
export class TurnBudget {
  private spentMs = 0;
  private renewal = false;
  /** What one intent has been costing lately (a moving average), to decide how many fit in what is left. */
  private costMs = 0.5;

  /** How many of `waiting` intents (the oldest queued `oldestWaitMs` ago) a room may apply now. */
  intentsAllowed(waiting: number, oldestWaitMs: number): number {
    if (waiting === 0) return 0;
    this.renewNextTurn();
    if (oldestWaitMs >= MAX_WAIT_MS) return waiting;
    const fit = Math.floor((TURN_BUDGET_MS - this.spentMs) / this.costMs);
    // The first room of a turn always makes progress.
    return Math.min(waiting, this.spentMs === 0 ? Math.max(fit, 1) : Math.max(fit, 0));
  }

  /** Records what applying `count` intents took. */
  intentsSpent(count: number, ms: number): void {
    if (count === 0) return;
    this.spentMs += ms;
    this.costMs = this.costMs * 0.9 + (ms / count) * 0.1;
  }

  private renewNextTurn(): void {
    if (this.renewal) return;
    this.renewal = true;
    // Immediates run once the timers of this turn (every room tick that fell due) have run.
    setImmediate(() => {
      this.spentMs = 0;
      this.renewal = false;
    });
  }
}
