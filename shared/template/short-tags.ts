// CloudFormation's YAML short tags (!Ref, !GetAtt, …) and the long forms they stand for. Templates are
// normalised to the long forms at parse time, so everything after the parser sees one spelling only.

/** Short tag → intrinsic function name of the long form. */
export const SHORT_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!GetAZs': 'Fn::GetAZs',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!ImportValue': 'Fn::ImportValue',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

/**
 * The long form of a tagged value: `!Ref X` → {Ref: "X"}; `!GetAtt A.B` → {"Fn::GetAtt": ["A", "B"]}
 * (split at the first dot, as CloudFormation does: attribute names such as Endpoint.Address keep theirs).
 * Returns undefined for a tag that is not one of CloudFormation's.
 */
export function longFormOf(tag: string, value: unknown): Record<string, unknown> | undefined {
  const name = SHORT_TAGS[tag];
  if (name === undefined) return undefined;
  if (name === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [name]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  // `!GetAZs` with nothing after it is the empty string: the stack's own region.
  if (name === 'Fn::GetAZs' && (value === null || value === undefined)) return { [name]: '' };
  return { [name]: value ?? '' };
}
