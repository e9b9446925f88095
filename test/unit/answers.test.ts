import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWERS, QUESTION_IDS, QUESTION_INTENTS, TOPIC_QUESTION_INTENTS } from '../../lambda/src/content/answers';
import { BELLY_CUE, BREATHING_DIZZY, BREATHING_INTRO, breathingLead, PACE_IDS, PACES } from '../../lambda/src/content/breathing';
import * as selfcare from '../../lambda/src/content/selfcare';
import { textFor, type Clinical } from '../../lambda/src/content/types';
import { INTENT_EVENTS, toEvent } from '../../lambda/src/handlers/events';
import { localePack, SUPPORTED_LOCALES } from '../../lambda/src/locale';
import { loadModel } from '../../tools/sim/model';
import { matchUtterance } from '../../tools/sim/matcher';
import { toAlexaSlots } from '../../tools/sim/envelope';
import { allClinical } from '../support/clinicalWalk';
import { ROOT } from '../support/paths';
import { wordCount } from '../support/replyLength';

const LOCALES = readdirSync(join(ROOT, 'skill-package', 'interactionModels', 'custom')).map((f) => f.replace(/\.json$/, ''));
const models = LOCALES.map((locale) => ({ locale, model: loadModel(locale, ROOT) }));
const say = (lines: readonly Clinical[], locale: string): string => lines.map((c) => textFor(c.say, localePack(locale))).join(' ');
const sentenceCount = (text: string): number => text.split(/(?<=[.?!])\s+/).filter((s) => /[A-Za-z]/.test(s)).length;

/** What the skill does with what a person says: the real model's match, then the handler's event. */
function heard(model: (typeof models)[number]['model'], words: string) {
  const match = matchUtterance(model, words);
  if (!match) return { intent: 'AMAZON.FallbackIntent', event: toEvent({ type: 'IntentRequest', requestId: 'r', timestamp: 't', locale: 'en-US', dialogState: 'COMPLETED', intent: { name: 'AMAZON.FallbackIntent', confirmationStatus: 'NONE' } }) };
  const event = toEvent({ type: 'IntentRequest', requestId: 'r', timestamp: 't', locale: 'en-US', dialogState: 'COMPLETED', intent: { name: match.intent, confirmationStatus: 'NONE', slots: toAlexaSlots(match.slots) as never } });
  return { intent: match.intent, event };
}

