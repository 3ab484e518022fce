import { describe, expect, it } from 'vitest';
import {
  checkForm,
  documentFromForm,
  emptyLevelForm,
  EVENT_TYPES,
  eventHasDuration,
  eventParamFields,
  formFieldPaths,
  trafficPreview,
  formFromLevel,
  HINT_CONDITIONS,
  hintConditionFields,
  moveItem,
  newEvent,
  newLiveHint,
  newObjective,
  placeIssues,
  retypeEvent,
  setAt,
} from '../../../shared/scenario/editor-model.ts';
import { scenarioEventSchema } from '../../../shared/scenario/events.ts';
import { liveHintSchema } from '../../../shared/scenario/hints.ts';
import { levelToYaml, parseLevel, parseLevelText } from '../../../shared/scenario/level.ts';
import { levelFromScenario } from '../../../shared/scenario/level-from-scenario.ts';
import { plannedTraffic, scenarioPeak } from '../../../shared/scenario/peak.ts';
import { objectiveSchema, type Scenario } from '../../../shared/scenario/schema.ts';
import { loadScenarioFile, readAsset } from '../campaign/files.ts';

// The level editor's model (issue 17): the form ⇄ the level document, new items, and problems on their fields.

function levelOne(): Scenario {
  const level = levelFromScenario(loadScenarioFile('one-web-server.yaml'), readAsset);
  if (!level) throw new Error('one-web-server could not be written as a level');
  return level;
}

