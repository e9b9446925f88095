import { TEST_IDS } from './envelopes';
import { loadModel, symptomPhrases } from './model';

/** One log line that gives away who someone is or what they said about their body. */
export interface Leak {
  readonly line: string;
  readonly what: string;
}

/** Id and token shapes Alexa uses: a log line must never carry one (STYLE.md: log type, intent, error name). */
const ID_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['a userId', /amzn1\.ask\.account\./i],
  ['a deviceId', /amzn1\.ask\.device\./i],
  ['a personId', /amzn1\.ask\.person\./i],
  // apiAccessToken and other JWTs: base64url of '{"' starts with eyJ.
  ['a JWT-like token', /eyJ[A-Za-z0-9_-]{8,}/],
];

export interface LeakRules {
  /** Exact strings tests put in envelopes (ids, tokens). */
  readonly exactIds: readonly string[];
  /** What a person may say about their body (slot values and synonyms), lower case. */
  readonly phrases: readonly string[];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rules for this project: the ids in test envelopes, and the model's body-slot values and synonyms. */
export function projectRules(): LeakRules {
  return {
    exactIds: [TEST_IDS.user, TEST_IDS.device, TEST_IDS.person, TEST_IDS.apiAccessToken],
    phrases: symptomPhrases(loadModel('en-US')),
  };
}

/** Decodes what a logger may have escaped, so "can\u0027t pee" and "can&apos;t pee" are still found. */
function normalise(line: string): string {
  return line
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const compiled = new WeakMap<LeakRules, ReadonlyArray<readonly [string, RegExp]>>();
let defaultRules: LeakRules | undefined;

/** Every leak in these lines; empty when they are clean. */
export function findLeaks(lines: readonly string[], rules: LeakRules = (defaultRules ??= projectRules())): Leak[] {
  let phraseRes = compiled.get(rules);
  if (!phraseRes) {
    phraseRes = rules.phrases.map((p) => [p, new RegExp(`(^|[^a-z])${escapeRe(p)}($|[^a-z])`)] as const);
    compiled.set(rules, phraseRes);
  }
  const leaks: Leak[] = [];
  for (const line of lines) {
    const text = normalise(line);
    for (const [what, re] of ID_PATTERNS) if (re.test(line)) leaks.push({ line, what });
    for (const id of rules.exactIds) if (line.includes(id)) leaks.push({ line, what: `the test id ${id}` });
    for (const [phrase, re] of phraseRes) if (re.test(text)) leaks.push({ line, what: `words about the body: "${phrase}"` });
  }
  return leaks;
}
