// Writes a template as CloudFormation YAML, with the short tags people write by hand (!Ref X, !GetAtt A.B,
// !Sub …) instead of the long forms the codec works with. Reading it back gives the same template.

import { Document, isMap, isNode, isScalar, isSeq, Scalar, visit } from 'yaml';
import { SHORT_TAGS } from './short-tags.ts';

/** Long form → short tag, for the functions that have one. `Condition` stays long: it is also a key. */
const TAG_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(SHORT_TAGS)
    .filter(([, long]) => long !== 'Condition')
    .map(([tag, long]) => [long, tag]),
);

export function templateToYaml(template: object): string {
  const doc = new Document(template);
  visit(doc, {
    Map(_, node) {
      if (node.items.length !== 1) return undefined;
      const pair = node.items[0]!;
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const tag = typeof key === 'string' ? TAG_OF.get(key) : undefined;
      const value = pair.value;
      if (tag === undefined || !isNode(value)) return undefined;
      if (key === 'Ref' && !isScalar(value)) return undefined;
      // A tag on a node that is itself replaced by a short tag would be lost: the outer call stays long
      // (`Fn::Base64: !Sub …`), which CloudFormation reads the same way.
      if (isMap(value) && value.items.length === 1 && isScalar(value.items[0]!.key) && TAG_OF.has(String(value.items[0]!.key.value))) {
        return undefined;
      }
      // !GetAtt takes the "Resource.Attribute" scalar form when both parts are plain text.
      if (key === 'Fn::GetAtt' && isSeq(value) && value.items.length === 2 && value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
        const [resource, attribute] = value.items as Scalar<string>[];
        const joined = new Scalar(`${resource!.value}.${attribute!.value}`);
        joined.tag = tag;
        return joined;
      }
      value.tag = tag;
      return value;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
