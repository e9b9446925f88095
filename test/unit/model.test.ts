import { readFileSync } from 'node:fs';
import { INTENT_EVENTS } from '../../lambda/src/handlers/events';
import { STATEMENT_IDS } from '../../lambda/src/content/emergency';
import { modelPath } from '../support/paths';

interface Model {
  invocationName: string;
  intents: Array<{ name: string; samples?: string[]; slots?: Array<{ name: string; type: string }> }>;
  types?: Array<{ name: string; values: Array<{ id?: string; name: { value: string; synonyms?: string[] } }> }>;
}
import { SUPPORTED_LOCALES } from '../../lambda/src/locale';

const load = (locale: string): Model => JSON.parse(readFileSync(modelPath(locale), 'utf8')).interactionModel.languageModel;

describe('every locale has the same intents, slots and slot ids as en-US', () => {
  const shape = (m: Model) => ({
    invocationName: m.invocationName,
    intents: m.intents.map((i) => ({ name: i.name, slots: i.slots ?? [] })).sort((a, b) => a.name.localeCompare(b.name)),
    types: (m.types ?? []).map((t) => ({ name: t.name, ids: t.values.map((v) => v.id).sort() })),
  });
  it.each(SUPPORTED_LOCALES)('%s', (locale) => {
    expect(shape(load(locale))).toEqual(shape(load('en-US')));
  });
});

describe.each(SUPPORTED_LOCALES)('the %s interaction model', (locale) => {
  const model = load(locale);
  const intent = (name: string) => model.intents.find((i) => i.name === name)!;

  it('is invoked as "back helper"', () => {
    expect(model.invocationName).toBe('back helper');
  });

  it('shares no sample between two intents', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const i of model.intents) {
      for (const s of i.samples ?? []) {
        const key = s.toLowerCase().trim();
        const before = owner.get(key);
        if (before && before !== i.name) clashes.push(`"${s}": ${before} and ${i.name}`);
        owner.set(key, i.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no bare-slot samples and no punctuation Alexa rejects', () => {
    const bad = model.intents.flatMap((i) =>
      (i.samples ?? []).filter((s) => /^\{[^}]+\}$/.test(s.trim()) || /[,!?]/.test(s)),
    );
    expect(bad).toEqual([]);
  });

  it('hears the many ways people say their back went out', () => {
    const samples = intent('BackWentOutIntent').samples ?? [];
    expect(samples.length).toBeGreaterThanOrEqual(40);
    for (const phrase of ['my back went out', 'i threw my back out', 'i did my back in', 'my back seized up', 'i hurt my back lifting', "i'm stuck on the floor"]) {
      expect(samples).toContain(phrase);
    }
  });

  it('hears emergency statements said at any moment', () => {
    const samples = intent('EmergencyStatementIntent').samples ?? [];
    expect(samples.length).toBeGreaterThanOrEqual(30);
    const type = model.types?.find((t) => t.name === 'RED_FLAG_SIGN');
    expect(type?.values.map((v) => v.id).sort()).toEqual([...STATEMENT_IDS].sort());
  });

  it('declares every built-in intent the conversation needs', () => {
    const names = model.intents.map((i) => i.name);
    for (const builtIn of ['Yes', 'No', 'Help', 'Stop', 'Cancel', 'NavigateHome', 'Fallback', 'Repeat', 'StartOver']) {
      expect(names).toContain(`AMAZON.${builtIn}Intent`);
    }
  });

  it('sends every intent to a handler that knows it', () => {
    const unhandled = model.intents.map((i) => i.name).filter((n) => !(n in INTENT_EVENTS));
    expect(unhandled).toEqual([]);
  });

  it('uses only slot types it defines or Alexa provides', () => {
    const defined = new Set((model.types ?? []).map((t) => t.name));
    const used = model.intents.flatMap((i) => (i.slots ?? []).map((s) => s.type));
    expect(used.filter((t) => !t.startsWith('AMAZON.') && !defined.has(t))).toEqual([]);
  });
});
