// Listener rules AWS enforces on an Application Load Balancer: an HTTPS listener needs a certificate (AWS
// refuses it otherwise, with its own words), rule priorities are unique per listener, and anomaly mitigation
// exists only with the weighted random algorithm.

import { CLASSIC_ELB } from '../../catalogue/index.ts';
import type { DesignIssue } from '../../design/model.ts';
import { hasCertificate } from '../../design/listener-certificate.ts';
import type { CheckContext } from './check-context.ts';

/** CreateListener's ValidationError, word for word. */
export const HTTPS_NEEDS_CERTIFICATE_MESSAGE = 'A certificate must be specified for HTTPS listeners';

export function checkListeners(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  for (const l of c.ofKind('listener')) {
    const lb = c.get(l.props.loadBalancer, 'loadBalancer');
    if (!lb || lb.props.lbType !== 'application' || lb.awsType === CLASSIC_ELB) continue;
    if (/^https$/i.test(l.props.protocol) && !hasCertificate(l)) {
      issues.push(c.issue(l, 'error', 'https-listener-needs-certificate', HTTPS_NEEDS_CERTIFICATE_MESSAGE));
    }
  }
  const seen = new Map<string, boolean>();
  for (const r of c.ofKind('listenerRule')) {
    const key = `${r.props.listener}/${r.props.priority}`;
    // CreateRule's PriorityInUse error.
    if (seen.has(key)) issues.push(c.issue(r, 'error', 'rule-priority-in-use', `Priority '${r.props.priority}' is currently in use`));
    seen.set(key, true);
  }
  for (const t of c.ofKind('targetGroup')) {
    if (t.props.anomalyMitigation && t.props.algorithm !== 'weighted_random') {
      issues.push(
        c.issue(t, 'warning', 'anomaly-mitigation-needs-weighted-random', 'anomaly mitigation works only with the weighted_random algorithm: it does nothing here'),
      );
    }
  }
  return issues;
}
