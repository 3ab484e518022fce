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

let spentMs = 0;
let renewal = false;
/** What one intent has been costing lately (a moving average), to decide how many fit in what is left. */
let costMs = 0.5;

function renewNextTurn(): void {
  if (renewal) return;
  renewal = true;
  // Immediates run once the timers of this turn (every room tick that fell due) have run.
  setImmediate(() => {
    spentMs = 0;
    renewal = false;
  });
}

/** How many of `waiting` intents (the oldest queued `oldestWaitMs` ago) a room may apply now. */
export function intentsAllowed(waiting: number, oldestWaitMs: number): number {
  if (waiting === 0) return 0;
  renewNextTurn();
  if (oldestWaitMs >= MAX_WAIT_MS) return waiting;
  const fit = Math.floor((TURN_BUDGET_MS - spentMs) / costMs);
  // The first room of a turn always makes progress.
  return Math.min(waiting, spentMs === 0 ? Math.max(fit, 1) : Math.max(fit, 0));
}

/** Records what applying `count` intents took. */
export function intentsSpent(count: number, ms: number): void {
  if (count === 0) return;
  spentMs += ms;
  costMs = costMs * 0.9 + (ms / count) * 0.1;
}
