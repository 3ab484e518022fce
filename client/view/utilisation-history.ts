// Utilisation over time, sampled by this client from the statuses the server sends (the wire keeps only the
// current value per resource): the average load of the team's instances, groups and databases each simulated
// minute. Lost on reload; the other charts come from the server's own series.
import type { MatchSnapshot } from '../net/snapshot.ts';

export interface UtilisationPoint {
  tS: number;
  compute: number;
  database: number;
}

export class UtilisationHistory {
  readonly points: UtilisationPoint[] = [];
  private lastMinute = -1;

  sample(match: MatchSnapshot): void {
    const minute = Math.floor(match.simS / 60);
    if (minute === this.lastMinute || match.phase === 'build') return;
    this.lastMinute = minute;
    const compute = match.board.resources.filter((r) => r.kind === 'instance' || r.kind === 'autoScalingGroup');
    const dbs = match.board.resources.filter((r) => r.kind === 'database');
    const mean = (list: typeof compute) => (list.length ? list.reduce((s, r) => s + r.load, 0) / list.length : 0);
    this.points.push({ tS: minute * 60, compute: mean(compute), database: mean(dbs) });
    if (this.points.length > 240) this.points.shift();
  }
}
