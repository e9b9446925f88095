// What the skill store and SMAPI will check, checked before we upload: skill.json and every
// interaction model against ask-smapi-model's own definitions, Amazon's invocation-name and
// example-phrase rules, and the health-skill publishing rules from docs/platform.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths';
import { describeErrors, smapiValidator } from './smapiSchema';

const PACKAGE = join(ROOT, 'skill-package');
const MODELS_DIR = join(PACKAGE, 'interactionModels', 'custom');
const MANIFEST_DEF = 'v1.skill.Manifest.SkillManifestEnvelope';
const MODEL_DEF = 'v1.skill.interactionModel.InteractionModelData';

interface SlotTypeValue { name: { value: string; synonyms?: string[] } }
interface LanguageModel {
  invocationName: string;
  intents: Array<{ name: string; samples?: string[]; slots?: Array<{ name: string; type: string }> }>;
  types?: Array<{ name: string; values?: SlotTypeValue[] }>;
}
interface LocalePublishing { name?: string; summary?: string; description?: string; examplePhrases?: string[]; keywords?: string[] }
interface Manifest {
  manifest: {
    publishingInformation?: { locales?: Record<string, LocalePublishing> };
    privacyAndCompliance?: { usesHealthInfo?: boolean };
    apis?: { custom?: { interfaces?: Array<{ type: string }> } };
  };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const MODEL_FILES = readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json')).sort();
const modelLocale = (file: string): string => file.replace(/\.json$/, '');
const languageModel = (locale: string): LanguageModel =>
  readJson<{ interactionModel: { languageModel: LanguageModel } }>(join(MODELS_DIR, `${locale}.json`)).interactionModel.languageModel;
const skill = readJson<Manifest>(join(PACKAGE, 'skill.json'));
const publishedLocales = Object.keys(skill.manifest.publishingInformation?.locales ?? {}).sort();

function modelErrors(file: string, closed: boolean): string[] {
  const validate = smapiValidator(MODEL_DEF, { closed });
  return validate(readJson<unknown>(join(MODELS_DIR, file))) ? [] : describeErrors(validate.errors);
}

// --- Amazon's rules, per language ---------------------------------------------------------------------

interface LanguageRules {
  /** Words that open a skill ("Alexa, open …"); an invocation name must not start with or contain them. */
  readonly launchWords: readonly string[];
  /** "Alexa, <ask|tell> <name> [connector] <request>". */
  readonly askWords: Readonly<Record<string, readonly string[]>>;
  /** "Alexa, <open|start…> <name> and <request>". */
  readonly openWords: readonly string[];
  readonly openConnectors: readonly string[];
  /** "Alexa, <request> from <name>". */
  readonly trailingConnectors: readonly string[];
  /** Words an invocation name may not hold at all: wake words, "skill", "app". */
  readonly forbiddenWords: readonly string[];
  /** A two-word name may not use one of these as a word. */
  readonly weakWords: readonly string[];
  /** What the store description must say (docs/platform.md: health skills and the store). */
  readonly disclaimer: ReadonlyArray<readonly [string, RegExp]>;
}

// From "Understand How Users Invoke Custom Skills" and "Invocation name requirements" (English).
const RULES: Readonly<Record<string, LanguageRules>> = {
  en: {
    launchWords: ['ask', 'begin', 'do', 'enable', 'launch', 'load', 'open', 'play', 'resume', 'run', 'start', 'talk to', 'tell', 'use'],
    askWords: { ask: ['to', 'about', 'for', 'if', 'whether', 'that'], tell: ['to', 'that'] },
    openWords: ['open', 'launch', 'start', 'begin', 'load', 'run', 'use', 'talk to', 'resume'],
    openConnectors: ['and', 'to'],
    trailingConnectors: ['from', 'in', 'using', 'on', 'with'],
    forbiddenWords: ['alexa', 'amazon', 'echo', 'computer', 'ziggy', 'skill', 'app'],
    weakWords: ['the', 'a', 'an', 'for', 'to', 'of'],
    disclaimer: [
      ['the health disclaimer', /not a substitute for professional medical advice/i],
      ['what to do in an emergency', /\bemergency\b[^.]*\bcall\b|\bcall\b[^.]*\bemergency\b/i],
      ['an emergency number', /\b(911|999|000|112)\b|local emergency number/i],
      ['that Alexa cannot make the call', /alexa (cannot|can't|can not) call/i],
    ],
  },
};

const rulesFor = (locale: string): LanguageRules | undefined => RULES[locale.split('-')[0]];

/** Lower case, punctuation other than apostrophes gone, single spaces. */
const normalize = (s: string): string =>
  s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();

/** Why an invocation name breaks Amazon's requirements; empty when it does not. */
function invocationNameProblems(name: string, rules: LanguageRules): string[] {
  const problems: string[] = [];
  const words = name.split(' ');
  if (!/^[\p{Ll}]+( [\p{Ll}]+)*$/u.test(name)) problems.push('only lower-case letters and single spaces');
  if (words.length < 2) problems.push('at least two words');
  if (name.length > 50) problems.push('at most 50 characters');
  for (const w of rules.forbiddenWords) if (words.includes(w)) problems.push(`no "${w}"`);
  for (const lw of rules.launchWords) {
    if (name === lw || name.startsWith(`${lw} `)) problems.push(`must not start with the launch word "${lw}"`);
    else if (lw !== 'do' && ` ${name} `.includes(` ${lw} `)) problems.push(`must not contain the launch word "${lw}"`);
  }
  if (words.length === 2 && words.some((w) => rules.weakWords.includes(w))) problems.push('a two-word name cannot use an article or preposition');
  return problems;
}

/** A sample as a pattern: slots of our own types take one of their values, Amazon's take any words. */
function samplePatterns(model: LanguageModel): RegExp[] {
  const typeValues = new Map<string, string[]>();
  for (const t of model.types ?? []) {
    const values = (t.values ?? []).flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]).map(normalize);
    typeValues.set(t.name, values.sort((a, b) => b.length - a.length));
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return model.intents.flatMap((intent) =>
    (intent.samples ?? []).map((sample) => {
      const parts = sample
        .split(/(\{\w+\})/)
        .map((part) => {
          const slot = /^\{(\w+)\}$/.exec(part)?.[1];
          if (!slot) return escape(normalize(part));
          const values = typeValues.get(intent.slots?.find((s) => s.name === slot)?.type ?? '');
          return values ? `(?:${values.map(escape).join('|')})` : '.+';
        })
        .filter((part) => part !== '');
      return new RegExp(`^${parts.join(' ')}$`);
    }),
  );
}

/** Why an example phrase would fail certification; empty when it is fine. */
function examplePhraseProblems(phrase: string, model: LanguageModel, rules: LanguageRules): string[] {
  const text = normalize(phrase);
  const name = model.invocationName;
  if (!/^alexa /.test(text) || !/^alexa,/i.test(phrase.trim())) return ['must start with "Alexa," (the wake word and a comma)'];
  const rest = text.slice('alexa '.length);
  const patterns = samplePatterns(model);
  const isSample = (u: string) => u.length > 0 && patterns.some((p) => p.test(u));

  for (const lw of rules.launchWords) if (rest === `${lw} ${name}`) return []; // a pure launch
  for (const [word, connectors] of Object.entries(rules.askWords)) {
    if (!rest.startsWith(`${word} ${name} `)) continue;
    const request = rest.slice(`${word} ${name} `.length);
    const withoutConnector = connectors.map((c) => (request.startsWith(`${c} `) ? request.slice(c.length + 1) : '')).filter(Boolean);
    return [request, ...withoutConnector].some(isSample) ? [] : [`"${request}" is not a sample utterance of the ${name} model`];
  }
  for (const word of rules.openWords) {
    for (const c of rules.openConnectors) {
      const head = `${word} ${name} ${c} `;
      if (rest.startsWith(head)) {
        const request = rest.slice(head.length);
        return isSample(request) ? [] : [`"${request}" is not a sample utterance of the ${name} model`];
      }
    }
  }
  for (const c of rules.trailingConnectors) {
    const tail = ` ${c} ${name}`;
    if (rest.endsWith(tail)) {
      const request = rest.slice(0, -tail.length);
      return isSample(request) ? [] : [`"${request}" is not a sample utterance of the ${name} model`];
    }
  }
  return [`does not invoke "${name}" with a launch phrase ("Alexa, ask ${name}, …" or "Alexa, open ${name}")`];
}

// --- problems found in skill-package that someone still has to fix ------------------------------------

/**
 * Problems this test found in files it must not edit. Each is a `test.failing` at the end: it passes
 * while the problem is still in some file and turns red once every file is fixed, as a reminder to
 * delete the entry here.
 */
const KNOWN_PROBLEMS: Readonly<{ skillJson: readonly string[]; models: readonly string[] }> = {
  skillJson: [],
  models: [],
};

// --- the tests ---------------------------------------------------------------------------------------

describe('ask-smapi-model definitions', () => {
  it('exist under the names this test uses', () => {
    expect(() => smapiValidator(MANIFEST_DEF)).not.toThrow();
    expect(() => smapiValidator(MODEL_DEF)).not.toThrow();
  });

  it('catch a wrong type, an unknown interface and a misspelt property, so a green run means something', () => {
    type Loose = { [key: string]: Loose } & Record<string, unknown>;
    const broken = JSON.parse(JSON.stringify(skill)) as { manifest: Loose };
    broken.manifest.publishingInformation.locales = { 'en-US': { name: 'Back Helper', summary: 42 } } as unknown as Loose;
    broken.manifest.apis.custom = { interfaces: [{ type: 'ALEXA_PRESENTATION_APL', supportedViewport: [] }, { type: 'SCREEN' }] } as unknown as Loose;
    broken.manifest.privacyAndCompliance = { usesHealthinfo: false } as unknown as Loose;
    const open = smapiValidator(MANIFEST_DEF);
    expect(open(broken)).toBe(false);
    expect(describeErrors(open.errors).join('\n')).toMatch(/summary must be string[\s\S]*interfaces\/1\/type must be equal to one of the allowed values/);
    const closed = smapiValidator(MANIFEST_DEF, { closed: true });
    expect(closed(broken)).toBe(false);
    const closedErrors = describeErrors(closed.errors).join('\n');
    expect(closedErrors).toContain('/manifest/privacyAndCompliance must NOT have unevaluated properties (usesHealthinfo)');
    expect(closedErrors).toContain('/manifest/apis/custom/interfaces/0 must NOT have unevaluated properties (supportedViewport)');

    const model = smapiValidator(MODEL_DEF);
    expect(model({ interactionModel: { languageModel: { invocationName: 'back helper', intents: [] } } })).toBe(false);
    expect(describeErrors(model.errors)).toEqual(['/interactionModel/languageModel/intents must NOT have fewer than 1 items']);
  });
});

describe('skill.json', () => {
  const errors = (closed: boolean) => {
    const validate = smapiValidator(MANIFEST_DEF, { closed });
    return validate(skill) ? [] : describeErrors(validate.errors);
  };

  it('matches SMAPI\'s skill manifest definition', () => {
    expect(errors(false)).toEqual([]);
  });

  it('holds no property SMAPI does not define (a typo would otherwise be ignored)', () => {
    expect(errors(true).filter((e) => !KNOWN_PROBLEMS.skillJson.includes(e))).toEqual([]);
  });

  it('has an interaction model for every published locale, and no model without store text', () => {
    expect(publishedLocales.length).toBeGreaterThan(0);
    expect(MODEL_FILES.map(modelLocale)).toEqual(publishedLocales);
  });

  it('does not claim HIPAA-covered health data: privacyAndCompliance.usesHealthInfo is false', () => {
    expect(skill.manifest.privacyAndCompliance?.usesHealthInfo).toBe(false);
  });
});

describe.each(publishedLocales)('the %s store listing', (locale) => {
  const info = skill.manifest.publishingInformation!.locales![locale];
  const rules = rulesFor(locale);

  it('has rules for its language in this test', () => {
    // A new language needs its launch words, connectors and disclaimer wording added to RULES.
    expect([locale, rules !== undefined]).toEqual([locale, true]);
  });

  it('has a name, a summary, a description and keywords', () => {
    expect(info.name?.trim()).toBeTruthy();
    expect(info.summary?.trim()).toBeTruthy();
    expect(info.description?.trim()).toBeTruthy();
    expect(info.keywords?.filter((k) => k.trim()).length ?? 0).toBeGreaterThan(0);
  });

  it('carries the health disclaimer and the emergency advice in its description', () => {
    const missing = (rules?.disclaimer ?? []).filter(([, re]) => !re.test(info.description ?? '')).map(([what]) => what);
    expect(missing).toEqual([]);
  });

  it('gives one to three example phrases, each one Alexa would route to this skill', () => {
    const phrases = info.examplePhrases ?? [];
    expect(phrases.length).toBeGreaterThanOrEqual(1);
    expect(phrases.length).toBeLessThanOrEqual(3);
    const model = languageModel(locale);
    const problems = phrases.flatMap((p) => examplePhraseProblems(p, model, rules!).map((why) => `${p}: ${why}`));
    expect(problems).toEqual([]);
  });
});

describe.each(MODEL_FILES)('the interaction model %s', (file) => {
  const errors = (closed: boolean) => modelErrors(file, closed);

  it('matches SMAPI\'s interaction model definition', () => {
    expect(errors(false)).toEqual([]);
  });

  it('holds no property SMAPI does not define', () => {
    expect(errors(true).filter((e) => !KNOWN_PROBLEMS.models.includes(e))).toEqual([]);
  });

  it('has an invocation name that meets Amazon\'s requirements', () => {
    const rules = rulesFor(modelLocale(file));
    expect(rules).toBeDefined();
    const name = languageModel(modelLocale(file)).invocationName;
    expect([name, invocationNameProblems(name, rules!)]).toEqual([name, []]);
  });
});

describe('known problems in skill-package', () => {
  const skillJsonErrors = (): string[] => {
    const validate = smapiValidator(MANIFEST_DEF, { closed: true });
    return validate(skill) ? [] : describeErrors(validate.errors);
  };
  const known = [
    ...KNOWN_PROBLEMS.skillJson.map((p) => ['skill.json', p] as const),
    ...KNOWN_PROBLEMS.models.map((p) => ['interaction models', p] as const),
  ];
  if (known.length === 0) return;
  it.failing.each(known)('KNOWN PROBLEM in %s, fix it there, then delete it from KNOWN_PROBLEMS: %s', (where, problem) => {
    const stillThere = where === 'skill.json' ? skillJsonErrors().includes(problem) : MODEL_FILES.some((f) => modelErrors(f, true).includes(problem));
    expect(stillThere).toBe(false);
  });
});

describe('the rule checks themselves', () => {
  const en = RULES.en;
  const model: LanguageModel = {
    invocationName: 'back helper',
    intents: [
      { name: 'BackWentOutIntent', samples: ['my back went out', "i've put my back out"] },
      { name: 'EmergencyStatementIntent', samples: ['i {sign}'], slots: [{ name: 'sign', type: 'RED_FLAG_SIGN' }] },
      { name: 'AtIntent', samples: ['start at {time}'], slots: [{ name: 'time', type: 'AMAZON.TIME' }] },
    ],
    types: [{ name: 'RED_FLAG_SIGN', values: [{ name: { value: 'fell', synonyms: ['had a fall'] } }] }],
  };

  it.each([
    ['back helper', []],
    ['helper', ['at least two words']],
    ['Back Helper', ['only lower-case letters and single spaces']],
    ['back  helper', ['only lower-case letters and single spaces']],
    ['back helper 2', ['only lower-case letters and single spaces']],
    ['alexa back helper', ['no "alexa"']],
    ['back helper skill', ['no "skill"']],
    ['open back helper', ['must not start with the launch word "open"']],
    ['talk to back helper', ['must not start with the launch word "talk to"']],
    ['back helper ask me', ['must not contain the launch word "ask"']],
    ['the helper', ['a two-word name cannot use an article or preposition']],
    ['a very long invocation name that goes on and on and on', ['at most 50 characters']],
  ])('invocation name "%s" -> %j', (name, expected) => {
    expect(invocationNameProblems(name, en)).toEqual(expected);
  });

  it.each([
    ['Alexa, ask back helper, my back went out', 0],
    ['Alexa, ask back helper to tell me: my back went out!', 1],
    ["Alexa, ask back helper, I've put my back out", 0],
    ['Alexa, tell back helper that my back went out', 0],
    ['Alexa, open back helper', 0],
    ['Alexa, talk to back helper', 0],
    ['Alexa, open back helper and my back went out', 0],
    ['Alexa, my back went out from back helper', 0],
    ['Alexa, ask back helper, I had a fall', 0],
    ['Alexa, ask back helper, I danced', 1],
    ['Alexa, ask back helper to start at seven thirty', 0],
    ['Alexa, ask back helper, make me a sandwich', 1],
    ['Ask back helper, my back went out', 1],
    ['Alexa, ask bad helper, my back went out', 1],
    ['Alexa, back helper', 1],
  ])('example phrase "%s" has %i problem(s)', (phrase, count) => {
    expect(examplePhraseProblems(phrase, model, en)).toHaveLength(count);
  });

  it('finds a missing disclaimer', () => {
    const missing = en.disclaimer.filter(([, re]) => !re.test('A calm guide for back pain.')).map(([what]) => what);
    expect(missing).toEqual(['the health disclaimer', 'what to do in an emergency', 'an emergency number', 'that Alexa cannot make the call']);
  });
});
