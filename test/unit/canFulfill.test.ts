import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSkill } from '../../lambda/src/skill';
import { NAME_FREE } from '../../lambda/src/handlers/canFulfill';
import { loadModel } from '../../tools/sim/model';
import { matchUtterance } from '../../tools/sim/matcher';
import { toAlexaSlots } from '../../tools/sim/envelope';
import { ROOT } from '../support/paths';

const skill = buildSkill({ skillId: 'amzn1.ask.skill.ours' });

/** A name-free request as Alexa sends it: no session, and here no user either. */
function cfir(intent: object) {
  return {
    version: '1.0',
    context: { System: { application: { applicationId: 'amzn1.ask.skill.ours' }, device: { deviceId: 'd', supportedInterfaces: {} }, apiEndpoint: 'https://api.amazonalexa.com' } },
    request: { type: 'CanFulfillIntentRequest', requestId: 'r', timestamp: '2026-11-21T10:00:00Z', locale: 'en-US', intent },
  } as never;
}

describe('name-free requests (CanFulfillIntentRequest)', () => {
  it('says YES to "my back went out", with no speech and no session state', async () => {
    const r = await skill.invoke(cfir({ name: 'BackWentOutIntent', confirmationStatus: 'NONE', slots: {} }));
    expect(r.response.canFulfillIntent).toEqual({ canFulfill: 'YES' });
    expect(r.response.outputSpeech).toBeUndefined();
    expect(r.response.reprompt).toBeUndefined();
    expect(r.sessionAttributes).toBeUndefined();
  });

  it('answers slot by slot for an emergency statement', async () => {
    const matched = await skill.invoke(cfir({
      name: 'EmergencyStatementIntent',
      slots: { sign: { name: 'sign', value: "can't feel my legs", resolutions: { resolutionsPerAuthority: [{ authority: 'x', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: "can't feel my legs", id: 'LEGS_NUMB' } }] }] } } },
    }));
    expect(matched.response.canFulfillIntent).toEqual({ canFulfill: 'YES', slots: { sign: { canUnderstand: 'YES', canFulfill: 'YES' } } });
    const unmatched = await skill.invoke(cfir({
      name: 'EmergencyStatementIntent',
      slots: { sign: { name: 'sign', value: 'a funny toe', resolutions: { resolutionsPerAuthority: [{ authority: 'x', status: { code: 'ER_SUCCESS_NO_MATCH' } }] } } },
    }));
    expect(unmatched.response.canFulfillIntent?.canFulfill).toBe('MAYBE');
    expect(unmatched.response.canFulfillIntent?.slots?.sign?.canUnderstand).toBe('MAYBE');
  });

  it.each(['AMAZON.YesIntent', 'AMAZON.StopIntent', 'DoneIntent', 'SomeOtherSkillsIntent', ''])('says NO to %s', async (name) => {
    const r = await skill.invoke(cfir({ name, slots: {} }));
    expect(r.response.canFulfillIntent).toEqual({ canFulfill: 'NO' });
    expect(r.response.outputSpeech).toBeUndefined();
  });

  it('says NO when the intent is missing altogether', async () => {
    const r = await skill.invoke(cfir(undefined as never));
    expect(r.response.canFulfillIntent).toEqual({ canFulfill: 'NO' });
  });
});

const LOCALES = readdirSync(join(ROOT, 'skill-package', 'interactionModels', 'custom')).map((f) => f.replace(/\.json$/, ''));
const models = LOCALES.map((locale) => ({ locale, model: loadModel(locale, ROOT) }));
const MODEL_INTENTS = [...new Set(models.flatMap(({ model }) => model.interactionModel.languageModel.intents.map((i) => i.name)))].sort();

describe('the name-free answer for every intent of the model', () => {
  it('classifies every intent of every locale, with a reason, and nothing the models lack', () => {
    const unclassified = MODEL_INTENTS.filter((name) => !Object.hasOwn(NAME_FREE, name));
    expect({ unclassified }).toEqual({ unclassified: [] });
    expect(Object.keys(NAME_FREE).filter((name) => !MODEL_INTENTS.includes(name))).toEqual([]);
    for (const { why } of Object.values(NAME_FREE)) expect(why.length).toBeGreaterThan(20);
  });

  it('says YES only to a back that has gone out and to the warning signs', () => {
    const yes = MODEL_INTENTS.filter((name) => NAME_FREE[name]?.answer === 'YES');
    expect(yes).toEqual(['BackWentOutIntent', 'EmergencyStatementIntent']);
  });

  it.each(MODEL_INTENTS)('answers %s as the table says, with no speech', async (name) => {
    const r = await skill.invoke(cfir({ name, confirmationStatus: 'NONE', slots: {} }));
    expect(r.response.canFulfillIntent?.canFulfill).toBe(NAME_FREE[name]?.answer);
    expect(r.response.outputSpeech).toBeUndefined();
  });

  // What a person says without the skill's name, heard through each locale's real model.
  const SAID: ReadonlyArray<[string, 'YES' | 'NO']> = [
    ['my back went out', 'YES'],
    ["i threw my back out", 'YES'],
    ["i can't feel my legs", 'YES'],
    ['help me relax', 'NO'],
    ['help me calm down', 'NO'],
    ['breathing', 'NO'],
    ['medicine', 'NO'],
    ['pain medicine', 'NO'],
    ['doctor', 'NO'],
    ['should i see a doctor', 'NO'],
    ['stretches', 'NO'],
    ['heat or ice', 'NO'],
    ['set a timer', 'NO'],
    ["i'm pregnant", 'NO'],
    ['i have a fever', 'NO'],
    ['call my mom', 'NO'],
    ['call for help', 'NO'],
    ["i'm scared", 'NO'],
    ['my back went out and i have chest pain', 'YES'],
  ];
  it.each(models.flatMap(({ locale, model }) => SAID.map(([words, answer]) => [locale, words, answer, model] as const)))(
    '%s: "%s" is %s',
    async (locale, words, answer, model) => {
      const match = matchUtterance(model, words, { skillId: 'amzn1.ask.skill.ours' });
      expect(match).not.toBeNull();
      const r = await skill.invoke(cfir({ name: match!.intent, confirmationStatus: 'NONE', slots: toAlexaSlots(match!.slots) }));
      expect([locale, words, r.response.canFulfillIntent?.canFulfill]).toEqual([locale, words, answer]);
    },
  );
});
