// A scenario may say what differs in the account its stacks run in: default VPCs deleted in some regions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, scenarioAccount } from '../../../shared/scenario/index.ts';

const BASE = readFileSync('assets/scenarios/one-web-server.yaml', 'utf8');
const withAccount = (account: string) => parseScenarioText(BASE.replace('start: { regions: [us-east-1] }', `start: { regions: [us-east-1] }\naccount: ${account}`));

describe('a scenario\u2019s account', () => {
  it('is a fresh account when the scenario says nothing', () => {
    const parsed = parseScenarioText(BASE);
    expect(parsed.ok && scenarioAccount(parsed.scenario)).toEqual({ defaultVpcDeletedIn: [] });
  });

  it('may have deleted default VPCs, region by region', () => {
    const parsed = withAccount('{ defaultVpcDeletedIn: [us-east-1, eu-west-1] }');
    expect(parsed.ok && scenarioAccount(parsed.scenario)).toEqual({ defaultVpcDeletedIn: ['us-east-1', 'eu-west-1'] });
    const empty = withAccount('{}');
    expect(empty.ok && scenarioAccount(empty.scenario)).toEqual({ defaultVpcDeletedIn: [] });
  });

  it.each([
    ['{ defaultVpcDeletedIn: [mars-north-1] }'],
    ['{ defaultVpcDeletedIn: [us-east-1, us-east-1] }'],
    ['{ defaultVpcDeletedIn: us-east-1 }'],
    ['{ defaultVpc: deleted }'],
    ['deleted'],
  ])('refuses %s', (account) => {
    const parsed = withAccount(account);
    expect(parsed.ok).toBe(false);
  });
});
