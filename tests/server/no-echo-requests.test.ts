// What the room hands out of a match's log: CloudTrail pages show a deploy's NoEcho values as "****" (to the host
// too), and a player's replay carries other teams' NoEcho values masked while keeping their own team's inputs.

import { describe, expect, it } from 'vitest';
import { answerReplay, answerTrail } from '../../server/rooms/match-requests.ts';
import { applyIntent } from '../../shared/match/apply.ts';
import { host, testMatch, user } from '../support/match-fixtures.ts';

const TEMPLATE = 'Parameters:\n  Token:\n    Type: String\n    NoEcho: true\nResources:\n  Files:\n    Type: AWS::S3::Bucket\n';

function played() {
  const match = testMatch({ teams: ['red', 'blue'] });
  applyIntent(match, host('red'), { type: 'deployStack', stack: 'app', region: 'us-east-1', template: TEMPLATE, parameters: { Token: 'red-secret' } }, 0);
  applyIntent(match, host('blue'), { type: 'deployStack', stack: 'app', region: 'us-east-1', template: TEMPLATE, parameters: { Token: 'blue-secret' } }, 0);
  return match;
}

describe('NoEcho values in what the room answers', () => {
  it('CloudTrail pages mask them, for a player and for the host', () => {
    const match = played();
    for (const actor of [user('alice', 'red'), host('red')]) {
      const answer = answerTrail(match, actor, { action: 'UpdateStack' });
      const text = JSON.stringify(answer);
      expect(text).toContain('****');
      expect(text).not.toContain('red-secret');
      expect(text).not.toContain('blue-secret');
    }
  });

  it("a player's replay masks other teams' values and keeps their own team's inputs as applied", () => {
    const match = played();
    const answer = answerReplay(match, user('alice', 'red'), true, 'm1');
    const text = JSON.stringify(answer);
    expect(text).not.toContain('blue-secret');
    expect(text).toContain('red-secret');
    // The host's replay verifies every team: it carries the log as applied.
    expect(JSON.stringify(answerReplay(match, host('red'), true, 'm1'))).toContain('blue-secret');
  });
});
