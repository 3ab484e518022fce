// NoEcho parameter values and CloudTrail: the log is the replay's input and keeps the request as applied, but
// every reading of it shows a NoEcho value as "****", as AWS does; and an update keeps a value nobody can read
// back with UsePreviousValue (the console's "Use existing value"), whose call carries only the names.

import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../shared/match/apply.ts';
import { replayMatch, matchFingerprint } from '../../../shared/match/replay.ts';
import { designWithoutSecrets, withoutSecrets } from '../../../shared/match/trail-secrets.ts';
import { changeSetAnswerFor } from '../../../shared/protocol/change-set.ts';
import { FRESH_ACCOUNT } from '../../../shared/account/default-vpc.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';

const TEMPLATE = [
  'Parameters:',
  '  DBPassword:',
  '    Type: String',
  '    NoEcho: true',
  '    MinLength: 8',
  '  Env:',
  '    Type: String',
  'Resources:',
  '  Files:',
  '    Type: AWS::S3::Bucket',
  '',
].join('\n');
const SECRET = 's3cret-pass';

const deploys = (match: ReturnType<typeof testMatch>) => match.trail.filter((e) => e.eventName === 'UpdateStack' && e.params['type'] === 'deployStack');
const stackOf = (match: ReturnType<typeof testMatch>) => match.teams[0]!.world.design.stacks.find((s) => s.name === 'db')!;

describe('CloudTrail never shows a NoEcho value', () => {
  it('masks the deploy call as read, keeps the log as applied, and a replay reproduces the world', () => {
    const match = testMatch();
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'db', region: 'us-east-1', template: TEMPLATE, parameters: { DBPassword: SECRET, Env: 'prod' } }, 0)).toMatchObject({ ok: true });
    const [logged] = deploys(match);
    expect(withoutSecrets(logged!).params['parameters']).toEqual({ DBPassword: '****', Env: 'prod' });
    expect(JSON.stringify(withoutSecrets(logged!))).not.toContain(SECRET);
    // The log itself is the replay's input: it still holds what was applied.
    expect(logged!.params['parameters']).toEqual({ DBPassword: SECRET, Env: 'prod' });
    const replayed = replayMatch(match.origin, match.trail, match.clock.step);
    expect(matchFingerprint(replayed)).toEqual(matchFingerprint(match));
  });

  it('masks a refused deploy too, and leaves events without NoEcho values as they are', () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'deployStack', stack: 'db', region: 'us-east-1', template: TEMPLATE, parameters: { DBPassword: 'short', Env: 'x' } }, 0);
    const [refused] = deploys(match);
    expect(refused!.outcome).toBe('Failure');
    expect(JSON.stringify(withoutSecrets(refused!))).not.toContain('short');
    const other = match.trail[0]!;
    expect(withoutSecrets(other)).toBe(other);
  });

  it("masks a stored design's NoEcho values (a competition's results)", () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'deployStack', stack: 'db', region: 'us-east-1', template: TEMPLATE, parameters: { DBPassword: SECRET, Env: 'prod' } }, 0);
    const shown = designWithoutSecrets(match.teams[0]!.world.design);
    expect(shown.stacks.find((s) => s.name === 'db')!.parameters).toEqual({ DBPassword: '****', Env: 'prod' });
    expect(stackOf(match).parameters['DBPassword']).toBe(SECRET);
  });
});

describe('UsePreviousValue', () => {
  const deployed = () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'deployStack', stack: 'db', region: 'us-east-1', template: TEMPLATE, parameters: { DBPassword: SECRET, Env: 'prod' } }, 0);
    return match;
  };

  it('keeps the current value without sending it: the call logs only the names', () => {
    const match = deployed();
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'db', region: 'us-east-1', template: TEMPLATE, parameters: { Env: 'test' }, usePreviousValues: ['DBPassword'] }, 0)).toMatchObject({ ok: true });
    expect(stackOf(match).parameters).toEqual({ DBPassword: SECRET, Env: 'test' });
    const update = deploys(match)[1]!;
    expect(update.params).toMatchObject({ parameters: { Env: 'test' }, usePreviousValues: ['DBPassword'] });
    expect(JSON.stringify(update)).not.toContain(SECRET);
    expect(matchFingerprint(replayMatch(match.origin, match.trail, match.clock.step))).toEqual(matchFingerprint(match));
  });

  it("is refused in CloudFormation's words for a new stack, a parameter the stack lacks, or with a value", () => {
    const fresh = testMatch();
    const onNew = applyIntent(fresh, host(), { type: 'deployStack', stack: 'db', region: 'us-east-1', template: TEMPLATE, parameters: { Env: 'a' }, usePreviousValues: ['DBPassword'] }, 0);
    expect(onNew).toMatchObject({ ok: false, refusal: { message: 'db: Invalid input for parameter key DBPassword. Cannot specify usePreviousValue as true for a parameter key not in the previous template' } });
    expect(fresh.trail.filter((e) => e.eventName === 'StackEvent')).toEqual([]);
    const match = deployed();
    const both = applyIntent(match, host(), { type: 'deployStack', stack: 'db', region: 'us-east-1', template: TEMPLATE, parameters: { DBPassword: 'another-one', Env: 'a' }, usePreviousValues: ['DBPassword'] }, 0);
    expect(both).toMatchObject({ ok: false, refusal: { message: 'db: Invalid input for parameter key DBPassword. Cannot specify usePreviousValue as true and non empty value for a parameter' } });
    expect(stackOf(match).parameters['DBPassword']).toBe(SECRET);
  });

  it('is read on the server for a change set too', () => {
    const match = deployed();
    const design = match.teams[0]!.world.design;
    const answer = changeSetAnswerFor(design, { stack: 'db', region: 'us-east-1', template: TEMPLATE, parameters: { Env: 'prod' }, usePreviousValues: ['DBPassword'] }, FRESH_ACCOUNT);
    expect(answer).toMatchObject({ ok: true, changes: [] });
    expect(answer.ok && answer.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const without = changeSetAnswerFor(design, { stack: 'db', region: 'us-east-1', template: TEMPLATE, parameters: { Env: 'prod' } }, FRESH_ACCOUNT);
    expect(without.ok && without.issues.map((i) => i.code)).toContain('parameter-missing');
  });
});
