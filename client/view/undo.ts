// The player's undoable gestures, as the labels the undo button names. What an undo does is decided on the
// server: it applies the inverse plan the shared rules kept for this player's last gesture (shared/match/
// apply-gesture.ts), and refuses it if what that gesture made has changed since.

const MAX_UNDO = 30;

export class UndoStack {
  private labels: string[] = [];

  push(label: string): void {
    this.labels.push(label);
    if (this.labels.length > MAX_UNDO) this.labels.shift();
  }

  pop(): string | undefined {
    return this.labels.pop();
  }

  peek(): string | undefined {
    return this.labels[this.labels.length - 1];
  }

  get size(): number {
    return this.labels.length;
  }
}
