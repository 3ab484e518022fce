// The health-check-path level fails its naive design precisely for the health check's path: the same design
// checking the path the application serves passes, and the naive one loses its availability to the churn of an
// Auto Scaling group replacing instances the load balancer calls unhealthy.

import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { runScenario, type RunResult } from '../../../shared/sim/index.ts';
import { allScenarios, loadAssetDesign } from './files.ts';

const level = allScenarios().find((s) => s.id === 'health-check-path')!;
const naive = loadAssetDesign(level.solutions!.naive);
const reference = loadAssetDesign(level.solutions!.reference);
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);

/** The design with its target group's health check on `path`. */
function checking(design: Design, path: string): Design {
  return {
    ...design,
    resources: design.resources.map((r) => (r.kind === 'targetGroup' ? { ...r, props: { ...r.props, healthCheck: { ...r.props.healthCheck, path } } } : r)),
  };
}

describe('health-check-path', () => {
  const wrong = runScenario(naive, level, { seed: 1 });
  const right = runScenario(reference, level, { seed: 1 });

  it('the naive design misses availability, and only its path makes it so', () => {
    expect(missed(wrong)).toEqual(['availability']);
    expect(wrong.timeline.filter((e) => e.code === 'instancesReplaced').length).toBeGreaterThan(10);
    expect(missed(runScenario(checking(naive, '/healthz'), level, { seed: 1 }))).toEqual([]);
  });

  it('the reference design checks /healthz and wins with three stars', () => {
    expect(missed(right)).toEqual([]);
    expect(right.stars).toBe(3);
    expect(right.score).toBeGreaterThan(wrong.score);
  });
});
