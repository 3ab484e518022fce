// How a request is modelled: its classes, sizes and CPU cost, the queueing curve and the network figures the
// simulation uses between the numbers of the other catalogue files.

import { figure, type Curve } from './figure.ts';

export const requests = {
  // Game balance: real pages weigh more (hundreds of KB with images); these sizes keep data transfer a
  // visible part of the bill without drowning the price of the architecture a player chooses.
  staticResponseKb: figure(30, 'KB', 'Size of a static (cacheable) response: images, scripts, style sheets.'),
  readResponseKb: figure(10, 'KB', 'Size of a dynamic page or API read response.'),
  writeResponseKb: figure(2, 'KB', 'Size of the response to a write (a form post or API update).'),
  queryKb: figure(4, 'KB', 'Data exchanged between an instance and its database for one query.'),
  staticCpuWeight: figure(0.5, '×', 'A static request costs half the CPU of a dynamic read on an instance.'),
  readCpuWeight: figure(1, '×', 'A dynamic read is the unit of instance capacity.'),
  writeCpuWeight: figure(1.5, '×', 'A write costs one and a half dynamic reads of CPU (validation, rendering, side effects).'),
  floodCpuWeight: figure(1, '×', 'A flood request costs the CPU of a dynamic read until something drops it.'),
  noiseShare: figure(0.03, 'ratio', 'Seeded random variation of demand from step to step (±3%), so runs are not perfectly smooth.'),
};

export const service = {
  // The knee: latency is flat until ~50%, climbs visibly from 60%, is ×6 at 100%; errors start only above 100%
  // (load beyond capacity is shed). Piecewise-linear so it is bit-exact on every engine.
  queueingCurve: {
    points: [
      [0, 1],
      [0.5, 1.05],
      [0.6, 1.15],
      [0.7, 1.4],
      [0.8, 1.9],
      [0.9, 3],
      [0.95, 4.5],
      [1, 6],
      [1.2, 8],
    ],
    xUnit: 'utilisation',
    yUnit: '× base latency',
    explain: 'Latency multiplier by utilisation: requests queue as a server gets busy, so latency climbs from about 60% and errors start only above 100%.',
  } satisfies Curve,
  // Game balance: a single latency per flow has no spread; this shape spreads each flow over a distribution
  // whose median is a little under the mean and whose tail is twice to three times it.
  latencySpread: {
    value: [
      [0.75, 0.5],
      [1.1, 0.35],
      [1.8, 0.12],
      [3, 0.03],
    ] as [number, number][],
    unit: '× latency, share',
    explain: 'How one flow of requests spreads around its mean latency (factor, share of requests) for the percentiles.',
  },
  sameZoneRttMs: figure(0.5, 'ms', 'Round-trip time between two servers in the same AZ.'),
  crossZoneRttMs: figure(1.5, 'ms', 'Round-trip time between two AZs of a region.'),
  // Game balance: the real gain of the backbone varies by path; one factor keeps it explainable.
  backboneFactor: figure(
    0.85,
    '×',
    'The provider backbone (CloudFront origin fetches, Global Accelerator) is this much of the public-internet round-trip time beyond the edge.',
  ),
};
