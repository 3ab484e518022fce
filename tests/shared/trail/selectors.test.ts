// Management and data events, what a trail's event selectors record, and the console's question: who changed
// this security group, and when.
import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../shared/match/apply.ts';
import type { TrailEvent } from '../../../shared/trail/event.ts';
import { queryTrail } from '../../../shared/trail/query.ts';
import { loadTemplate } from '../template/load-helpers.ts';
import { DEFAULT_EVENT_SELECTOR, deliveriesOf, eventCategoryOf, readOnlyOf, trailRecords, type EventSelector } from '../../../shared/trail/selectors.ts';
import { host, testMatch, user } from '../../support/match-fixtures.ts';

const call = (eventSource: string, eventName: string) => ({ eventSource, eventName });
const getObject = call('s3.amazonaws.com', 'GetObject');
const putObject = call('s3.amazonaws.com', 'PutObject');
const createBucket = call('s3.amazonaws.com', 'CreateBucket');
const describe_ = call('ec2.amazonaws.com', 'DescribeInstances');
const authorize = call('ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress');
const OBJECT = 'arn:aws:s3:::orders-bucket/invoices/1.pdf';

describe('event categories', () => {
  it('S3 object-level calls are data events; bucket and EC2 calls are management events', () => {
    expect(eventCategoryOf(getObject)).toBe('Data');
    expect(eventCategoryOf(putObject)).toBe('Data');
    expect(eventCategoryOf(createBucket)).toBe('Management');
    expect(eventCategoryOf(authorize)).toBe('Management');
  });

  it('reads are read-only, changes are not', () => {
    expect(readOnlyOf(getObject)).toBe(true);
    expect(readOnlyOf(describe_)).toBe(true);
    expect(readOnlyOf(putObject)).toBe(false);
    expect(readOnlyOf(authorize)).toBe(false);
  });
});

describe("a trail's event selectors", () => {
  it('a default trail records management events but no data events', () => {
    expect(trailRecords([DEFAULT_EVENT_SELECTOR], authorize)).toBe(true);
    expect(trailRecords([DEFAULT_EVENT_SELECTOR], getObject, OBJECT)).toBe(false);
  });

  it('data events are recorded only for the buckets a DataResources prefix names, and by read/write type', () => {
    const oneBucket: EventSelector = { readWriteType: 'All', includeManagementEvents: true, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::orders-bucket/'] }] };
    expect(trailRecords([oneBucket], getObject, OBJECT)).toBe(true);
    expect(trailRecords([oneBucket], getObject, 'arn:aws:s3:::other-bucket/x')).toBe(false);
    const writesOnly: EventSelector = { ...oneBucket, readWriteType: 'WriteOnly', includeManagementEvents: false };
    expect(trailRecords([writesOnly], getObject, OBJECT)).toBe(false);
    expect(trailRecords([writesOnly], putObject, OBJECT)).toBe(true);
    expect(trailRecords([writesOnly], authorize)).toBe(false);
    const everyBucket: EventSelector = { ...oneBucket, dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] };
    expect(trailRecords([everyBucket], getObject, 'arn:aws:s3:::other-bucket/x')).toBe(true);
  });
});

describe('who changed this security group, and when', () => {
  it('a query by resource for write events finds the player who changed it and the time', () => {
    const match = testMatch();
    const root = host();
    applyIntent(match, root, { type: 'iam', request: { op: 'createUser', name: 'ana' } }, 0);
    applyIntent(match, root, { type: 'iam', request: { op: 'addToGroup', member: 'ana', group: 'Builders' } }, 0);
    const design = match.teams[0]!.world.design;
    const sg = design.resources.find((r) => r.kind === 'securityGroup')!;
    const ref = `${design.stacks[sg.stack]!.name}/${sg.logicalId}`;
    match.clock = { ...match.clock, step: 120 };
    const changed = applyIntent(match, user('ana'), { type: 'configure', target: ref, props: { description: 'opened by ana' } }, 0);
    expect(changed.ok).toBe(true);
    const found: TrailEvent[] = queryTrail(match.trail, { resource: ref, readOnly: false, eventCategory: 'Management' });
    expect(found[0]).toMatchObject({ principal: { type: 'IAMUser', name: 'ana' }, simS: 600, resource: ref, eventSource: 'ec2.amazonaws.com' });
    expect(queryTrail(match.trail, { resource: ref, readOnly: true })).toEqual([]);
  });
});

describe('a trail on the board delivering to its S3 bucket', () => {
  const template = (selectors: string, logging = true) => `
Resources:
  Logs: {Type: AWS::S3::Bucket}
  Audit:
    Type: AWS::CloudTrail::Trail
    Properties:
      S3BucketName: !Ref Logs
      IsLogging: ${logging}${selectors}
`;

  it('delivers management events by default and data events only where its selectors name the bucket', () => {
    const plain = loadTemplate(template('')).design!;
    expect(deliveriesOf(plain, authorize)).toEqual([{ trail: expect.stringMatching(/\/Audit$/), bucket: expect.stringMatching(/\/Logs$/) }]);
    expect(deliveriesOf(plain, getObject, OBJECT)).toEqual([]);
    const objects = loadTemplate(template(`
      EventSelectors:
        - DataResources: [{Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::orders-bucket/']}]`)).design!;
    expect(deliveriesOf(objects, getObject, OBJECT)).toHaveLength(1);
    expect(deliveriesOf(objects, getObject, 'arn:aws:s3:::elsewhere/x')).toEqual([]);
  });

  it('a trail that is not logging delivers nothing', () => {
    expect(deliveriesOf(loadTemplate(template('', false)).design!, authorize)).toEqual([]);
  });
});
