// A competition's order of teams: the higher score first, equal scores sharing a rank ("1, 2, 2, 4", as the
// stored results' RANK() orders them). One rule, read by the wire (each team's rank on the results screen and
// the projector's leaderboard) and by the exports, so no client sorts scores itself.

export interface Ranked {
  id: string;
  score: number;
}

/** Each team's rank, 1 for the best; ties share the better rank and the next rank skips (competition ranking). */
export function teamRanks(teams: readonly Ranked[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const team of teams) ranks.set(team.id, 1 + teams.filter((other) => other.score > team.score).length);
  return ranks;
}

/** The teams best first; ties keep their order (team number). */
export function rankedOrder<T extends Ranked>(teams: readonly T[]): T[] {
  return teams.map((team, index) => ({ team, index })).sort((a, b) => b.team.score - a.team.score || a.index - b.index).map((x) => x.team);
}
