// An SNS topic's ARN, as IAM policies name it: arn:aws:sns:<region>:<account>:<TopicName>. A topic without a
// TopicName gets the name CloudFormation generates from its stack and logical id (without AWS's random suffix).

import type { Design } from '../design/model.ts';
import { ACCOUNT_ID, PARTITION } from '../iam/arn.ts';

/** The ARN and region of the topic "stack/LogicalId" of a design, or undefined when it has no such topic. */
export function topicArnOf(design: Design, ref: string): { arn: string; region: string } | undefined {
  const [stackName, logicalId] = ref.split('/');
  const stack = design.stacks.findIndex((s) => s.name === stackName);
  const topic = design.unmodelled.find((u) => u.stack === stack && u.logicalId === logicalId && u.type === 'AWS::SNS::Topic');
  if (!topic) return undefined;
  const region = design.stacks[stack]!.region;
  const props = (topic.body.Properties ?? {}) as Record<string, unknown>;
  const name = typeof props.TopicName === 'string' ? props.TopicName : `${stackName}-${logicalId}`;
  return { arn: `arn:${PARTITION}:sns:${region}:${ACCOUNT_ID}:${name}`, region };
}
