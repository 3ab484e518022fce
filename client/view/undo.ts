// Undo of the player's own last actions, where the rules allow: each action the player sends is kept with the
// intents that reverse it, worked out from the board as it was when the action was sent. Undoing sends those
// intents like any other; the server may still refuse them (something now depends on what would be removed),
// and the refusal is shown as for any action.
import type { MatchIntent } from '../../shared/match/intents.ts';
import type { TeamBoard } from '../net/snapshot.ts';

export interface UndoEntry {
  /** What the action was, for the button's title (a translation key and its values). */
  label: string;
  inverse: MatchIntent[];
}

const MAX_UNDO = 30;

/** The intents that reverse `intents` on `board` (as it was before them), or undefined when none do. */
export function inverseOf(intents: readonly MatchIntent[], board: TeamBoard): MatchIntent[] | undefined {
  const out: MatchIntent[] = [];
  for (const intent of intents) {
    const before = (ref: string) => board.resources.find((r) => r.ref === ref);
    switch (intent.type) {
      case 'place':
        if (!intent.logicalId) return undefined;
        out.unshift({ type: 'delete', target: `${intent.stack}/${intent.logicalId}` });
        break;
      case 'createStack':
        out.push({ type: 'deleteStack', stack: intent.stack });
        break;
      case 'connect':
        out.unshift({ type: 'disconnect', from: intent.from, to: intent.to });
        break;
      case 'disconnect':
        out.unshift({ type: 'connect', from: intent.from, to: intent.to });
        break;
      case 'configure': {
        const r = before(intent.target);
        if (!r) return undefined;
        const previous: Record<string, unknown> = {};
        for (const key of Object.keys(intent.props)) {
          if (!(key in r.props)) return undefined;
          previous[key] = r.props[key];
        }
        out.unshift({ type: 'configure', target: intent.target, props: previous });
        break;
      }
      case 'move': {
        const r = before(intent.target);
        if (!r) return undefined;
        out.unshift({ type: 'move', target: intent.target, position: { x: r.x, y: r.y } });
        break;
      }
      case 'delete': {
        const r = before(intent.target);
        if (!r) return undefined;
        out.unshift({ type: 'place', stack: r.stack, kind: r.kind, logicalId: r.logicalId, props: r.props, ...(r.x || r.y ? { position: { x: r.x, y: r.y } } : {}) });
        break;
      }
      case 'setDesiredCapacity': {
        const r = before(intent.target);
        if (!r || typeof r.props.desired !== 'number') return undefined;
        out.unshift({ type: 'setDesiredCapacity', target: intent.target, desired: r.props.desired });
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}

export class UndoStack {
  private entries: UndoEntry[] = [];

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_UNDO) this.entries.shift();
  }

  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  peek(): UndoEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  get size(): number {
    return this.entries.length;
  }
}
