// What the timeline says: every entry the simulation writes is a stable code and its values, never a sentence.
// This table is the one English wording of each code. The CLI, CloudTrail and logs render it here
// (`timelineSentence`); the client gives the same table to i18next as its English and reads the Korean from
// assets/i18n/ko.json (`timeline.entry.<code>`), so a code and its wording never drift apart.
//
// Templates use i18next's `{{name}}` placeholders. A template given as `{ one, other }` is chosen by the value
// `count` (English plural rules; i18next picks the same form from `<code>_one` / `<code>_other`).
// Values the client turns into words of the player's language before filling a template (see
// client/view/timeline-sentence.ts): `area` and `areas` (world-area codes), `service` (a priced service), and any
// value `x` that has an `xKo` beside it (a scenario's own Korean text). Everything else (ids, labels, zone and
// region names, numbers) is shown as it is.

export type TimelineKind = 'event' | 'failure' | 'recovery' | 'health' | 'dns' | 'database' | 'alarm' | 'scaling' | 'budget' | 'action';

export type TimelineValue = string | number | readonly string[];
export type TimelineValues = Readonly<Record<string, TimelineValue>>;

type Template = string | { one: string; other: string };

/** What a design's compile step warns about: each a code, its English, and the timeline code that reports it. */
export const WARNING_TEXT = {
  warnPolicyWithoutGroup: '{{policy}}: scaling policy of no Auto Scaling group; it does nothing',
  warnUnwatchedMetric: '{{alarm}}: the game cannot watch {{namespace}} {{metric}} here; the alarm stays in INSUFFICIENT_DATA',
  warnEc2ActionWithoutInstance:
    '{{alarm}}: the EC2 {{action}} action needs an alarm on a per-instance AWS/EC2 metric (InstanceId) of an instance on the board; it does nothing',
  warnRecoverNeedsSystemCheck:
    '{{alarm}}: the recover action answers only StatusCheckFailed_System (a failed host), not {{metric}}; it does nothing',
  warnTopicWithoutSubscribers: '{{alarm}} notifies SNS topic {{topic}}, which has no subscriptions: nobody is told',
  warnFilterWithoutLogGroup: '{{filter}}: log group {{group}} does not exist in its region; CloudFormation cannot create a metric filter on it, and it counts nothing',
  warnFilterPatternUnsupported: '{{filter}}: the game matches terms, "phrases", ?terms and -terms only; pattern {{pattern}} matches nothing on the board',
  warnUnknownDbClass: '{{db}}: database class "{{dbClass}}" is not in the catalogue; the game uses db.t3.micro',
  warnTooManyReplicas: '{{db}}: more read replicas than the game accepts',
  warnDbUnreachable: '{{instance}} cannot reach database {{db}}: their VPCs are neither peered nor attached to one Transit Gateway',
  warnRouteMissing:
    "{{instance}} cannot reach database {{db}} everywhere: route table {{table}} has no route that delivers {{destination}} (a peering needs a route to the peer's range in both VPCs' route tables, a Transit Gateway a route to it in each VPC); that traffic is dropped",
  warnRouteLocal:
    "{{instance}} cannot reach database {{db}}: {{destination}} is inside its own VPC's range, so the VPC's local route keeps that traffic (no peering or Transit Gateway routes between overlapping ranges)",
  warnDbPublicEndpoint: '{{instance}} reaches database {{db}} in another region without peering or a Transit Gateway; the game assumes a public endpoint',
  warnBadOrigin: '{{distribution}}: the origin is not a load balancer, instance or bucket; cache misses fail',
  warnPrivateOrigin: '{{distribution}}: origin {{origin}} is not reachable from the internet; cache misses fail',
  warnBadEndpoint: '{{accelerator}}: an endpoint is not a load balancer or instance; it is ignored',
  warnIdleRecord: 'users enter through {{name}}; record {{record}} carries no scenario traffic',
  warnRecordToNothing: '{{record}}: the record points at nothing in the design; users resolving it fail',
  warnPrivateRecordTarget: '{{record}}: {{target}} is not reachable from the internet',
  warnNoEntry: 'nothing in the design is reachable from the internet: every request fails',
  warnUnknownInstanceType: '{{instance}}: instance type "{{instanceType}}" is not in the catalogue; the game uses t3.micro figures',
  warnInstanceWithoutZone: '{{instance}}: instance has no subnet in a known zone; it cannot run',
  warnGroupWithoutZone: '{{group}}: Auto Scaling group has no subnet in a known zone; it launches nothing',
  warnGroupWithoutTemplate: '{{group}}: Auto Scaling group has no launch template; it uses t3.micro',
  warnGroupAboveCap: "{{group}}: maximum size {{max}} is above the game's cap of {{cap}}; the cap applies",
  warnTooManyTargets: '{{targetGroup}}: more targets than a target group accepts',
  warnLbWithoutPublicSubnet: '{{loadBalancer}}: internet-facing load balancer has no public subnet; the internet cannot reach it',
  warnLbWithoutTargets: '{{loadBalancer}}: load balancer forwards to no target group',
  warnLbClosedToInternet: "{{loadBalancer}}: its security groups do not admit port {{port}} from 0.0.0.0/0; users cannot reach it",
  warnDbClosedToInstances: "{{instance}}: {{db}}'s security groups do not admit port {{port}} from it; its queries are dropped",
  warnInstanceClosedToInternet: '{{instance}}: neither its security groups nor its network ACL let users in on port 80 or 443; the internet cannot reach it',
  warnAclDrops: '{{from}} → {{to}} on port {{port}}: a network ACL drops the requests or their answers (stateless: the ephemeral ports 1024-65535 need a rule too)',
  warnTargetsClosedToLb: "{{targetGroup}}: the targets' security groups do not admit port {{port}} from {{loadBalancer}}; its health checks and requests time out",
  warnSubnetUnknownZone: 'subnet {{subnet}} is in an unknown zone "{{zone}}"; it hosts nothing',
} as const satisfies Record<string, string>;

