// Who an SNS subscription's endpoint is, in the game. AWS delivers a topic's message to each of its
// subscriptions' endpoints (an email address, a phone number, a URL, a queue); the game's players have no
// mailboxes of their own. A topic lives in one team's account (its stack's), so an email address is read by
// that team: an address whose local part (the part before the @) is a teammate's nickname is that player's own
// mailbox and reaches them alone; any other address (the team's name, oncall@, ops@corp.example) is a mailbox
// the team reads together, as a team reads its own on-call list, and reaches every member of the team. So a
// real template's `Endpoint: oncall@example.com` pages the team that deployed it. The domain does not matter.
// Other protocols (sms, http, https, sqs, lambda, firehose, application) deliver outside the game: the
// timeline says they were notified, no player's inbox shows it. The catalogue's `sns` figures say the same to
// players (shared/catalogue/operations.ts).

/** The domain the console offers for a player's or a team's own address. */
export const GAME_MAIL_DOMAIN = 'example.com';

/** Protocols whose endpoint is an email address (Amazon SNS: email sends text, email-json sends JSON). */
export const EMAIL_PROTOCOLS = ['email', 'email-json'] as const;

/** A reader of notifications: a player, with the team they play on. */
export interface Reader {
  nickname: string;
  /** The team's name (and its id). A reader with no team (a classroom's host) reads only their own mailbox. */
  teamName?: string;
  teamId?: string;
  /** The nicknames of the team's other players: their mailboxes are their own, not the team's. */
  teammates?: readonly string[];
}

/** A name as a mailbox: lower case, spaces and anything an address cannot hold as single dashes. */
export function mailboxOf(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s"(),:;<>@[\\\]]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The address the console offers a player or a team: "<mailbox>@example.com". */
export function addressOf(name: string): string {
  return `${mailboxOf(name)}@${GAME_MAIL_DOMAIN}`;
}

/** An email address as SNS takes it: one @, something on each side, no spaces (bounded like SNS's endpoints). */
export function isEmailAddress(text: string): boolean {
  return text.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

/** "protocol:endpoint", as compile/topics.ts writes a subscriber. */
export function splitSubscriber(subscriber: string): { protocol: string; endpoint: string } {
  const at = subscriber.indexOf(':');
  return at < 0 ? { protocol: subscriber, endpoint: '' } : { protocol: subscriber.slice(0, at).toLowerCase(), endpoint: subscriber.slice(at + 1) };
}

/** Whether a subscriber ("protocol:endpoint") delivers to this reader. */
export function reaches(subscriber: string, reader: Reader): boolean {
  const { protocol, endpoint } = splitSubscriber(subscriber);
  if (!(EMAIL_PROTOCOLS as readonly string[]).includes(protocol) || !isEmailAddress(endpoint)) return false;
  const local = mailboxOf(endpoint.slice(0, endpoint.lastIndexOf('@')));
  if (local === '') return false;
  if (local === mailboxOf(reader.nickname)) return true;
  if (!reader.teamId && !reader.teamName) return false;
  return !(reader.teammates ?? []).some((mate) => mailboxOf(mate) === local);
}

/** Whether any of a notification's subscribers delivers to this reader. */
export function reachesAny(subscribers: readonly string[], reader: Reader): boolean {
  return subscribers.some((s) => reaches(s, reader));
}
