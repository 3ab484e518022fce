import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatches } from '../../../shared/iam/glob.ts';

/** The obvious implementation, for comparison: the pattern compiled to an anchored RegExp. */
function referenceMatches(pattern: string, text: string, ignoreCase: boolean): boolean {
  const body = [...pattern]
    .map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '').test(text);
}

describe('globMatches', () => {
  it.each([
    ['*', '', true],
    ['*', 'ec2:RunInstances', true],
    ['ec2:*', 'ec2:RunInstances', true],
    ['ec2:*', 'rds:CreateDBInstance', false],
    ['ec2:Describe*', 'ec2:DescribeInstances', true],
    ['ec2:Describe*', 'ec2:RunInstances', false],
    ['ec2:*Vpc*', 'ec2:CreateVpcPeeringConnection', true],
    ['ec2:?unInstances', 'ec2:RunInstances', true],
    ['ec2:?unInstances', 'ec2:unInstances', false],
    ['a*b*c', 'abbbcbc', true],
    ['a*b*c', 'abbbcb', false],
    ['', '', true],
    ['', 'x', false],
    ['**', 'anything', true],
  ])('%s against %s → %s', (pattern, text, expected) => {
    expect(globMatches(pattern, text, false)).toBe(expected);
  });

  it('folds case only when asked', () => {
    expect(globMatches('EC2:runinstances', 'ec2:RunInstances', true)).toBe(true);
    expect(globMatches('EC2:runinstances', 'ec2:RunInstances', false)).toBe(false);
    expect(globMatches('arn:aws:ec2:*:*:instance/Web*', 'arn:aws:ec2:us-east-1:123456789012:instance/web-1', false)).toBe(false);
  });

  it('folds only ASCII letters', () => {
    expect(globMatches('é', 'É', true)).toBe(false);
    expect(globMatches('[', '{', true)).toBe(false); // 0x5B and 0x7B differ by 32 but are not letters
  });

  it('stays fast on patterns that make naive backtracking explode', () => {
    const pattern = `${'*a'.repeat(30)}*b`;
    const text = 'a'.repeat(2000);
    expect(globMatches(pattern, text, false)).toBe(false);
  });

  it('agrees with a RegExp implementation on random patterns', () => {
    const patternChar = fc.constantFrom('a', 'b', 'A', ':', '/', '.', '*', '?', '[', '$');
    const textChar = fc.constantFrom('a', 'b', 'A', 'B', ':', '/', '.', '[', '$', '*', '?');
    fc.assert(
      fc.property(
        fc.string({ unit: patternChar, maxLength: 10 }),
        fc.string({ unit: textChar, maxLength: 14 }),
        fc.boolean(),
        (pattern, text, ignoreCase) => {
          expect(globMatches(pattern, text, ignoreCase)).toBe(referenceMatches(pattern, text, ignoreCase));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('matches every text against a pattern made from it by replacing characters with wildcards', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.array(fc.nat(), { maxLength: 5 }), (text, cuts) => {
        let pattern = text;
        for (const cut of text.length === 0 ? [] : cuts) {
          const at = cut % pattern.length;
          pattern = `${pattern.slice(0, at)}${cut % 2 === 0 ? '*' : '?'}${pattern.slice(at + 1)}`;
        }
        // A `?` replaced exactly one character and a `*` stands for it, so the text still matches.
        expect(globMatches(pattern, text, false)).toBe(true);
      }),
    );
  });
});
