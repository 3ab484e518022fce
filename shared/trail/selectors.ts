// Management events and data events, and which a trail records. CloudTrail's own rules
// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html):
// "By default, trails and event data stores do not log data events"; data events are the data-plane operations
// "performed on or in a resource", such as Amazon S3 object-level activity (GetObject, DeleteObject, PutObject),
// Lambda's Invoke and SNS's Publish. A trail's EventSelectors say what it records: ReadWriteType (All, ReadOnly,
// WriteOnly), IncludeManagementEvents, and DataResources — a type (AWS::S3::Object) and ARN prefixes
// ("arn:aws:s3:::bucket/" for one bucket's objects, "arn:aws:s3" for every bucket's).
//
// Read-only is the access level of the action (List and Read are read-only), as CloudTrail's readOnly field
// and LookupEvents' ReadOnly attribute carry it: "who changed this security group" is a query for write events.

import { findAction } from '../iam/actions.ts';
import type { TrailEvent } from './event.ts';
import type { Design } from '../design/model.ts';

export const EVENT_CATEGORIES = ['Management', 'Data'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** The data-plane actions CloudTrail logs as data events, by the data resource type that selects them. */
export const DATA_EVENT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'AWS::S3::Object': ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
  'AWS::Lambda::Function': ['lambda:Invoke'],
  'AWS::SNS::Topic': ['sns:Publish'],
};

export const DATA_RESOURCE_TYPES = Object.keys(DATA_EVENT_ACTIONS) as [string, ...string[]];

export interface DataResource {
  type: string;
  /** ARN prefixes; an object matches when its ARN starts with one. */
  values: string[];
}

/** One of a trail's EventSelectors. */
export interface EventSelector {
  readWriteType: 'All' | 'ReadOnly' | 'WriteOnly';
  includeManagementEvents: boolean;
  dataResources: DataResource[];
}

/** A trail created without EventSelectors: every management event, read and write, and no data event. */
export const DEFAULT_EVENT_SELECTOR: EventSelector = { readWriteType: 'All', includeManagementEvents: true, dataResources: [] };

/** "s3:GetObject" from an event's source and name. */
function actionOf(event: Pick<TrailEvent, 'eventSource' | 'eventName'>): string {
  return `${event.eventSource.split('.')[0]}:${event.eventName}`;
}

function dataTypeOf(action: string): string | undefined {
  const lower = action.toLowerCase();
  return DATA_RESOURCE_TYPES.find((type) => DATA_EVENT_ACTIONS[type]!.some((a) => a.toLowerCase() === lower));
}

export function eventCategoryOf(event: Pick<TrailEvent, 'eventSource' | 'eventName'>): EventCategory {
  return dataTypeOf(actionOf(event)) ? 'Data' : 'Management';
}

/** Whether the event only read: its action's access level is List or Read (GetObject is a read data event). */
export function readOnlyOf(event: Pick<TrailEvent, 'eventSource' | 'eventName'>): boolean {
  const action = actionOf(event);
  if (/^s3:GetObject$/i.test(action)) return true;
  const level = findAction(action)?.accessLevel;
  if (level) return level === 'List' || level === 'Read';
  // Outside the catalogue: read by the verb, as AWS names read calls.
  return /^(Describe|Get|List|Lookup|View)/.test(event.eventName);
}

/** Whether a trail with these selectors records the event; `resourceArn`: the object or function acted on. */
export function trailRecords(selectors: readonly EventSelector[], event: Pick<TrailEvent, 'eventSource' | 'eventName'>, resourceArn?: string): boolean {
  const readOnly = readOnlyOf(event);
  const type = dataTypeOf(actionOf(event));
  return selectors.some((s) => {
    if ((s.readWriteType === 'ReadOnly' && !readOnly) || (s.readWriteType === 'WriteOnly' && readOnly)) return false;
    if (type === undefined) return s.includeManagementEvents;
    return s.dataResources.some((d) => d.type === type && resourceArn !== undefined && d.values.some((prefix) => resourceArn.startsWith(prefix)));
  });
}

/** Where a trail on the board delivered an event: the trail's and the bucket's names ("stack/LogicalId"). */
export interface Delivery {
  trail: string;
  bucket: string;
}

/**
 * The trails on a design that record the event and deliver it to their S3 bucket: logging, with selectors that
 * take it (a trail without EventSelectors records every management event). Without a trail the event is still
 * in the console's event history (90 days of management events, as CloudTrail keeps them) but nowhere else.
 */
export function deliveriesOf(design: Design, event: Pick<TrailEvent, 'eventSource' | 'eventName'>, resourceArn?: string): Delivery[] {
  const out: Delivery[] = [];
  const refOf = (id: number) => {
    const r = design.resources[id];
    return r ? `${design.stacks[r.stack]?.name ?? '?'}/${r.logicalId}` : '?';
  };
  for (const r of design.resources) {
    if (r.kind !== 'trail' || !r.props.isLogging) continue;
    const selectors = r.props.eventSelectors.length ? r.props.eventSelectors : [DEFAULT_EVENT_SELECTOR];
    if (trailRecords(selectors, event, resourceArn)) out.push({ trail: refOf(r.id), bucket: refOf(r.props.bucket) });
  }
  return out;
}
