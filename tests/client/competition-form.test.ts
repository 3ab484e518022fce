import { describe, expect, it } from 'vitest';
import { MAX_SPEED } from '../../shared/match/clock.ts';
import { MAX_TEAMS } from '../../shared/protocol/join.ts';
import { readCompetitionForm, type CompetitionForm } from '../../client/view/competition-form.ts';

const form: CompetitionForm = { scenario: 'one-web-server', seed: '', teams: '2', teamSize: '2', buildTimeMin: '5', speed: '8', autoStart: false, lateJoins: true };

describe("the teacher's form, read by the shared schema", () => {
  it('reads a good form into a new competition (minutes to seconds, no seed when blank)', () => {
    expect(readCompetitionForm(form)).toEqual({ ok: true, competition: { scenario: 'one-web-server', teams: 2, teamSize: 2, buildTimeS: 300, speed: 8, autoStart: false, lateJoins: true } });
    const seeded = readCompetitionForm({ ...form, seed: ' 42 ', buildTimeMin: '1.5' });
    expect(seeded.ok && seeded.competition).toMatchObject({ seed: 42, buildTimeS: 90 });
  });

  it("gives each bad field its problem, with the schema's own limits", () => {
    const reading = readCompetitionForm({ ...form, scenario: '', teams: String(MAX_TEAMS + 1), teamSize: '0', buildTimeMin: '61', speed: 'fast', seed: '2.5' });
    expect(reading).toEqual({
      ok: false,
      problems: {
        scenario: { key: 'scenario' },
        teams: { key: 'max', params: { max: MAX_TEAMS } },
        teamSize: { key: 'min', params: { min: 1 } },
        buildTimeMin: { key: 'max', params: { max: 60 } },
        speed: { key: 'whole' },
        seed: { key: 'whole' },
      },
    });
    expect(readCompetitionForm({ ...form, speed: String(MAX_SPEED + 1) })).toEqual({ ok: false, problems: { speed: { key: 'max', params: { max: MAX_SPEED } } } });
    expect(readCompetitionForm({ ...form, teams: '' })).toEqual({ ok: false, problems: { teams: { key: 'whole' } } });
  });

  it('takes a published level by its code instead of the scenario, and refuses a code that is not one', () => {
    const reading = readCompetitionForm({ ...form, level: ' tm5 sgx ' });
    expect(reading.ok && reading.competition).toMatchObject({ level: { code: 'TM5SGX' }, teams: 2 });
    expect(reading.ok && 'scenario' in reading.competition).toBe(false);
    expect(readCompetitionForm({ ...form, level: 'ab1' })).toEqual({ ok: false, problems: { level: { key: 'level' } } });
    // Codes have no 0, O, 1, I or L (people misread them).
    expect(readCompetitionForm({ ...form, level: 'ABC10O' })).toEqual({ ok: false, problems: { level: { key: 'level' } } });
  });
});