export type WarningCode = keyof typeof WARNING_TEXT;

/** A compile warning: its code and values. */
export interface DesignWarning {
  code: WarningCode;
  values: TimelineValues;
}

// A scenario event's sentence when it starts; the events that last have an `...Over` sentence when they end.
const AZ_DARK = 'availability zone {{zone}} goes dark';
const REGION_DARK = 'region {{region}} goes dark';
const DEGRADED = 'inter-region network degraded (+{{addedMs}} ms, {{lossPct}}% loss)';
const DEGRADED_AROUND = 'inter-region network degraded (+{{addedMs}} ms, {{lossPct}}% loss around {{region}})';
const FLOOD = 'a flood of requests starts from {{area}}';
const SPIKE = 'traffic spike: ×{{multiplier}}';
const SPIKE_FROM = 'traffic spike: ×{{multiplier}} from {{areas}}';
const CROWD = 'flash crowd: ×{{multiplier}}';
const CROWD_FROM = 'flash crowd: ×{{multiplier}} from {{areas}}';
const PRICES = '{{service}} prices change: ×{{multiplier}} the catalogue price';
const DESIRED = '{{group}}: desired {{from}} → {{to}}';

const warningEntries = Object.fromEntries(
  Object.entries(WARNING_TEXT).map(([code, en]) => [code, { kind: 'action', en: `warning: ${en}` }]),
) as Record<WarningCode, { kind: 'action'; en: string }>;

