// Buckets, CloudWatch alarms and budgets.

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

export const budgets = {
  hourlyUsd: figure(0, 'USD/hour', 'Budgets with notifications only are free.'),
  minForecastS: figure(
    900,
    's',
    'Spend history a forecast needs before a FORECASTED alert can fire (AWS waits for about a week of data; the game for 15 minutes).',
  ),
};
