import { describe, expect, it } from 'vitest';
import { cidrContains, cidrOverlaps, cidrSubnets, formatCidr, isCidr, parseCidr } from '../../../shared/design/cidr.ts';

const block = (text: string) => {
  const b = parseCidr(text);
  if (!b) throw new Error(`not a block: ${text}`);
  return b;
};

describe('CIDR blocks', () => {
  it('parses IPv4 blocks and clears host bits', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ base: 0x0a000000, prefix: 16 });
    expect(formatCidr(block('10.0.3.7/16'))).toBe('10.0.0.0/16');
    expect(formatCidr(block('0.0.0.0/0'))).toBe('0.0.0.0/0');
    expect(formatCidr(block('255.255.255.255/32'))).toBe('255.255.255.255/32');
  });

  it('refuses what is not an IPv4 block', () => {
    for (const text of ['', '10.0.0.0', '10.0.0.256/16', '10.0.0.0/33', '2001:db8::/32', 'ten/8', '10.0.0/16']) {
      expect(isCidr(text), text).toBe(false);
    }
  });

  it('knows containment: a subnet inside its VPC, not outside', () => {
    expect(cidrContains(block('10.0.0.0/16'), block('10.0.5.0/24'))).toBe(true);
    expect(cidrContains(block('10.0.0.0/16'), block('10.1.0.0/24'))).toBe(false);
    expect(cidrContains(block('10.0.0.0/24'), block('10.0.0.0/16'))).toBe(false);
    expect(cidrContains(block('0.0.0.0/0'), block('192.168.1.0/24'))).toBe(true);
  });

  it('knows overlap in both directions', () => {
    expect(cidrOverlaps(block('10.0.0.0/16'), block('10.0.128.0/17'))).toBe(true);
    expect(cidrOverlaps(block('10.0.128.0/17'), block('10.0.0.0/16'))).toBe(true);
    expect(cidrOverlaps(block('10.0.0.0/24'), block('10.0.1.0/24'))).toBe(false);
    expect(cidrOverlaps(block('172.16.0.0/12'), block('172.31.255.0/24'))).toBe(true);
  });

  it('cuts blocks as Fn::Cidr does', () => {
    expect(cidrSubnets(block('10.0.0.0/16'), 3, 8)?.map(formatCidr)).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    expect(cidrSubnets(block('192.168.0.0/24'), 4, 6)?.map(formatCidr)).toEqual([
      '192.168.0.0/26',
      '192.168.0.64/26',
      '192.168.0.128/26',
      '192.168.0.192/26',
    ]);
    expect(cidrSubnets(block('10.0.0.0/24'), 2, 8)).toBeUndefined(); // two /24s do not fit in one
    expect(cidrSubnets(block('10.0.0.0/24'), 1, 9)).toBeUndefined(); // larger than the block
  });
});