describe('answers to the questions people ask', () => {
  it.each(SUPPORTED_LOCALES)('answers every question in two or three short sentences in %s', (locale) => {
    // en-AU's "In New Zealand, call 111." follows any sentence with the number: it is not counted.
    const other = localePack(locale).otherCountry ?? '\u0000';
    const bad = QUESTION_IDS.map((q) => ({ q, text: say(ANSWERS[q].says, locale).replace(other, '') }))
      .map(({ q, text }) => ({ q, n: sentenceCount(text), words: wordCount(text) }))
      .filter(({ n, words }) => n < 2 || n > 3 || words > 45);
    expect(bad).toEqual([]);
  });

  it('has at least twelve topics, each with an answer and an intent that asks it', () => {
    expect(QUESTION_IDS.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(ANSWERS).sort()).toEqual([...QUESTION_IDS].sort());
    expect([...new Set(Object.values(QUESTION_INTENTS))].sort()).toEqual([...QUESTION_IDS].sort());
  });

  it('names paracetamol as the locale does, and is honest about it', () => {
    const us = say(ANSWERS.paracetamol.says, 'en-US');
    const gb = say(ANSWERS.paracetamol.says, 'en-GB');
    expect(us).toContain('Acetaminophen, or Tylenol, is safe for most');
    expect(say(ANSWERS.paracetamol.says, 'en-CA')).toContain('Tylenol');
    for (const locale of ['en-GB', 'en-AU', 'en-IN']) expect(say(ANSWERS.paracetamol.says, locale)).toMatch(/^Paracetamol is safe/);
    expect(gb).not.toMatch(/acetaminophen|tylenol/i);
    expect(gb).toContain('on its own, it does little for back pain');
    expect(ANSWERS.paracetamol.says.flatMap((c) => c.sources)).toEqual(expect.arrayContaining(['S-NG59', 'S-ACP']));
  });

  it('sends the anti-inflammatory question through the medicine check, and suggests no medicine itself', () => {
    const flagged = QUESTION_IDS.filter((q) => ANSWERS[q].needsMedicineCheck);
    expect(flagged).toEqual(['antiInflammatory']);
    for (const locale of SUPPORTED_LOCALES) {
      expect(say(ANSWERS.antiInflammatory.says, locale)).not.toMatch(/ibuprofen|naproxen|advil|nurofen|take/i);
    }
  });

  it('names only ibuprofen in the UK once the medicine check is passed', () => {
    expect(textFor(selfcare.MEDICINE_OK.say, localePack('en-GB'))).toBe('Ibuprofen can help with the pain. Follow the label.');
    expect(textFor(selfcare.MEDICINE_OK.say, localePack('en-US'))).toBe('Ibuprofen or naproxen can help with the pain. Follow the label.');
  });

  it('never reassures about a heart attack: it asks the chest question at once', () => {
    expect(QUESTION_IDS.filter((q) => ANSWERS[q].askChest)).toEqual(['heartAttack']);
    expect(say(ANSWERS.heartAttack.says, 'en-US')).not.toMatch(/not a heart attack|rarely|don't worry/i);
  });

  it.each(SUPPORTED_LOCALES)('gives the emergency signs, then "not needed now", for the ER question in %s', (locale) => {
    const l = localePack(locale);
    const text = say(ANSWERS.emergencyRoom.says, locale);
    expect(text).toMatch(new RegExp(`^Call ${l.emergencyNumber} now for a bad fall`));
    expect(text).toMatch(/chest pain.*trouble breathing.*weak legs.*numbness between your legs.*trouble peeing.*Otherwise, you don't need to go now\.$/);
    if (l.otherCountry) expect(text).toContain(l.otherCountry);
  });
});

describe.each(models.map((m) => [m.locale, m] as const))('the question intents in %s', (_locale, { model }) => {
  const intents = model.interactionModel.languageModel.intents;
  it.each(Object.entries(QUESTION_INTENTS))('%s (%s): at least 8 samples, each heard as this question', (name, question) => {
    const samples = intents.find((i) => i.name === name)?.samples ?? [];
    expect(samples.length).toBeGreaterThanOrEqual(8);
    const topic = (TOPIC_QUESTION_INTENTS as readonly string[]).includes(name);
    const expected = topic ? INTENT_EVENTS[name] : { kind: 'question', question };
    const wrong = samples.map((s) => ({ s, ...heard(model, s) })).filter((h) => h.intent !== name || JSON.stringify(h.event) !== JSON.stringify(expected));
    expect(wrong).toEqual([]);
  });

  it('hears Tylenol, paracetamol and the other local names as the paracetamol question, not as ibuprofen', () => {
    const names = _locale === 'en-US' || _locale === 'en-CA' ? ['tylenol', 'acetaminophen'] : ['paracetamol'];
    for (const n of names) expect(heard(model, `can i take ${n}`).event).toEqual({ kind: 'question', question: 'paracetamol' });
    expect(heard(model, 'can i take ibuprofen').intent).toBe('PainReliefIntent');
  });

  it('asks every question as a one-shot too ("ask back helper how long this lasts")', () => {
    expect(heard(model, 'how long this lasts').event).toEqual({ kind: 'question', question: 'howLong' });
  });

  it.each([
    ['slower', { kind: 'pace', pace: 'slower' }],
    ['faster', { kind: 'pace', pace: 'faster' }],
    ["that's too slow", { kind: 'pace', pace: 'faster' }],
    ['easier', { kind: 'pace', pace: 'faster' }],
    ['normal', { kind: 'pace', pace: 'normal' }],
    ['back to normal', { kind: 'pace', pace: 'normal' }],
    ['four and six', { kind: 'pace', pace: 'normal' }],
    ['five and five', { kind: 'pace', pace: 'even' }],
    ['i feel dizzy', { kind: 'dizzy' }],
    ["i'm lightheaded", { kind: 'dizzy' }],
  ])('hears "%s" as %j', (words, event) => {
    expect(heard(model, words).event).toEqual(event);
  });

  it('still hears feeling faint as a warning sign, not as dizziness from breathing', () => {
    expect(heard(model, 'i feel faint').event).toEqual({ kind: 'emergency', sign: 'FAINT' });
  });
});

describe('breathing paces that really change', () => {
  const perMinute = (p: (typeof PACE_IDS)[number]) => 60 / (PACES[p].inSeconds + PACES[p].outSeconds);

  it('is slower when asked for slower, quicker when asked for faster, and even when asked for five and five', () => {
    expect(PACES.normal).toEqual({ inSeconds: 4, outSeconds: 6 });
    expect(PACES.slower).toEqual({ inSeconds: 4, outSeconds: 8 });
    expect(PACES.faster).toEqual({ inSeconds: 3, outSeconds: 5 });
    expect(PACES.even).toEqual({ inSeconds: 5, outSeconds: 5 });
    expect(perMinute('slower')).toBeLessThan(perMinute('normal'));
    expect(perMinute('faster')).toBeGreaterThan(perMinute('normal'));
    for (const p of PACE_IDS) expect(PACES[p].outSeconds).toBeGreaterThanOrEqual(PACES[p].inSeconds);
  });

  it('says the intro, the belly cue and the dizziness caution before the first set only', () => {
    for (const p of PACE_IDS) {
      expect(breathingLead(p, true, false)).toEqual([BREATHING_INTRO[p], BELLY_CUE, BREATHING_DIZZY]);
      expect(breathingLead(p, false, false)).toEqual([]);
      const changed = breathingLead(p, false, true);
      expect(changed).toHaveLength(1);
      expect(textFor(changed[0]!.say, localePack('en-US'))).not.toContain("Let's breathe slowly together");
    }
    expect(textFor(BREATHING_DIZZY.say, localePack('en-US'))).toMatch(/smaller.*breathe normally for a while/);
  });

  it('tells the person the numbers of the pace they asked for', () => {
    const words: Record<string, string> = { 3: 'three', 4: 'four', 5: 'five', 6: 'six', 8: 'eight' };
    for (const p of PACE_IDS) {
      for (const c of [breathingLead(p, true, false)[0]!, breathingLead(p, false, true)[0]!]) {
        const text = textFor(c.say, localePack('en-US'));
        expect(text).toContain(`In for ${words[PACES[p].inSeconds]}`);
        expect(text).toContain(`out for ${words[PACES[p].outSeconds]}`);
      }
    }
  });
});

describe('the self-care plan and the close in short turns', () => {
  const partsOf = [...selfcare.SELF_CARE_PARTS, ...selfcare.CLOSE_PARTS, ...selfcare.CLOSE_PARTS_T2];

  it.each(SUPPORTED_LOCALES)('keeps every part, with its question, under 60 words in %s', (locale) => {
    const long = partsOf
      .map((p) => ({ id: p.id, words: wordCount(`${say(p.lines, locale)} ${selfcare.NEXT_PART_QUESTION}`) }))
      .filter((p) => p.words >= 60);
    expect(long).toEqual([]);
  });

  it('says each of the seeds\' missing pieces of advice once in the plan', () => {
    const advice = [
      selfcare.GENTLE_FIRST_DAYS, selfcare.HURT_NOT_HARM, selfcare.CALM_HELPS, selfcare.KEEP_UP_DAILY_LIFE, selfcare.STIFFNESS,
      selfcare.PHYSIO_LATER, selfcare.WARM_BATH, selfcare.COLD_HOW_OFTEN, selfcare.CHECK_SKIN, selfcare.NO_HEAT_AFTER_BLOW,
    ];
    const lines = partsOf.flatMap((p) => p.lines);
    expect(advice.map((a) => lines.filter((l) => l === a).length)).toEqual(advice.map(() => 1));
    // and no other content module says the same sentence again
    const texts = allClinical().map((e) => textFor(e.clinical.say, localePack('en-US')));
    for (const a of advice) expect(texts.filter((t) => t === textFor(a.say, localePack('en-US')))).toHaveLength(1);
  });

  it('opens the plan in its first part, so no turn needs an extra line', () => {
    expect(selfcare.SELF_CARE_PARTS[0]!.lines[0]).toBe(selfcare.SELF_CARE_INTRO);
  });

  it('gives the emergency signs in the first part of the close, so stopping early still hears them', () => {
    expect(selfcare.CLOSE_PARTS[0]!.lines).toContain(selfcare.EMERGENCY_SAFETY_NET);
  });

  it('runs one timeline through the plan and the close', () => {
    const text = partsOf.map((p) => say(p.lines, 'en-US')).join(' ').toLowerCase();
    // cold only in the first two days; bed no more than a day or two; stiffness a few days; better in 3 to 5 days;
    // most ease in a couple of weeks; a call after twelve hours: nothing that says otherwise
    for (const span of ['first two days', 'a day or two', 'a few days', 'about twelve hours', 'three to five days', 'a couple of weeks']) expect(text).toContain(span);
    expect(text).not.toMatch(/\b(?:two|three|four|six) weeks\b|\bmonths?\b|\bfirst (?:three|four|five) days\b/);
    expect(text.match(/first two days/g)).toHaveLength(1);
  });
});
