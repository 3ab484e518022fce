// Whether the player asked their system for less motion (prefers-reduced-motion): the board then shows traffic as
// still dots spaced by rate, with the rates as numbers on the pieces, and nothing on the page moves or flashes.
let reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
if (typeof matchMedia === 'function') {
  matchMedia('(prefers-reduced-motion: reduce)').addEventListener?.('change', (e) => (reduced = e.matches));
}

export function reducedMotion(): boolean {
  return reduced;
}
