import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import type { ResourceOfKind } from '../../../shared/design/model.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';

// An NLB's TCP listener on 443 passes TLS through: the targets decrypt it and pay the CPU. A TLS listener with a
// certificate terminates TLS on the NLB, as an ALB's HTTPS listener does.

function targetUnits(protocol: 'TCP' | 'TLS'): number {
  const { b, lb } = webTier({ desired: 3 });
  (b.design.resources[lb]!.props as ResourceOfKind<'loadBalancer'>['props']).lbType = 'network';
  const listener = b.design.resources.find((r) => r.kind === 'listener')! as ResourceOfKind<'listener'>;
  listener.props.port = 443;
  listener.props.protocol = protocol;
  if (protocol === 'TLS') listener.props.certificate = 'arn:aws:acm:us-east-1:123456789012:certificate/x';
  const w = createWorld(b.design, scenario(), 1);
  step(w);
  return w.scratch.instUnits.reduce((a, x) => a + x, 0);
}

describe('TLS passthrough or termination on an NLB', () => {
  it('the targets pay for TLS they decrypt themselves (TCP on 443), not for TLS the NLB terminates', () => {
    const passthrough = targetUnits('TCP');
    const terminated = targetUnits('TLS');
    expect(terminated).toBeGreaterThan(0);
    expect(passthrough / terminated).toBeCloseTo(catalogue.loadBalancing.tlsOnTargetCpuFactor.value, 9);
  });
});
