// CloudFormation's pseudo parameters (Ref AWS::Region, AWS::StackName, …) with the values a stack of the game
// has: its own region and name, one fixed account. AWS::NoValue removes the property it stands in.

import { ACCOUNT_ID, NO_VALUE } from './resource-ref.ts';

export const PSEUDO_PARAMETERS = [
  'AWS::Region',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::AccountId',
  'AWS::NoValue',
  'AWS::URLSuffix',
  'AWS::Partition',
  'AWS::NotificationARNs',
] as const;

export function isPseudoParameter(name: string): boolean {
  return (PSEUDO_PARAMETERS as readonly string[]).includes(name);
}

/** The value of a pseudo parameter in a stack, or undefined when `name` is not one. */
export function pseudoParameterValue(name: string, stackName: string, region: string): unknown {
  switch (name) {
    case 'AWS::Region':
      return region;
    case 'AWS::StackName':
      return stackName;
    case 'AWS::StackId':
      // A real stack id ends with a random UUID; a fixed one keeps loading deterministic.
      return `arn:aws:cloudformation:${region}:${ACCOUNT_ID}:stack/${stackName}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::AccountId':
      return ACCOUNT_ID;
    case 'AWS::NoValue':
      return NO_VALUE;
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::NotificationARNs':
      return [];
    default:
      return undefined;
  }
}
