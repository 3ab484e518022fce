// Per-edge and per-slot figures derived once from the compiled load balancer edges (compute.ts), so the
// step reads one number where it would otherwise work it out every time (balancing.ts, completion.ts).

import { CLASS_COUNT } from '../constants.ts';

/** Per load balancer: 1 if every edge's class weights (edgeW, CLASS_COUNT per edge) are all the same. */
export function uniformClasses(edgeStart: number[], edgeW: number[]): Uint8Array {
  const out = new Uint8Array(edgeStart.length - 1);
  for (let b = 0; b < out.length; b++) {
    out[b] = 1;
    for (let e = edgeStart[b]!; e < edgeStart[b + 1]!; e++) {
      for (let c = 1; c < CLASS_COUNT; c++) if (edgeW[e * CLASS_COUNT + c] !== edgeW[e * CLASS_COUNT]) out[b] = 0;
    }
  }
  return out;
}

/** Per edge: its load balancer's CPU factor times its target group's (both final once every listener is read). */
export function edgeCpuFactors(edgeStart: number[], edgeTg: number[], lbCpuFactor: Float64Array, tgCpuFactor: Float64Array): Float64Array {
  const out = new Float64Array(edgeTg.length);
  for (let b = 0; b + 1 < edgeStart.length; b++) {
    for (let e = edgeStart[b]!; e < edgeStart[b + 1]!; e++) out[e] = lbCpuFactor[b]! * tgCpuFactor[edgeTg[e]!]!;
  }
  return out;
}

/** Per slot: its own target group's load balancer cannot reach it (any blocked edge to it through that group). */
export function checkBlocked(slots: number, instTg: Int32Array, edgeInst: number[], edgeTg: number[], edgeBlocked: number[]): Uint8Array {
  const out = new Uint8Array(slots);
  for (let e = 0; e < edgeInst.length; e++) {
    const slot = edgeInst[e]!;
    if (edgeBlocked[e] === 1 && edgeTg[e] === instTg[slot]) out[slot] = 1;
  }
  return out;
}
