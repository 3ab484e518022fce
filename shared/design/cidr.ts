// IPv4 CIDR blocks as the board uses them: a VPC's address range, its subnets inside it, and the rule that two
// VPCs with overlapping ranges cannot be peered. Pure integer arithmetic on 32-bit addresses, no strings
// compared, so "10.0.0.0/16" and "10.0.00.0/16" mean the same block.

/** A parsed block: the first address as an unsigned 32-bit integer and the prefix length (0–32). */
export interface CidrBlock {
  base: number;
  prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Reads "a.b.c.d/n". Returns undefined for anything else (IPv6 included: the game models IPv4 ranges only).
 * Host bits set below the prefix (10.0.0.1/16) are cleared, as AWS normalises them.
 */
export function parseCidr(text: string): CidrBlock | undefined {
  const match = CIDR_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  return { base: (address & maskOf(prefix)) >>> 0, prefix };
}

export function isCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** Number of addresses in a block (2^(32-prefix)), exact as a double. */
export function blockSize(block: CidrBlock): number {
  return 2 ** (32 - block.prefix);
}

/** True when every address of `inner` is inside `outer`. */
export function cidrContains(outer: CidrBlock, inner: CidrBlock): boolean {
  if (inner.prefix < outer.prefix) return false;
  return ((inner.base & maskOf(outer.prefix)) >>> 0) === outer.base;
}

/** True when the two blocks share at least one address (for aligned blocks: one contains the other). */
export function cidrOverlaps(a: CidrBlock, b: CidrBlock): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/** Text form "a.b.c.d/n". */
export function formatCidr(block: CidrBlock): string {
  const b = block.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${block.prefix}`;
}

/**
 * Fn::Cidr: the first `count` consecutive blocks of `hostBits` host bits (prefix 32 - hostBits) inside `block`,
 * or undefined when they do not fit (CloudFormation refuses the template then).
 */
export function cidrSubnets(block: CidrBlock, count: number, hostBits: number): CidrBlock[] | undefined {
  const prefix = 32 - hostBits;
  if (!Number.isInteger(count) || !Number.isInteger(hostBits) || count < 1 || count > 256) return undefined;
  if (prefix < block.prefix || prefix > 32) return undefined;
  const size = 2 ** hostBits;
  if (count * size > blockSize(block)) return undefined;
  const out: CidrBlock[] = [];
  for (let i = 0; i < count; i++) out.push({ base: block.base + i * size, prefix });
  return out;
}

/** The netmask of a prefix length as an unsigned 32-bit integer (/0 is all zeroes: `<< 32` would be a no-op). */
function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}
