// A team the server named by number is said as the player's language numbers teams; a chosen name stays as written.
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../client/i18n/index.ts';
import { sayTeamName } from '../../client/i18n/team-name.ts';

describe("a team's name in the player language", () => {
  afterAll(() => setLanguage('en'));

  it('says the default names in Korean and keeps chosen ones', () => {
    setLanguage('ko');
    expect(sayTeamName('Team 1')).toBe('1팀');
    expect(sayTeamName('Team 12')).toBe('12팀');
    expect(sayTeamName('Blue Team 1')).toBe('Blue Team 1');
    setLanguage('en');
    expect(sayTeamName('Team 3')).toBe('Team 3');
  });
});
