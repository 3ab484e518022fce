// Data events only where a trail enables them: the holder of a leaked key that exfiltrates reads every bucket's
// objects, and CloudTrail shows those s3:GetObject calls only on a board whose trail selects S3 data events.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR, designFromManifest } from '../../../server/assets/library.ts';
import { applyIntent } from '../../../shared/match/apply.ts';
import { createMatch } from '../../../shared/match/create.ts';
import { runTick } from '../../../shared/match/tick.ts';
import { startingDesign, startingManifest } from '../../../shared/scenario/start.ts';
import { queryTrail } from '../../../shared/trail/query.ts';
import { exampleScenario, host } from '../../support/match-fixtures.ts';

const template = (selectors: string) => `Resources:
  Exports: {Type: AWS::S3::Bucket}
  Logs: {Type: AWS::S3::Bucket}
  Audit:
    Type: AWS::CloudTrail::Trail
    Properties:
      S3BucketName: !Ref Logs
      IsLogging: true${selectors}
`;
const DATA = `
      EventSelectors:
        - ReadWriteType: All
          IncludeManagementEvents: true
          DataResources: [{Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::evidence/Exports/']}]`;

function play(withTemplate: string | undefined, exfiltrates = true) {
  const base = exampleScenario('leaked-credentials');
  const scenario = { ...base, events: base.events.map((e) => (e.type === 'leaked-credentials' ? { ...e, params: { ...e.params, exfiltrates } } : e)) };
  const design = startingDesign(scenario, designFromManifest(join(ASSETS_DIR, startingManifest(scenario)!)).design);
  const match = createMatch({ mode: 'solo', scenario, seed: 5, design, teams: [{ id: 'team-1', name: 'Team 1' }] });
  const root = host('team-1');
  if (withTemplate) expect(applyIntent(match, root, { type: 'deployStack', stack: 'evidence', region: 'us-east-1', template: withTemplate }, 0)).toMatchObject({ ok: true });
  applyIntent(match, root, { type: 'clock', command: 'start' }, 0);
  const cursor = new Map<string, number>();
  const launches = () => match.trail.filter((e) => e.eventName === 'RunInstances' && e.principal.type === 'IAMUser').length;
  while (launches() < 2 && match.clock.phase === 'running') runTick(match, [], 60, 0, cursor);
  return queryTrail(match.trail, { eventCategory: 'Data' });
}

describe('S3 data events of a leaked key', () => {
  it('are recorded, as the leaked user reading objects of the selected bucket and delivered to the trail bucket', () => {
    const reads = play(template(DATA));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads[0]).toMatchObject({
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      principal: { type: 'IAMUser', name: 'ci-deployer' },
      resource: 'arn:aws:s3:::evidence/Exports/exports/customers.csv',
      params: { deliveredTo: [{ trail: 'evidence/Audit', bucket: 'evidence/Logs' }] },
    });
    // The Logs bucket is not selected: its objects' reads are not recorded.
    expect(reads.every((e) => e.resource?.includes('/Exports/'))).toBe(true);
  });

  it('leave no trace without a trail, or with a trail that records management events only', () => {
    expect(play(undefined)).toEqual([]);
    expect(play(template(''))).toEqual([]);
  });

  it('do not happen when the leak does not exfiltrate (every existing level)', () => {
    expect(play(template(DATA), false)).toEqual([]);
  });
});
