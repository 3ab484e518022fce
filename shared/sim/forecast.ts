// The spend trend forecasts extrapolate. AWS describes Cost Explorer's forecast as "a prediction of how much you
// will use AWS services over the forecast time period that you selected, based on your past usage", learned from
// the account's cost history, so spend that has been growing is forecast to go on growing. The game's model of
// that learning is the simplest that follows a trend: a straight line fitted (least squares) to the spend of each
// whole simulated hour so far, extended into the future and never below zero. Flat spend gives a flat line:
// the rate so far, the forecast AWS Budgets' alerts use while there is no history of hours.

/** Spend per second at `atS`, changing by `growthUsdPerS2` each second. */
export interface SpendTrend {
  atS: number;
  usdPerS: number;
  growthUsdPerS2: number;
}

export function flatTrend(usdPerS: number, atS: number): SpendTrend {
  return { atS, usdPerS, growthUsdPerS2: 0 };
}

/**
 * The trend of spend hour by hour (`hourlyUsd[i]` spent in hour i of the run), anchored at `nowS`: the least-
 * squares line through the hours' spend at their midpoints; undefined with fewer than two whole hours (no
 * trend yet: the forecast is then the rate so far, flat).
 */
export function fitSpendTrend(hourlyUsd: readonly number[], nowS: number): SpendTrend | undefined {
  const n = hourlyUsd.length;
  if (n < 2) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += (i + 0.5) * 3600;
    sy += hourlyUsd[i]! / 3600;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (i + 0.5) * 3600 - mx;
    sxx += dx * dx;
    sxy += dx * (hourlyUsd[i]! / 3600 - my);
  }
  const growth = sxx > 0 ? sxy / sxx : 0;
  return { atS: nowS, usdPerS: Math.max(0, my + growth * (nowS - mx)), growthUsdPerS2: growth };
}

/** Spend per second the trend gives at time t (never below zero). */
export function rateAt(trend: SpendTrend, tS: number): number {
  return Math.max(0, trend.usdPerS + trend.growthUsdPerS2 * (tS - trend.atS));
}

/** Spend the trend gives between fromS and toS: the integral of its rate, the part below zero cut off. */
export function spendOverUsd(trend: SpendTrend, fromS: number, toS: number): number {
  if (toS <= fromS) return 0;
  const g = trend.growthUsdPerS2;
  let a = fromS;
  let b = toS;
  if (g !== 0) {
    // Where the line crosses zero: spend stops there (falling) or starts there (rising).
    const zero = trend.atS - trend.usdPerS / g;
    if (g < 0) b = Math.min(b, zero);
    else a = Math.max(a, zero);
    if (b <= a) return 0;
  }
  const ra = trend.usdPerS + g * (a - trend.atS);
  const rb = trend.usdPerS + g * (b - trend.atS);
  return Math.max(0, ((ra + rb) / 2) * (b - a));
}
