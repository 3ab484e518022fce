// aws:SourceIp of the game's callers: the public address a request comes from. Addresses are from the ranges
// RFC 5737 keeps for documentation, so a policy written against them never matches a real network.
//
// Players use the console from the team's office, whose public address is CONSOLE_SOURCE_IP (in
// OFFICE_SOURCE_CIDR, what an "office only" policy names). Whoever holds a leaked access key calls from elsewhere:
// the leak event's sourceIp, or ATTACKER_SOURCE_IP.

export const OFFICE_SOURCE_CIDR = '203.0.113.0/24';
export const CONSOLE_SOURCE_IP = '203.0.113.10';
export const ATTACKER_SOURCE_IP = '198.51.100.77';
