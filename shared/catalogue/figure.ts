// A catalogue number together with its unit and the one sentence a tooltip shows next to it.
// Why a record and not a bare number: the rule "every number a player sees can be traced to a rule" needs the
// explanation to travel with the value; tooltips and docs read `explain`, the simulation reads `value`.

import { z } from 'zod';

export interface Figure {
  value: number;
  unit: string;
  explain: string;
}

export function figure(value: number, unit: string, explain: string): Figure {
  return { value, unit, explain };
}

/** A piecewise-linear curve: points sorted by x, read by linear interpolation and clamped at both ends. */
export interface Curve {
  points: [number, number][];
  xUnit: string;
  yUnit: string;
  explain: string;
}

export const figureSchema = z.object({
  value: z.number().finite().nonnegative(),
  unit: z.string().min(1),
  // One sentence, not a placeholder.
  explain: z.string().min(12),
});

export const curveSchema = z
  .object({
    points: z.array(z.tuple([z.number().finite(), z.number().finite()])).min(2),
    xUnit: z.string().min(1),
    yUnit: z.string().min(1),
    explain: z.string().min(12),
  })
  .refine((c) => c.points.every((p, i) => i === 0 || p[0] > c.points[i - 1]![0]), {
    message: 'curve points must be sorted by strictly increasing x',
  });

/** Reads a curve at x (linear between points, flat beyond the ends). Pure arithmetic: bit-exact everywhere. */
export function readCurve(points: readonly (readonly [number, number])[], x: number): number {
  const first = points[0]!;
  if (x <= first[0]) return first[1];
  for (let i = 1; i < points.length; i++) {
    const b = points[i]!;
    if (x <= b[0]) {
      const a = points[i - 1]!;
      return a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
    }
  }
  return points[points.length - 1]![1];
}
