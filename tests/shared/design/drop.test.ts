import { describe, expect, it } from 'vitest';
import { planDrop } from '../../../shared/design/plans/drop.ts';
import { REFUSALS } from '../../../shared/protocol/refusals.ts';

// A dragged piece that cannot go where it was dropped is refused with the reason, never snapped back in silence.
describe('dropping a dragged piece', () => {
  const instance = { kind: 'instance', region: 'us-east-1', subnet: 'web/SubnetA' };
  const database = { kind: 'database', region: 'us-east-1', zone: 'us-east-1a' };

  it('moves an instance to the subnet it is dropped on, and only rearranges it in its own', () => {
    expect(planDrop(instance, { region: 'us-east-1', vpc: 'web/Vpc', zone: 'us-east-1b', subnet: 'web/SubnetB' }, 'build')).toEqual({ ok: true, change: { subnet: 'web/SubnetB' } });
    expect(planDrop(instance, { region: 'us-east-1', vpc: 'web/Vpc', zone: 'us-east-1a', subnet: 'web/SubnetA' }, 'running')).toEqual({ ok: true, change: null });
  });

  it('says why an instance dropped outside a subnet, or off the board, stays where it was', () => {
    expect(planDrop(instance, { global: true }, 'build')).toMatchObject({ ok: false, refusal: { code: 'drop-need-subnet', message: REFUSALS['drop-need-subnet'] } });
    expect(planDrop(instance, { region: 'us-east-1', vpc: 'web/Vpc', zone: 'us-east-1b' }, 'build')).toMatchObject({ ok: false, refusal: { code: 'drop-need-subnet' } });
    expect(planDrop(instance, null, 'build')).toMatchObject({ ok: false, refusal: { code: 'drop-off-board' } });
  });

  it('moves a database to another zone before the clock starts, and says why not while it runs', () => {
    const target = { region: 'us-east-1', vpc: 'web/Vpc', zone: 'us-east-1b' };
    expect(planDrop(database, target, 'build')).toEqual({ ok: true, change: { zone: 'us-east-1b' } });
    expect(planDrop(database, target, 'running')).toMatchObject({ ok: false, refusal: { code: 'drop-database-running' } });
  });

  it('keeps a global piece in the global band and a regional one in its region, with the reason', () => {
    expect(planDrop({ kind: 'distribution', region: 'us-east-1' }, { global: true }, 'build')).toEqual({ ok: true, change: null });
    expect(planDrop({ kind: 'distribution', region: 'us-east-1' }, { region: 'us-east-1' }, 'build')).toMatchObject({ ok: false, refusal: { code: 'drop-stays-home' } });
    expect(planDrop({ kind: 'loadBalancer', region: 'us-east-1' }, { region: 'us-east-1', vpc: 'web/Vpc', zone: 'us-east-1c' }, 'build')).toEqual({ ok: true, change: null });
    expect(planDrop({ kind: 'loadBalancer', region: 'us-east-1' }, { region: 'eu-west-1' }, 'build')).toMatchObject({ ok: false, refusal: { code: 'drop-stays-home' } });
  });
});
