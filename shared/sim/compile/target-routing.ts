// A target group's routing settings as the balancing step reads them: weighted random with anomaly
// mitigation, and sticky sessions turned into how fast users move between targets.

import { catalogue } from '../../catalogue/index.ts';
import type { ResourceOfKind } from '../../design/model.ts';
import { STEP_SECONDS } from '../constants.ts';

export function targetGroupRouting(tgs: ResourceOfKind<'targetGroup'>[]) {
  const lb = catalogue.loadBalancing;
  return {
    // AWS allows anomaly mitigation with weighted random only.
    tgAnomalyMitigation: Uint8Array.from(tgs.map((t) => (t.props.algorithm === 'weighted_random' && t.props.anomalyMitigation ? 1 : 0))),
    // Share of a sticky group's users who finish their visit (or whose cookie expires) each step and are
    // balanced afresh; 0 for a group without stickiness.
    tgStickyTurnover: Float64Array.from(
      tgs.map((t) => {
        if (!t.props.stickiness) return 0;
        const held = Math.min(lb.stickyVisitS.value, t.props.stickinessDurationS ?? lb.stickyDefaultDurationS.value);
        return Math.min(1, STEP_SECONDS / Math.max(STEP_SECONDS, held));
      }),
    ),
  };
}
