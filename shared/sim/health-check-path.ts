// What a target group's HTTP health check gets back from the application: the scenario lists the paths the
// application serves (200 OK), any other path answers 404 Not Found, and the check passes only if the answer is
// one of the target group's Matcher codes (AWS's default 200). A check that fails on a running, working
// instance marks it unhealthy after the unhealthy threshold × interval like a dead one: with every target of
// the group unhealthy the ALB fails open (balancing.ts), and an Auto Scaling group with ELB health checks
// replaces the instances after its grace period (scaling.ts), again and again.
//
// AWS, Elastic Load Balancing User Guide, "Health checks for your target groups": HealthCheckPath defaults to
// "/", Matcher to 200; "If a target group contains only unhealthy registered targets, the load balancer routes
// requests to all those targets, regardless of their health status."

import type { World } from './world.ts';

/** Protocols whose target groups are checked over HTTP (AWS's default health check protocol for them). */
const HTTP_CHECKED = new Set(['HTTP', 'HTTPS']);

/** The answer the application gives on `path`: 200 if it serves it (or serves every path, `served` null), else 404. */
export function applicationAnswer(path: string, served: readonly string[] | null): number {
  if (served === null) return 200;
  // The query string is not part of the path the application routes on.
  const q = path.indexOf('?');
  return served.includes(q >= 0 ? path.slice(0, q) : path) ? 200 : 404;
}

/** Whether an HTTP code is among a Matcher's HttpCode ("200", "200,202", "200-299"); absent: 200 only. */
export function matcherAccepts(matcher: string | undefined, code: number): boolean {
  if (matcher === undefined || matcher.trim() === '') return code === 200;
  for (const part of matcher.split(',')) {
    const dash = part.indexOf('-');
    const lo = Number(dash >= 0 ? part.slice(0, dash) : part);
    const hi = dash >= 0 ? Number(part.slice(dash + 1)) : lo;
    if (code >= lo && code <= hi) return true;
  }
  return false;
}

/**
 * Per target group: 1 if its health check passes on a running instance (scratch.tgCheckPass, worked out once
 * per compiled design). A TCP, TLS, UDP or GENEVE target group is checked over TCP by default: no path to get wrong.
 */
export function checkPasses(world: World): Uint8Array {
  const sc = world.scratch;
  if (sc.tgCheckKnown[0] === 1) return sc.tgCheckPass;
  const topo = world.topo;
  for (let g = 0; g < topo.tgCount; g++) {
    const tg = topo.design.resources[topo.tgResource[g]!];
    let pass = 1;
    if (tg && tg.kind === 'targetGroup' && HTTP_CHECKED.has(tg.props.protocol.toUpperCase())) {
      const check = tg.props.healthCheck;
      pass = matcherAccepts(check.matcher, applicationAnswer(check.path ?? '/', world.plan.servedPaths)) ? 1 : 0;
    }
    sc.tgCheckPass[g] = pass;
  }
  sc.tgCheckKnown[0] = 1;
  return sc.tgCheckPass;
}