/** Every timeline code: the kind of entry it makes and its English. */
export const TIMELINE_TEXT = {
  // The match's first line, and what the scenario says.
  usersEnter: { kind: 'event', en: '{{title}}: users enter through {{entry}}' },
  usersEnterNowhere: { kind: 'event', en: '{{title}}: users enter through nothing' },
  announcement: { kind: 'event', en: '{{message}}' },
  azDark: { kind: 'event', en: AZ_DARK },
  // Chaos a classroom's instructor injected: said as theirs, not as the scenario's (shared/sim/inject.ts).
  instructorAzDark: { kind: 'event', en: 'Your instructor took down {{zone}}' },
  instructorRegionDark: { kind: 'event', en: 'Your instructor took down {{region}}' },
  instructorInstanceFailure: { kind: 'event', en: 'Your instructor failed instances ({{instances}})' },
  instructorDbFailure: { kind: 'event', en: 'Your instructor failed the database primary' },
  instructorDbFailureOf: { kind: 'event', en: 'Your instructor failed the database primary ({{db}})' },
  instructorFlood: { kind: 'event', en: 'Your instructor started a flood of requests from {{area}}' },
  instructorTrafficSpike: { kind: 'event', en: 'Your instructor sent a traffic spike: ×{{multiplier}}' },
  azDarkOver: { kind: 'event', en: `over: ${AZ_DARK}` },
  regionDark: { kind: 'event', en: REGION_DARK },
  regionDarkOver: { kind: 'event', en: `over: ${REGION_DARK}` },
  degraded: { kind: 'event', en: DEGRADED },
  degradedOver: { kind: 'event', en: `over: ${DEGRADED}` },
  degradedAround: { kind: 'event', en: DEGRADED_AROUND },
  degradedAroundOver: { kind: 'event', en: `over: ${DEGRADED_AROUND}` },
  flood: { kind: 'event', en: FLOOD },
  floodOver: { kind: 'event', en: `over: ${FLOOD}` },
  trafficSpike: { kind: 'event', en: SPIKE },
  trafficSpikeOver: { kind: 'event', en: `over: ${SPIKE}` },
  trafficSpikeFrom: { kind: 'event', en: SPIKE_FROM },
  trafficSpikeFromOver: { kind: 'event', en: `over: ${SPIKE_FROM}` },
  flashCrowd: { kind: 'event', en: CROWD },
  flashCrowdOver: { kind: 'event', en: `over: ${CROWD}` },
  flashCrowdFrom: { kind: 'event', en: CROWD_FROM },
  flashCrowdFromOver: { kind: 'event', en: `over: ${CROWD_FROM}` },
  priceChange: { kind: 'event', en: PRICES },
  priceChangeOver: { kind: 'event', en: `over: ${PRICES}` },
  budgetCut: { kind: 'event', en: 'the budget is cut to ${{amountUsd}}' },
  instanceFailure: { kind: 'event', en: 'instance failure ({{instances}})' },
  dbFailure: { kind: 'event', en: 'database primary failure' },
  dbFailureOf: { kind: 'event', en: 'database primary failure ({{db}})' },
  stackArrived: { kind: 'event', en: "a new team's stack {{stack}} is created: its VPC reaches only what its template connects it to" },
  dbRetired: { kind: 'event', en: 'database {{db}} is retired and shut down' },
  release: { kind: 'event', en: 'a new release goes out on {{stack}}' },
  releaseOver: { kind: 'event', en: 'the release on {{stack}} is rolled back' },
  leakedRunInstances: { kind: 'event', en: '{{user}} called RunInstances: {{instances}} × {{instanceType}} in {{region}} ({{names}})' },
  colleagueRevokedIngress: { kind: 'event', en: '{{user}} called RevokeSecurityGroupIngress on {{group}}: {{rule}}' },
  colleagueAuthorizedIngress: { kind: 'event', en: '{{user}} called AuthorizeSecurityGroupIngress on {{group}}: {{rule}}' },

  // Failures and recoveries the world itself notices.
  zoneDown: { kind: 'failure', en: 'zone {{zone}} is down' },
  releaseErrors: { kind: 'failure', en: '{{stack}} answers {{errorPct}}% of its requests with errors (its health check still passes)' },
  zoneBack: { kind: 'recovery', en: 'zone {{zone}} is back' },
  instanceFailed: { kind: 'failure', en: 'instance {{instance}} failed' },
  instancesLost: { kind: 'failure', en: { one: '{{count}} instance lost with a dark zone', other: '{{count}} instances lost with a dark zone' } },
  instancesRebooting: {
    kind: 'recovery',
    en: { one: '{{count}} instance rebooting as their zone returns', other: '{{count}} instances rebooting as their zone returns' },
  },

  // Health checks.
  targetsUnhealthy: { kind: 'health', en: { one: 'load balancers mark {{count}} target unhealthy', other: 'load balancers mark {{count}} targets unhealthy' } },
  targetsHealthy: { kind: 'health', en: { one: '{{count}} target now healthy', other: '{{count}} targets now healthy' } },
  checkHealthy: { kind: 'health', en: 'Route 53 health check {{check}} is healthy' },
  checkUnhealthy: { kind: 'health', en: 'Route 53 health check {{check}} is unhealthy' },
  endpointHealthy: { kind: 'health', en: 'Global Accelerator endpoint {{endpoint}} is healthy' },
  endpointUnhealthy: { kind: 'health', en: 'Global Accelerator endpoint {{endpoint}} is unhealthy' },
  resolversSwitch: { kind: 'dns', en: 'resolvers in {{area}} now get {{record}}' },
  lbNodeCached: {
    kind: 'dns',
    en: "{{lb}}: clients that cached its node's address in {{zone}} (about {{pct}}%) keep trying it until the DNS TTL ({{ttl}} s) runs out",
  },

  // Databases.
  dbFailsOver: { kind: 'database', en: '{{db}} fails over to its standby ({{seconds}} s)' },
  dbRecovering: { kind: 'database', en: '{{db}} is down: no standby, recovering on a new host ({{seconds}} s)' },
  dbZoneDark: { kind: 'database', en: '{{db}}: primary zone {{zone}} is dark, failing over to {{standby}}' },
  dbDownNoStandby: { kind: 'database', en: '{{db}} is down with {{zone}} (no standby left)' },
  dbDownSingleAz: { kind: 'database', en: '{{db}} is down with {{zone}} (single-AZ)' },
  dbZoneBack: { kind: 'database', en: '{{db}}: its zone is back, restarting' },
  dbFailedOver: { kind: 'database', en: '{{db}} failed over: primary now in {{zone}}' },
  dbAvailable: { kind: 'database', en: '{{db}} is available again' },
  dbPromoted: { kind: 'database', en: '{{db}} is promoted: a standalone writable database' },
  dbClassByFailover: { kind: 'database', en: '{{db}}: changing class to {{dbClass}} on the standby, then failing over ({{seconds}} s down)' },
  dbClassByRestart: { kind: 'database', en: '{{db}}: restarting as {{dbClass}} ({{seconds}} s down)' },

  // Alarms, Auto Scaling, money.
  alarmOn: { kind: 'alarm', en: 'alarm {{alarm}} is ALARM (last datapoint {{value}})' },
  alarmOff: { kind: 'alarm', en: 'alarm {{alarm}} is OK (last datapoint {{value}})' },
  // Alarm actions other than scaling (shared/sim/instance-actions.ts).
  snsNotified: { kind: 'alarm', en: 'SNS topic {{topic}}: alarm {{alarm}} is {{state}}; notified {{subscribers}}' },
  // The SNS console (topic-subscriptions.ts): a subscription made or ended during the run.
  snsSubscribed: { kind: 'action', en: 'SNS topic {{topic}}: {{subscriber}} subscribed' },
  snsUnsubscribed: { kind: 'action', en: 'SNS topic {{topic}}: {{subscriber}} unsubscribed' },
  alarmRecovers: { kind: 'recovery', en: '{{alarm}}: recovering {{instance}} onto new hardware (same instance ID and addresses; {{seconds}} s)' },
  alarmRecoverNothing: { kind: 'alarm', en: '{{alarm}}: recover action, but {{instance}} has no failed host to move from; nothing done' },
  alarmReboots: { kind: 'action', en: '{{alarm}}: rebooting {{instance}} ({{seconds}} s)' },
  alarmRebootNoHelp: { kind: 'alarm', en: '{{alarm}}: rebooting {{instance}} does not help: its host has failed (a recover action moves it to new hardware)' },
  alarmStops: { kind: 'action', en: '{{alarm}}: stopping {{instance}}' },
  alarmTerminates: { kind: 'action', en: '{{alarm}}: terminating {{instance}}' },
  desiredByPolicy: { kind: 'scaling', en: `${DESIRED} (policy {{policy}})` },
  desiredByHand: { kind: 'scaling', en: `${DESIRED} (set by hand)` },
  desiredByTracking: { kind: 'scaling', en: `${DESIRED} (target tracking {{target}}% CPU)` },
  desiredBySchedule: { kind: 'scaling', en: `${DESIRED} (scheduled action {{schedule}})` },
  scheduleRan: { kind: 'scaling', en: 'scheduled action {{schedule}} ran (min {{min}}, max {{max}})' },
  instancesReplaced: {
    kind: 'scaling',
    en: { one: '{{group}}: terminating {{count}} unhealthy instance', other: '{{group}}: terminating {{count}} unhealthy instances' },
  },
  cannotLaunch: { kind: 'scaling', en: '{{group}}: cannot launch, none of its zones is healthy' },
  instancesLaunched: {
    kind: 'scaling',
    en: { one: '{{group}}: launching {{count}} instance in {{zones}}', other: '{{group}}: launching {{count}} instances in {{zones}}' },
  },
  instancesTerminated: { kind: 'scaling', en: { one: '{{group}}: terminating {{count}} instance', other: '{{group}}: terminating {{count}} instances' } },
  officeUnreachable: {
    kind: 'failure',
    en: "the office cannot reach {{instance}}: route table {{table}} has no route that sends the office's range {{destination}} back over a VPN (a VPN into a virtual private gateway reaches only its own VPC; through a Transit Gateway, each VPC needs the office's range routed to it); the office's requests there fail",
  },
  sessionsLost: { kind: 'failure', en: "{{targetGroup}}: {{pct}}% of its users lost their sessions with the instance that held them (logged out once)" },
  // A budget alert sent to its subscribers (budget-alerts.ts): EMAIL addresses and SNS topics' subscribers.
  budgetNotified: { kind: 'budget', en: 'budget {{budget}}: {{notification}} alert ({{pct}}%, ${{spendUsd}}) sent via {{via}} to {{subscribers}}' },
  usageBudgetActualPassed: { kind: 'budget', en: 'usage budget {{budget}}: actual usage {{usage}} {{unit}} passed {{pct}}% of {{amount}} {{unit}}' },
  usageBudgetForecastPassed: { kind: 'budget', en: 'usage budget {{budget}}: forecast usage {{usage}} {{unit}} passed {{pct}}% of {{amount}} {{unit}}' },
  usageBudgetNotified: { kind: 'budget', en: 'usage budget {{budget}}: {{notification}} alert ({{pct}}%, {{usage}} {{unit}}) sent via {{via}} to {{subscribers}}' },
  budgetActualPassed: { kind: 'budget', en: 'budget {{budget}}: actual spend ${{spendUsd}} passed {{pct}}% of ${{amountUsd}}' },
  budgetForecastPassed: { kind: 'budget', en: 'budget {{budget}}: forecast spend ${{spendUsd}} passed {{pct}}% of ${{amountUsd}}' },
  spendOverBudget: { kind: 'budget', en: 'spend ${{spendUsd}} passed the scenario budget of ${{budgetUsd}}' },
  forecastOverBudget: { kind: 'budget', en: 'forecast spend ${{spendUsd}} is above the scenario budget of ${{budgetUsd}}' },
  budgetActionStopped: { kind: 'budget', en: 'budget action {{action}} of {{budget}} stopped {{instances}}' },
  budgetActionPolicy: { kind: 'budget', en: 'budget action {{action}} of {{budget}} attached {{policy}} to {{users}}' },
  budgetActionAwaitsApproval: { kind: 'budget', en: 'budget action {{action}} of {{budget}} awaits approval (MANUAL)' },

  // What players (or the CLI's timed actions) did to the world directly.
  keysRevoked: { kind: 'action', en: 'access keys of {{user}} revoked' },
  costTagActivated: { kind: 'action', en: 'cost allocation tag {{key}} activated: Cost Explorer groups the costs from now on by it' },
  costTagDeactivated: { kind: 'action', en: 'cost allocation tag {{key}} deactivated: later costs are no longer grouped by it' },
  savingsPlanPurchased: { kind: 'action', en: 'Compute Savings Plan bought: ${{hourlyUsd}} an hour for {{term}}, {{payment}} ({{discountPct}}% off On-Demand)' },
  reservedInstancesPurchased: { kind: 'action', en: 'Reserved Instances bought: {{count}} × {{instanceType}} in {{region}} for {{term}}, {{payment}} ({{discountPct}}% off On-Demand)' },
  keysRevokedStopping: { kind: 'action', en: 'access keys of {{user}} revoked: no more launches with them' },
  // A leaked key that policy refuses is not revoked: it still exists, and works for whatever the policy allows.
  keysDeniedByPolicy: { kind: 'action', en: "{{user}}'s access key refused by an explicit deny in policy {{policy}} (the key is not revoked): no more launches with it" },
  keysNoLongerAllowed: { kind: 'action', en: "{{user}}'s access key refused: no policy allows ec2:RunInstances any more (the key is not revoked): no more launches with it" },
  actionSetDesired: { kind: 'action', en: 'set-desired-capacity {{resource}} to {{desired}}' },
  actionSetWeight: { kind: 'action', en: 'set-record-weight {{resource}} to {{weight}}' },
  actionPromote: { kind: 'action', en: 'promote-replica {{resource}}' },
  actionReboot: { kind: 'action', en: 'reboot {{resource}}' },
  actionModifyDbClass: { kind: 'action', en: 'modify-db-class {{resource}} to {{dbClass}}' },
  actionModifyInstanceType: { kind: 'action', en: 'modify-instance-type {{resource}} to {{instanceType}}' },
  actionDelete: { kind: 'action', en: 'delete-resource {{resource}}' },
  actionAuthorizeIngress: { kind: 'action', en: 'authorize-security-group-ingress {{resource}}: {{rule}}' },
  actionRevokeIngress: { kind: 'action', en: 'revoke-security-group-ingress {{resource}}: {{rule}}' },
  actionStartRefresh: {
    kind: 'action',
    en: 'start-instance-refresh {{resource}} (minimum healthy {{minHealthyPct}}%, warm-up {{warmupS}} s)',
  },
  designUpdated: { kind: 'action', en: 'design updated ({{resources}} resources in {{stacks}} stacks)' },

  // What a design update did to the physical resources (shared/sim/physical.ts).
  instanceStopStart: { kind: 'action', en: '{{instance}}: stopping and starting to change {{properties}} ({{seconds}} s down)' },
  dbRebootForUpdate: { kind: 'database', en: '{{db}}: rebooting to apply {{properties}} ({{seconds}} s down)' },
  vpcReplaced: { kind: 'action', en: 'VPC {{vpc}} replaced: a new physical VPC, and what must move with it is replaced too' },
  instanceReplaced: { kind: 'action', en: '{{instance}} replaced: a new physical instance boots ({{seconds}} s)' },
  dbReplaced: { kind: 'database', en: '{{db}} replaced: a new, empty database is being created ({{seconds}} s down)' },
  resourcesReplaced: { kind: 'action', en: 'replaced by the stack update ({{count}}): {{resources}}' },
  groupRelaunched: {
    kind: 'scaling',
    en: {
      one: '{{group}}: its subnets were replaced; launching {{count}} instance again in the new ones ({{seconds}} s)',
      other: '{{group}}: its subnets were replaced; launching {{count}} instances again in the new ones ({{seconds}} s)',
    },
  },
  // Launch template versions and instance refreshes (shared/sim/refresh.ts).
  groupKeepsOldType: {
    kind: 'scaling',
    en: {
      one: '{{group}}: new launch template ({{instanceType}}) applies to new instances; {{count}} running instance keeps its type until it is replaced',
      other: '{{group}}: new launch template ({{instanceType}}) applies to new instances; {{count}} running instances keep their type until they are replaced',
    },
  },
  rollingUpdateStarted: {
    kind: 'scaling',
    en: '{{group}}: rolling update (UpdatePolicy AutoScalingRollingUpdate): batches of {{batch}}, at least {{minInService}} in service, pause {{pauseS}} s',
  },
  refreshBatch: {
    kind: 'scaling',
    en: {
      one: '{{group}}: instance refresh terminates {{count}} old instance ({{inService}} in service, minimum {{minimum}})',
      other: '{{group}}: instance refresh terminates {{count}} old instances ({{inService}} in service, minimum {{minimum}})',
    },
  },
  refreshSurge: {
    kind: 'scaling',
    en: {
      one: '{{group}}: rolling update launches {{count}} new instance first to keep {{minimum}} in service',
      other: '{{group}}: rolling update launches {{count}} new instances first to keep {{minimum}} in service',
    },
  },
  refreshDone: {
    kind: 'scaling',
    en: { one: '{{group}}: instance refresh done, {{count}} instance replaced', other: '{{group}}: instance refresh done, {{count}} instances replaced' },
  },
  // What a stack's DeletionPolicy (or UpdateReplacePolicy) did with what the stack let go of (shared/account).
  resourceRetained: { kind: 'action', en: '{{resource}} retained: it leaves its stack and stays in the account as {{kept}}, running and billed until you delete it' },
  resourceRetainedInUse: { kind: 'action', en: '{{resource}} retained as {{kept}}: AWS cannot delete it while {{usedBy}} uses it' },
  dbSnapshotTaken: { kind: 'database', en: '{{db}} deleted after a final snapshot: {{snapshot}} ({{storageGb}} GB) stays in the account, billed until you delete it' },
  dbDataLost: { kind: 'database', en: '{{db}} deleted without a snapshot: its data are lost' },
  dbRestored: { kind: 'database', en: '{{db}} created from snapshot {{snapshot}}: it starts with the data the snapshot kept' },
  ...warningEntries,
} as const satisfies Record<string, { kind: TimelineKind; en: Template }>;