describe('the level editor model', () => {
  it('turns a level into the form and back into the same level (templates through their text)', () => {
    const level = parseLevel(levelOne());
    expect(level.ok).toBe(true);
    if (!level.ok) return;
    const form = formFromLevel(level.level);
    expect(form.reference.stacks[0]!.template).toContain('Resources:');
    const checked = checkForm(form);
    expect(checked.issues).toEqual([]);
    expect(checked.ok && checked.level).toEqual(level.level);
  });

  it("shows a stack's parameter values as lines the teacher edits, and reads them back (the designs differ only there)", () => {
    const form = formFromLevel(levelOne());
    expect(form.reference.stacks[0]!.parameters).toBe('InstanceType: m5.large');
    expect(form.naive.stacks[0]!.parameters).toBe('InstanceType: t3.small');
    const bigger = { ...form, naive: { ...form.naive, stacks: [{ ...form.naive.stacks[0]!, parameters: 'InstanceType: m5.xlarge' }] } };
    const checked = checkForm(bigger);
    const naive = checked.ok ? checked.level.solutions!.naive : undefined;
    expect(typeof naive === 'object' && naive.stacks[0]!.parameters).toEqual({ InstanceType: 'm5.xlarge' });
    const broken = checkForm({ ...form, naive: { ...form.naive, stacks: [{ ...form.naive.stacks[0]!, parameters: '- not a mapping' }] } });
    expect(broken.ok).toBe(false);
    expect(broken.issues.map((i) => i.path)).toContain('solutions.naive.stacks.0.parameters');
  });

  it('a change typed in the form reaches the document; a mistyped number is placed on its field', () => {
    const form = formFromLevel(levelOne());
    const renamed = { ...form, document: setAt(setAt(form.document, ['title'], 'My server'), ['traffic', 0, 'baselineRps'], 120) };
    const checked = checkForm(renamed);
    expect(checked.ok && checked.level.title).toBe('My server');
    expect(checked.ok && checked.level.traffic[0]!.baselineRps).toBe(120);
    const broken = checkForm({ ...form, document: setAt(form.document, ['traffic', 0, 'baselineRps'], Number.NaN) });
    expect(broken.ok).toBe(false);
    expect(broken.issues.map((i) => i.path)).toContain('traffic.0.baselineRps');
    // The level's limits are the form's too.
    const huge = checkForm({ ...form, document: setAt(form.document, ['traffic', 0, 'baselineRps'], 1e9) });
    expect(huge.issues.find((i) => i.path === 'traffic.0.baselineRps')?.message).toMatch(/at most/);
  });

  it('a template that is not YAML, or left empty, is a problem on its box', () => {
    const form = formFromLevel(levelOne());
    const bad = { ...form, reference: { stacks: [{ ...form.reference.stacks[0]!, template: 'Resources: [unclosed' }] }, naive: { stacks: [{ ...form.naive.stacks[0]!, template: '  ' }] } };
    const { issues } = documentFromForm(bad);
    expect(issues.map((i) => i.path)).toEqual(['solutions.reference.stacks.0.template', 'solutions.naive.stacks.0.template']);
    expect(checkForm(bad).ok).toBe(false);
  });

  it('an empty level needs its title and its boards, and says where', () => {
    const checked = checkForm(emptyLevelForm());
    expect(checked.ok).toBe(false);
    const paths = checked.issues.map((i) => i.path);
    expect(paths).toContain('title');
    expect(paths).toContain('solutions.reference.stacks.0.template');
  });

  it('makes a valid event of every type the simulation has, with the parameters its schema takes', () => {
    expect(EVENT_TYPES.length).toBe(scenarioEventSchema.options.length);
    for (const type of EVENT_TYPES) {
      const event = newEvent(type, 600);
      const parsed = scenarioEventSchema.safeParse(event);
      expect(parsed.success, `${type}: ${parsed.error?.message}`).toBe(true);
      const keys = eventParamFields(type).map((f) => f.key);
      for (const key of Object.keys(event.params as object)) expect(keys, type).toContain(key);
      expect('durationS' in event ? eventHasDuration(type) : true).toBe(true);
    }
    expect(eventParamFields('flood').find((f) => f.key === 'area')).toMatchObject({ kind: 'choice', options: expect.arrayContaining(['europe']) });
    expect(eventParamFields('traffic-spike').find((f) => f.key === 'areas')).toMatchObject({ kind: 'areas', optional: true });
    expect(eventParamFields('price-change').find((f) => f.key === 'service')?.options).toContain('compute');
    expect(eventHasDuration('budget-cut')).toBe(false);
  });

  it('a retyped event keeps its time and announcement and takes the new type’s parameters', () => {
    const event = { ...newEvent('az-outage', 1200), announce: { leadS: 60, message: 'soon' } };
    const spike = retypeEvent(event, 'traffic-spike');
    expect(spike).toMatchObject({ type: 'traffic-spike', atS: 1200, announce: { leadS: 60 }, params: { multiplier: 2 } });
    expect(scenarioEventSchema.safeParse(spike).success).toBe(true);
  });

  it('new objectives and live hints are valid and get ids not yet taken', () => {
    expect(objectiveSchema.safeParse(newObjective('latencyP95')).success).toBe(true);
    expect(newObjective('availability', ['availability']).id).toBe('availability-2');
    for (const condition of HINT_CONDITIONS) {
      const hint = { ...newLiveHint(condition), text: { en: 'a tip' } };
      expect(liveHintSchema.safeParse(hint).success, condition).toBe(true);
    }
    expect(hintConditionFields('cpu-high')).toEqual([{ key: 'above', kind: 'number', optional: true }]);
    expect(newLiveHint('cpu-high', ['cpu-high']).id).toBe('cpu-high-2');
  });

  it('reorders a list without losing an item', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('places each problem under the field its path names; the rest go to the summary', () => {
    const placed = placeIssues(
      [
        { path: 'traffic.0.baselineRps', message: 'too many' },
        { path: 'solutions.reference.stacks.0.template', message: 'not YAML' },
        { path: 'solutions.reference', message: 'Web/Instance: no subnet' },
        { path: '', message: 'an event starts after the scenario ends' },
        { path: 'office.cidr', message: 'not shown' },
      ],
      ['traffic.0.baselineRps', 'solutions.reference', 'solutions.reference.stacks.0.template', 'title'],
    );
    expect(placed.at.get('traffic.0.baselineRps')).toEqual(['too many']);
    expect(placed.at.get('solutions.reference.stacks.0.template')).toEqual(['not YAML']);
    expect(placed.at.get('solutions.reference')).toEqual(['Web/Instance: no subnet']);
    expect(placed.unplaced.map((i) => i.path)).toEqual(['', 'office.cidr']);
  });

  it('an imported file round-trips through the form to the same YAML', () => {
    const text = levelToYaml(levelOne());
    const read = parseLevelText(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const back = checkForm(formFromLevel(read.level));
    expect(back.ok && levelToYaml(back.level)).toBe(text);
  });

  it('the preview plans the same traffic as the briefing’s peak (one truth)', () => {
    const level = levelOne();
    const plan = plannedTraffic(level);
    expect(plan.tS.length).toBe(level.durationS / 60 + 1);
    const peak = scenarioPeak(level);
    expect(Math.round(Math.max(...plan.rps))).toBe(peak.rps);
    expect(plan.tS[plan.rps.indexOf(Math.max(...plan.rps))]).toBe(peak.atS);
  });
});

describe('the fields the editor shows', () => {
  it('hold every problem of a level broken in many places', () => {
    const form = formFromLevel(levelOne());
    let document = setAt(form.document, ['traffic', 0, 'baselineRps'], -1);
    document = setAt(document, ['events', 0, 'params', 'message'], '');
    document = setAt(document, ['objectives', 0, 'target'], Number.NaN);
    document = setAt(document, ['liveHints', 0, 'when', 'above'], 500);
    const broken = { ...form, document, naive: { stacks: [{ ...form.naive.stacks[0]!, template: '' }] } };
    const checked = checkForm(broken);
    const placed = placeIssues(checked.issues, formFieldPaths(broken));
    expect(placed.unplaced).toEqual([]);
    expect([...placed.at.keys()].sort()).toEqual(['events.0.params.message', 'liveHints.0.when.above', 'objectives.0.target', 'solutions.naive.stacks.0.template', 'traffic.0.baselineRps']);
  });
});

describe('the traffic preview', () => {
  it('draws the plan of the form’s figures before its boards are pasted, and nothing while they do not parse', () => {
    const form = emptyLevelForm();
    const plan = trafficPreview(form);
    expect(plan?.rps[0]).toBeGreaterThan(0);
    const one = levelOne();
    expect(trafficPreview({ ...formFromLevel(one), reference: { stacks: [] } })).toEqual(plannedTraffic(one));
    expect(trafficPreview({ ...form, document: setAt(form.document, ['durationS'], -5) })).toBeUndefined();
  });
});
