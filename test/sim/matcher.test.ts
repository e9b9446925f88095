import { analyze, matchUtterance, normalize, spokenSpan, parseInvocation, parseNumber, suggestPhrases } from '../../tools/sim/matcher';
import type { InteractionModel } from '../../tools/sim/model';
import { SKILL_ID, fixtureModel } from './fixture';

const model = fixtureModel();
const match = (text: string) => matchUtterance(model, text, { skillId: SKILL_ID });
const intentOf = (text: string) => match(text)?.intent ?? null;

describe('normalize', () => {
  it('lowercases, drops punctuation and spells contractions one way', () => {
    expect(normalize("  I CAN'T,   move!! ")).toBe('i cannot move');
    expect(normalize('i cant move')).toBe('i cannot move');
    expect(normalize('I can not move.')).toBe('i cannot move');
    expect(normalize('I cannot move?')).toBe('i cannot move');
    expect(normalize('I\u2019m stuck')).toBe('i am stuck');
    expect(normalize('im stuck')).toBe('i am stuck');
    expect(normalize("don't / dont")).toBe('do not do not');
    expect(normalize("it's, I've")).toBe('it is i have');
  });
});

describe('matchUtterance', () => {
  it('matches a full sample exactly, with every declared slot present but empty', () => {
    const m = match('My back went out!');
    expect(m).toEqual({ intent: 'BackWentOutIntent', sample: 'my back went out', slots: { bodyPart: { name: 'bodyPart' } } });
  });

  it('prefers an exact sample over a slot sample that also fits', () => {
    // "my {bodyPart} went out" would take "back just" as an unresolved value
    expect(match('my back just went out')?.sample).toBe('my back just went out');
  });

  it('resolves a custom slot synonym to its value id and name', () => {
    const m = match('my lumbar went out');
    expect(m?.intent).toBe('BackWentOutIntent');
    expect(m?.slots.bodyPart.value).toBe('lumbar');
    expect(m?.slots.bodyPart.resolutions).toEqual({
      resolutionsPerAuthority: [
        {
          authority: `amzn1.er-authority.echo-sdk.${SKILL_ID}.BodyPartType`,
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { id: 'LOWER_BACK', name: 'lower back' } }],
        },
      ],
    });
  });

  it('uses the value name as id when the model gives none', () => {
    expect(match('tell me about sleeping')?.slots.topic.resolutions?.resolutionsPerAuthority?.[0].values).toEqual([
      { value: { id: 'sleep', name: 'sleep' } },
    ]);
  });

  it('keeps an unknown slot value, unresolved, when nothing better matches', () => {
    const m = match('my elbow hurts');
    expect(m?.intent).toBe('BackWentOutIntent');
    expect(m?.slots.bodyPart.value).toBe('elbow');
    expect(m?.slots.bodyPart.resolutions?.resolutionsPerAuthority?.[0].status.code).toBe('ER_SUCCESS_NO_MATCH');
  });

  it('prefers a resolved slot value over an unresolved one, even with fewer literal words', () => {
    // SlipIntent "I {how} on the stairs" fits with how="fell" (unresolved); FellIntent resolves "on the stairs"
    const m = match('I fell on the stairs');
    expect(m?.intent).toBe('FellIntent');
    expect(m?.slots.where.resolutions?.resolutionsPerAuthority?.[0].values[0].value.id).toBe('STAIRS');
    expect(intentOf('I tripped on the stairs')).toBe('SlipIntent');
  });

  it('prefers the slot sample with more literal words', () => {
    // both fit: "tell me about {topic}" (3 words) beats "tell me {query}" (2 words)
    expect(intentOf('tell me about sleep')).toBe('TopicIntent');
    expect(match('tell me a joke')).toMatchObject({ intent: 'AskIntent', slots: { query: { value: 'a joke' } } });
  });

  it('reports slot values as typed, but resolves them whatever the spelling', () => {
    for (const [text, value] of [
      ["I can't feel my legs", "can't feel my legs"],
      ['i cant feel my legs', 'cant feel my legs'],
      ['My back hurts, and I can NOT feel my legs!', 'can not feel my legs'],
    ]) {
      const m = match(text);
      expect(m?.intent).toBe('RedFlagIntent');
      expect(m?.slots.sign.value).toBe(value);
      expect(m?.slots.sign.resolutions?.resolutionsPerAuthority?.[0].values[0].value.id).toBe('LEGS_NUMB');
    }
  });

  it('fills AMAZON.NUMBER from digits or number words, and rejects other words', () => {
    expect(match('breathe with me for five minutes')?.slots.minutes.value).toBe('5');
    expect(match('breathe with me for 10 minutes')?.slots.minutes.value).toBe('10');
    expect(match('my pain is twenty five')?.slots.level.value).toBe('25');
    expect(match('my pain is terrible')).toBeNull();
  });

  it('treats contractions alike', () => {
    for (const text of ["I can't move", 'i cant move', 'I can not move', 'I cannot move', 'I can\u2019t move']) {
      expect(intentOf(text)).toBe('CantMoveIntent');
    }
    for (const text of ["I'm stuck in bed", 'im stuck in bed', 'I am stuck in bed']) {
      expect(intentOf(text)).toBe('GetOutOfBedIntent');
    }
  });

  it('hears the usual phrasings of declared built-in intents', () => {
    const cases: Array<[string, string]> = [
      ['yeah', 'AMAZON.YesIntent'],
      ['Yes please', 'AMAZON.YesIntent'],
      ['ok', 'AMAZON.YesIntent'],
      ['nope', 'AMAZON.NoIntent'],
      ['no thanks', 'AMAZON.NoIntent'],
      ['What can I say?', 'AMAZON.HelpIntent'],
      ['shut up', 'AMAZON.StopIntent'],
      ['never mind', 'AMAZON.CancelIntent'],
      ['main menu', 'AMAZON.NavigateHomeIntent'],
      ['say that again', 'AMAZON.RepeatIntent'],
      ['pardon', 'AMAZON.RepeatIntent'],
      ['start over', 'AMAZON.StartOverIntent'],
      ['next one', 'AMAZON.NextIntent'],
      ['go back', 'AMAZON.PreviousIntent'],
    ];
    for (const [text, intent] of cases) expect([text, intentOf(text)]).toEqual([text, intent]);
  });

  it('adds the samples the model lists for a built-in intent', () => {
    expect(match('how does back helper work')).toMatchObject({ intent: 'AMAZON.HelpIntent', sample: 'how does back helper work' });
  });

  it('does not hear built-in intents the model does not declare, nor "skip"', () => {
    expect(intentOf('pause')).toBeNull(); // PauseIntent is not in the fixture
    expect(intentOf('skip')).toBeNull();
  });

  it('lets a model sample win over the built-in table for the same words', () => {
    const m: InteractionModel = {
      interactionModel: {
        languageModel: {
          invocationName: 'x',
          intents: [{ name: 'AMAZON.NextIntent', samples: [] }, { name: 'NextStretchIntent', samples: ['next'] }],
        },
      },
    };
    expect(matchUtterance(m, 'next')?.intent).toBe('NextStretchIntent');
  });

  it('returns null when nothing matches: FallbackIntent is never matched by phrase', () => {
    expect(match('the weather in paris')).toBeNull();
    expect(match('')).toBeNull();
    expect(match('   ?! ')).toBeNull();
    // words that are also Object.prototype keys must not confuse the lookup tables
    expect(match('constructor toString')).toBeNull();
    expect(match('my pain is constructor')).toBeNull();
  });
});