export type TimelineCode = keyof typeof TIMELINE_TEXT;

export const TIMELINE_CODES = Object.keys(TIMELINE_TEXT) as TimelineCode[];

/** The code of an event's end: every event that lasts has one (`azDark` → `azDarkOver`). */
export const EVENT_ENDING: Partial<Record<TimelineCode, TimelineCode>> = {
  azDark: 'azDarkOver',
  instructorAzDark: 'azDarkOver',
  instructorRegionDark: 'regionDarkOver',
  instructorFlood: 'floodOver',
  instructorTrafficSpike: 'trafficSpikeOver',
  regionDark: 'regionDarkOver',
  degraded: 'degradedOver',
  degradedAround: 'degradedAroundOver',
  flood: 'floodOver',
  trafficSpike: 'trafficSpikeOver',
  trafficSpikeFrom: 'trafficSpikeFromOver',
  flashCrowd: 'flashCrowdOver',
  flashCrowdFrom: 'flashCrowdFromOver',
  priceChange: 'priceChangeOver',
  release: 'releaseOver',
};

/** Whether an entry says that a scenario event is over (not news: toasts and replay markers leave it out). */
export function isEventEnding(code: string): boolean {
  return Object.values(EVENT_ENDING).includes(code as TimelineCode);
}

/** Fills `{{name}}` placeholders; a list is joined with ", " as the English sentences always did. */
export function fillTemplate(template: string, values: TimelineValues): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    return typeof v === 'object' ? v.join(', ') : String(v);
  });
}

/** The English template of `code` for these values (the plural form chosen by `count`, as i18next does). */
export function englishTemplate(code: TimelineCode, values: TimelineValues): string {
  const en: Template = TIMELINE_TEXT[code].en;
  return typeof en === 'string' ? en : values.count === 1 ? en.one : en.other;
}

/** The English sentence of a timeline entry: what the CLI prints, CloudTrail records and the world hash reads. */
export function timelineSentence(entry: { code: TimelineCode; values: TimelineValues }): string {
  return fillTemplate(englishTemplate(entry.code, entry.values), entry.values);
}

/** The English sentence of a compile warning. */
export function warningSentence(warning: DesignWarning): string {
  return fillTemplate(WARNING_TEXT[warning.code], warning.values);
}

export function isTimelineCode(code: unknown): code is TimelineCode {
  return typeof code === 'string' && Object.hasOwn(TIMELINE_TEXT, code);
}
