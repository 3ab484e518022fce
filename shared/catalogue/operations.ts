// Buckets, CloudWatch alarms, budgets and Savings Plans.

import { figure } from './figure.ts';

export const bucket = {
  hourlyUsd: figure(0, 'USD/hour', 'A bucket has no hourly charge (the game ignores the storage of a small website).'),
  perThousandGetsUsd: figure(0.0004, 'USD/1,000 requests', 'GET requests to a bucket, per thousand.'),
  perThousandPutsUsd: figure(0.005, 'USD/1,000 requests', 'PUT and other write requests to a bucket, per thousand.'),
  latencyMs: figure(15, 'ms', 'Time a bucket needs to return a small object (first byte).'),
  capacityRps: figure(
    5500,
    'requests/s',
    'GET requests per second per key prefix a bucket sustains; the game treats a bucket as one prefix.',
  ),
};

export const cloudWatch = {
  alarmMonthUsd: figure(0.1, 'USD/month', 'A standard-resolution alarm costs this per month.'),
  highResolutionAlarmMonthUsd: figure(0.3, 'USD/month', 'An alarm with a period under 60 s costs this per month.'),
  minPeriodS: figure(10, 's', 'Shortest alarm period (high resolution); standard metrics arrive every 60 s.'),
  metricIntervalS: figure(60, 's', 'Basic monitoring publishes EC2 and load balancer metrics once a minute.'),
};

/**
 * Time to recovery (the `timeToRecoveryS` objective): how long users suffered from an incident, from the step at
 * which service broke to the step at which it was restored, as an on-call team measures MTTR.
 */
export const recovery = {
  brokenErrorShare: figure(
    0.05,
    'share of requests',
    "Service counts as broken in a step in which more than this share of the users' requests fail, and as restored at the first step after that in which no more than this share fail.",
  ),
};

export const budgets = {
  hourlyUsd: figure(0, 'USD/hour', 'Budgets with notifications only are free.'),
  minForecastS: figure(
    900,
    's',
    'Spend history a forecast needs before a FORECASTED alert can fire (AWS waits for about a week of data; the game for 15 minutes).',
  ),
  costTagDelayS: figure(
    0,
    's',
    'Time before an activated cost allocation tag groups costs. AWS can take up to 24 hours to activate a tag, and groups only costs incurred after activation; the game groups from the next step. It charges a tag value the hours of the EC2 instances (a group\'s instances carry the group\'s Tags) and RDS databases carrying it, discounts included; requests, data transfer and the other hourly charges show under "No tag key".',
  ),
};

/**
 * Amazon SNS as the game delivers it (shared/sns/endpoints.ts, shared/sim/topic-subscriptions.ts): who an
 * email endpoint is, and that the game confirms subscriptions at once.
 */
export const sns = {
  confirmationS: figure(
    0,
    's',
    "An email subscription is confirmed at once in the game (in AWS its address's owner first follows the link SNS mails). A topic belongs to the team whose stack holds it, and the game has no mailboxes, so the team reads them: an address whose local part is a teammate's nickname (ana@example.com) reaches that player alone; any other address (the team's name, oncall@example.com) is a list the whole team reads, as a team reads its own on-call inbox. The domain does not matter. SMS, HTTPS, SQS and Lambda endpoints are delivered outside the game: the timeline says they were notified, no player's inbox shows it. A topic nobody subscribes to tells nobody.",
  ),
  inboxItems: figure(30, 'notifications', "The most recent SNS notifications a player's inbox keeps (alarm state changes and budget alerts that reached them)."),
};

/**
 * Compute Savings Plans: "you commit to a consistent amount of usage, in USD per hour, for a term of 1 or 3
 * years, and receive a lower price for that usage" (AWS Savings Plans User Guide). The commitment is billed
 * every hour whether usage uses it or not; usage beyond it is billed On-Demand. The rates below are the
 * discounts off On-Demand of Compute Savings Plans for the catalogue's general-purpose and compute-optimised
 * Linux types (m5, c5, t3) in us-east-1, rounded from AWS's Savings Plans pricing page; AWS quotes "up to 66%"
 * for Compute Savings Plans, the deepest for 3-year all-upfront on some families.
 */
export const savingsPlans = {
  discount1yNoUpfront: figure(0.28, 'share of On-Demand', 'Compute Savings Plans, 1-year term, no upfront payment: about 28% off On-Demand for m5, c5 and t3.'),
  discount1yPartialUpfront: figure(0.31, 'share of On-Demand', 'Compute Savings Plans, 1-year term, partial upfront: about 31% off On-Demand.'),
  discount1yAllUpfront: figure(0.33, 'share of On-Demand', 'Compute Savings Plans, 1-year term, all upfront: about 33% off On-Demand.'),
  discount3yNoUpfront: figure(0.46, 'share of On-Demand', 'Compute Savings Plans, 3-year term, no upfront payment: about 46% off On-Demand.'),
  discount3yPartialUpfront: figure(0.5, 'share of On-Demand', 'Compute Savings Plans, 3-year term, partial upfront: about 50% off On-Demand.'),
  discount3yAllUpfront: figure(0.52, 'share of On-Demand', 'Compute Savings Plans, 3-year term, all upfront: about 52% off On-Demand.'),
  minHourlyCommitmentUsd: figure(0.001, 'USD/hour', 'The smallest hourly commitment CreateSavingsPlan accepts (0.001 to 1,000,000, at most five decimals).'),
  maxHourlyCommitmentUsd: figure(1_000_000, 'USD/hour', 'The largest hourly commitment CreateSavingsPlan accepts.'),
};

/**
 * Standard Reserved Instances (EC2): a billing discount on running instances that match the reservation's
 * instance type and region, bought for a 1- or 3-year term; each hour a reservation applies to one matching
 * instance-hour and is billed whether an instance uses it or not. The rates are the discounts off On-Demand of
 * Standard RIs for the catalogue's Linux types (m5, c5, t3) in us-east-1, rounded from AWS's EC2 Reserved
 * Instance pricing page (AWS quotes "up to 72%" for Standard RIs). The run bills a reservation by the hour
 * (upfront payments spread over the term, as Cost Explorer's amortised view does). Convertible RIs, size
 * flexibility within a family and zonal reservations are not modelled.
 */
export const reservedInstances = {
  discount1yNoUpfront: figure(0.36, 'share of On-Demand', 'Standard Reserved Instances, 1-year term, no upfront payment: about 36% off On-Demand for m5, c5 and t3.'),
  discount1yPartialUpfront: figure(0.39, 'share of On-Demand', 'Standard Reserved Instances, 1-year term, partial upfront: about 39% off On-Demand.'),
  discount1yAllUpfront: figure(0.41, 'share of On-Demand', 'Standard Reserved Instances, 1-year term, all upfront: about 41% off On-Demand.'),
  discount3yNoUpfront: figure(0.54, 'share of On-Demand', 'Standard Reserved Instances, 3-year term, no upfront payment: about 54% off On-Demand.'),
  discount3yPartialUpfront: figure(0.58, 'share of On-Demand', 'Standard Reserved Instances, 3-year term, partial upfront: about 58% off On-Demand.'),
  discount3yAllUpfront: figure(0.6, 'share of On-Demand', 'Standard Reserved Instances, 3-year term, all upfront: about 60% off On-Demand.'),
  hoursPerMonth: figure(730, 'hours', 'Cost Explorer states estimated savings per month of 730 hours (a year of 8,760 hours ÷ 12).'),
};
