// IAM's naming rules: letters, digits and + = , . @ _ -, with a length limit per kind of entity. A name with a
// space or a slash would break the ARN built from it, so it is refused at creation rather than escaped later.

import { refuse, type IamRefusal } from './refusals.ts';

const NAME_CHARACTERS = /^[A-Za-z0-9+=,.@_-]+$/;

/** AWS's longest names: users and roles 64, groups and policies 128. */
export const MAX_NAME_LENGTH = {
  user: 64,
  group: 128,
  role: 64,
  policy: 128,
} as const;

export type NamedEntity = keyof typeof MAX_NAME_LENGTH;

export function checkName(kind: NamedEntity, name: string): IamRefusal | undefined {
  const limit = MAX_NAME_LENGTH[kind];
  if (typeof name !== 'string' || name.length === 0) return refuse('invalid-name', `A ${kind} name must not be empty.`);
  if (name.length > limit) return refuse('invalid-name', `A ${kind} name is at most ${limit} characters; "${name.slice(0, 20)}..." has ${name.length}.`);
  if (!NAME_CHARACTERS.test(name)) {
    return refuse('invalid-name', `The ${kind} name "${name}" may contain only letters, digits and + = , . @ _ -.`);
  }
  return undefined;
}

/** IAM names are unique regardless of case: "Admins" and "admins" cannot both exist. */
export function sameName(a: string, b: string): boolean {
  return a.length === b.length && a.toLowerCase() === b.toLowerCase();
}
