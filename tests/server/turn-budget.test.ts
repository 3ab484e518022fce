import { describe, expect, it } from 'vitest';
import { TurnBudget } from '../../server/rooms/turn-budget.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// The per-turn budget rooms share for applying intents: it spreads a burst over turns of the event loop,
// but never starves a room and never holds an intent past its longest wait.
describe('the turn budget for intents', () => {
  it('lets the first room of a turn through, holds the next once the budget is spent, and renews each turn', async () => {
    const budget = new TurnBudget();
    await nextTurn();
    expect(budget.intentsAllowed(3, 0)).toBeGreaterThanOrEqual(1);
    budget.intentsSpent(3, 30); // far over the budget: three slow intents
    expect(budget.intentsAllowed(5, 10)).toBe(0);
    await nextTurn();
    expect(budget.intentsAllowed(5, 10)).toBeGreaterThanOrEqual(1);
  });

  it('lets a whole queue through once its oldest intent has waited long enough, budget or not', async () => {
    const budget = new TurnBudget();
    await nextTurn();
    budget.intentsAllowed(1, 0);
    budget.intentsSpent(1, 50);
    expect(budget.intentsAllowed(40, 10)).toBe(0);
    expect(budget.intentsAllowed(40, 250)).toBe(40);
  });

  it('allows nothing for an empty queue', () => {
    const budget = new TurnBudget();
    expect(budget.intentsAllowed(0, 1000)).toBe(0);
  });
});
