// Whether a listener has a certificate: read by the design checks (AWS refuses HTTPS without one) and by the
// simulation (only an HTTPS listener with one terminates TLS for users).

import type { ResourceOfKind } from './model.ts';

/**
 * The board's certificate, or Certificates the template wrote in a form the board keeps as written (an ARN
 * from a parameter that was not given, say): that is the loader's to report, not a missing certificate.
 */
export function hasCertificate(l: ResourceOfKind<'listener'>): boolean {
  return l.props.certificate !== undefined || (l.unmodelled !== undefined && Object.hasOwn(l.unmodelled, 'Certificates'));
}
