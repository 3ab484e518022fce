// The one forecast rule follows the trend of hourly spend (shared/sim/forecast.ts, money.ts forecastSpendUsd).
import { describe, expect, it } from 'vitest';
import { fitSpendTrend, flatTrend, rateAt, spendOverUsd } from '../../../shared/sim/forecast.ts';
import { forecastSpendUsd } from '../../../shared/sim/money.ts';

describe('the spend trend', () => {
  it('is none before two whole hours: the forecast is then the rate so far, flat', () => {
    expect(fitSpendTrend([], 1800)).toBeUndefined();
    expect(fitSpendTrend([3], 5400)).toBeUndefined();
    expect(forecastSpendUsd(3, 3600, 4 * 3600, undefined)).toBe(12);
  });

  it('is flat for flat spend: every future hour costs what the past ones did', () => {
    const trend = fitSpendTrend([2, 2, 2], 3 * 3600)!;
    expect(trend.growthUsdPerS2).toBeCloseTo(0, 12);
    expect(spendOverUsd(trend, 3 * 3600, 13 * 3600)).toBeCloseTo(20, 9);
    expect(forecastSpendUsd(6, 3 * 3600, 6 * 3600, trend)).toBeCloseTo(12, 9);
  });

  it('grows with spend that grows: the next hours cost more than the last one', () => {
    const trend = fitSpendTrend([1, 2, 3, 4], 4 * 3600)!;
    // The line through the hours' midpoints: hour i costs i + 1, so hour 4 costs 5 and hour 5 costs 6.
    expect(spendOverUsd(trend, 4 * 3600, 5 * 3600)).toBeCloseTo(5, 9);
    expect(spendOverUsd(trend, 5 * 3600, 6 * 3600)).toBeCloseTo(6, 9);
    expect(forecastSpendUsd(10, 4 * 3600, 6 * 3600, trend)).toBeCloseTo(21, 9);
    // The flat rule would have said 15: the trend is what changes the figure.
    expect(forecastSpendUsd(10, 4 * 3600, 6 * 3600)).toBeCloseTo(15, 9);
  });

  it('never forecasts spend below zero for spend that falls', () => {
    const trend = fitSpendTrend([4, 3, 2, 1], 4 * 3600)!;
    expect(rateAt(trend, 10 * 3600)).toBe(0);
    // The line is 0.5 $/h at 4 h and reaches zero at 4.5 h: half an hour of a rate falling from 0.5 $/h.
    expect(spendOverUsd(trend, 4 * 3600, 100 * 3600)).toBeCloseTo(0.125, 9);
    expect(spendOverUsd(trend, 6 * 3600, 9 * 3600)).toBe(0);
  });

  it('integrates a flat trend over any window', () => {
    expect(spendOverUsd(flatTrend(1 / 3600, 0), 0, 7200)).toBeCloseTo(2, 12);
    expect(spendOverUsd(flatTrend(1 / 3600, 0), 7200, 3600)).toBe(0);
  });
});