describe('analyze / spokenSpan', () => {
  it('maps normalised words back to the typed words', () => {
    const a = analyze("I can't get up, it's bad");
    expect(a.words).toEqual(['i', 'cannot', 'get', 'up', 'it', 'is', 'bad']);
    expect(spokenSpan(a, 1, 4)).toBe("can't get up");
    expect(spokenSpan(a, 4, 7)).toBe("it's bad");
    // a span that starts inside "it's" cannot use the typed word
    expect(spokenSpan(a, 5, 7)).toBe('is bad');
  });
});

describe('parseNumber', () => {
  it('reads digits and number words', () => {
    expect(parseNumber(['42'])).toBe(42);
    expect(parseNumber(['seven'])).toBe(7);
    expect(parseNumber(['a', 'hundred', 'and', 'ten'])).toBe(110);
    expect(parseNumber(['two', 'thousand', 'twenty', 'four'])).toBe(2024);
    expect(parseNumber(['lots'])).toBeNull();
  });
});

describe('suggestPhrases', () => {
  it('returns the closest phrases, one per intent, best first', () => {
    const s = suggestPhrases(model, 'my back is out');
    expect(s).toHaveLength(3);
    expect(s[0]).toBe('my back went out');
    expect(new Set(s).size).toBe(3);
  });

  it('fills slots with the first value of their type', () => {
    expect(suggestPhrases(model, 'breathe with me a while', 1)).toEqual(['breathe with me for three minutes']);
    expect(suggestPhrases(model, 'tell me about dreams', 5)).toContain('tell me about sleep');
    for (const phrase of suggestPhrases(model, 'anything at all', 10)) expect(phrase).not.toMatch(/[{}]/);
  });

  it('honours n', () => {
    expect(suggestPhrases(model, 'help', 1)).toHaveLength(1);
    expect(suggestPhrases(model, 'help', 0)).toEqual([]);
  });
});

describe('parseInvocation', () => {
  const inv = 'back helper';
  it('recognises launch phrases, with or without the wake word', () => {
    for (const text of ['alexa, open back helper', 'Open Back Helper', 'launch back helper', 'start back helper', 'Alexa, back helper']) {
      expect([text, parseInvocation(text, inv)]).toEqual([text, { kind: 'launch' }]);
    }
  });

  it('recognises one-shot requests and drops the connecting word', () => {
    expect(parseInvocation('alexa, ask back helper, my back went out', inv)).toEqual({ kind: 'oneShot', utterance: 'my back went out' });
    expect(parseInvocation('ask back helper to help me breathe', inv)).toEqual({ kind: 'oneShot', utterance: 'help me breathe' });
    expect(parseInvocation('tell back helper I fell', inv)).toEqual({ kind: 'oneShot', utterance: 'i fell' });
    expect(parseInvocation('ask back helper how do I get out of bed', inv)).toEqual({
      kind: 'oneShot',
      utterance: 'how do i get out of bed',
    });
  });

  it('treats anything else as an utterance, without the wake word', () => {
    expect(parseInvocation('yes please', inv)).toEqual({ kind: 'utterance', utterance: 'yes please' });
    expect(parseInvocation('Alexa, stop', inv)).toEqual({ kind: 'utterance', utterance: 'stop' });
    expect(parseInvocation('open the window', inv)).toEqual({ kind: 'utterance', utterance: 'open the window' });
  });
});
