import { describe, expect, it } from 'vitest';
import { parseTemplateText, SHORT_TAGS, templateToYaml } from '../../../shared/template/index.ts';

describe('template text', () => {
  it('turns every short tag into its long form', () => {
    const { value, issues } = parseTemplateText(`
a: !Ref Thing
b: !GetAtt Db.Endpoint.Address
c: !GetAtt [Lb, DNSName]
d: !Sub "\${AWS::StackName}-x"
e: !Sub ["\${A}", {A: !Ref B}]
f: !Join ["", [a, !Ref C]]
g: !Select [0, !GetAZs ""]
h: !GetAZs
i: !Split [",", "a,b"]
j: !If [Cond, 1, !Ref AWS::NoValue]
k: !Equals [a, b]
l: !Not [!Condition Other]
m: !And [!Equals [a, a], !Or [!Condition X, !Condition Y]]
n: !FindInMap [Map, Top, Second]
o: !Base64 text
p: !Cidr [10.0.0.0/16, 3, 8]
q: !ImportValue shared-vpc
`);
    expect(issues).toEqual([]);
    expect(value).toEqual({
      a: { Ref: 'Thing' },
      b: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
      c: { 'Fn::GetAtt': ['Lb', 'DNSName'] },
      d: { 'Fn::Sub': '${AWS::StackName}-x' },
      e: { 'Fn::Sub': ['${A}', { A: { Ref: 'B' } }] },
      f: { 'Fn::Join': ['', ['a', { Ref: 'C' }]] },
      g: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      h: { 'Fn::GetAZs': '' },
      i: { 'Fn::Split': [',', 'a,b'] },
      j: { 'Fn::If': ['Cond', 1, { Ref: 'AWS::NoValue' }] },
      k: { 'Fn::Equals': ['a', 'b'] },
      l: { 'Fn::Not': [{ Condition: 'Other' }] },
      m: { 'Fn::And': [{ 'Fn::Equals': ['a', 'a'] }, { 'Fn::Or': [{ Condition: 'X' }, { Condition: 'Y' }] }] },
      n: { 'Fn::FindInMap': ['Map', 'Top', 'Second'] },
      o: { 'Fn::Base64': 'text' },
      p: { 'Fn::Cidr': ['10.0.0.0/16', 3, 8] },
      q: { 'Fn::ImportValue': 'shared-vpc' },
    });
  });

  it('covers the seventeen tags of the brief', () => {
    for (const tag of ['!Ref', '!GetAtt', '!Sub', '!Join', '!Select', '!GetAZs', '!Split', '!If', '!Equals', '!Not', '!And', '!Or', '!FindInMap', '!Base64', '!Cidr', '!ImportValue', '!Condition']) {
      expect(SHORT_TAGS[tag], tag).toBeDefined();
    }
  });

  it('reads JSON templates', () => {
    const { value, issues } = parseTemplateText('{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}}');
    expect(issues).toEqual([]);
    expect(value).toEqual({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } });
  });

  it('returns a parse error as an issue with its line, never throws', () => {
    const { value, issues } = parseTemplateText('Resources:\n  A: [unclosed\n');
    expect(value).toBeUndefined();
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'template-parse' });
    expect(issues[0]!.message).toMatch(/line/);
  });

  it('stops a document that expands without bound through aliases', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    const { value, issues } = parseTemplateText(lines.join('\n'));
    expect(value).toBeUndefined();
    expect(issues.map((i) => i.code)).toContain('template-parse');
  });

  it('keeps a "__proto__" key as data', () => {
    const { value } = parseTemplateText('__proto__: {polluted: true}\nsafe: 1\n');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(value as object)).toEqual(['__proto__', 'safe']);
  });

  it('writes YAML with short tags that reads back to the same template', () => {
    const template = {
      Resources: {
        A: {
          Type: 'AWS::EC2::Subnet',
          Properties: {
            VpcId: { Ref: 'Vpc' },
            AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
            Name: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
            UserData: { 'Fn::Base64': { 'Fn::Sub': 'stack ${AWS::StackName}' } },
            Flag: 'true',
            Mode: '000644',
          },
        },
      },
      Conditions: { C: { 'Fn::Not': [{ Condition: 'D' }] } },
    };
    const text = templateToYaml(template);
    expect(text).toContain('VpcId: !Ref Vpc');
    expect(text).toContain('Name: !GetAtt Db.Endpoint.Address');
    expect(parseTemplateText(text).value).toEqual(template);
  });
});
