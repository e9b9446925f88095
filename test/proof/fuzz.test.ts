/**
 * Property tests over generated request envelopes, sent to the in-process Lambda handler.
 * Every property runs from a fixed seed (in its name) so a failure reproduces exactly:
 * fast-check prints the counterexample and its path; rerun with the same seed.
 *
 * Known bugs are listed in KNOWN_BUGS, each with a minimal reproduction and a status. A fixed bug is a probe:
 * its own test fails if the reproduction shows it again, and the generators never step around it, so its
 * ground is fuzzed as well. Only a bug marked open is stepped around by the generators (so the properties
 * keep hunting for new ones); its test fails once it no longer shows, so that it gets marked fixed.
 * Anything not in KNOWN_BUGS fails at once.
 */
import fc from 'fast-check';
import type { Request, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../../lambda/src/index';
import { localePack } from '../../lambda/src/locale';
import { readState, STATE_VERSION } from '../../lambda/src/flow/state';
import { toEvent } from '../../lambda/src/handlers/events';
import { logEvent } from '../../lambda/src/services/log';
import { knownSpeech, speechText } from '../support/clinicalWalk';
import { envelope, intentRequest, launchRequest, TEST_IDS } from '../support/envelopes';
import { findLeaks, projectRules } from '../support/leakDetector';
import { capturedLines, report } from '../support/logCapture';
import { intentVariants, loadModel, symptomPhrases } from '../support/model';
import { responseProblems } from '../support/responseChecks';

const SEED = 20261121;
const MAX_SPEECH = 8000;
/** Input strings at least this long must never be spoken back (shorter ones collide with ordinary words). */
const ECHO_MIN = 8;

const model = loadModel('en-US');
const VARIANTS = intentVariants(model);
const MODEL_INTENTS = model.intents.map((i) => i.name);
const SLOT_NAMES = [...new Set(model.intents.flatMap((i) => (i.slots ?? []).map((s) => s.name)))];
const SLOT_IDS = (model.types ?? []).flatMap((t) => t.values.map((v) => v.id ?? v.name.value));
const SYMPTOMS = symptomPhrases(model);
const KNOWN_SPEECH = knownSpeech(localePack('en-US')).join('\n');

/** Keys every plain object inherits: lookups like table[key] find something for these. */
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);
const LEAK_RULES = projectRules();

// ---------------------------------------------------------------------------------------------
// Known bugs (see the reproductions at the end of this file).

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const requestOf = (e: unknown): Record<string, unknown> | undefined =>
  isObject(e) && isObject(e.request) ? e.request : undefined;

interface KnownBug {
  readonly id: number;
  readonly title: string;
  /** Fixed: a probe that must stay quiet. Open: still there, and stepped around by the generators. */
  readonly status: 'fixed' | 'open';
  /** True for every envelope this bug would make fail. */
  readonly matches: (e: unknown) => boolean;
  /** The smallest envelope that shows it (for the report). */
  readonly repro: unknown;
  /** True while the bug is still there. */
  readonly shows: () => Promise<boolean>;
}

/** A state the skill reads back (the current version): a probe with an older one would only test the lost-state path. */
const STATE = { v: STATE_VERSION, step: 'screen', q: 0, pace: 'normal', sets: 0 };
const bhIn = (e: unknown): Record<string, unknown> | undefined => {
  const session = isObject(e) ? e.session : undefined;
  const attributes = isObject(session) ? session.attributes : undefined;
  return isObject(attributes) && isObject(attributes.bh) ? attributes.bh : undefined;
};
const failsChecks = (e: unknown) => async () => (await answerProblems(e)).length > 0;
const reachesErrorHandler = (e: unknown) => async () => {
  const before = capturedLines().length;
  await handler(e as RequestEnvelope, {}).catch(() => undefined);
  return capturedLines().slice(before).some((l) => /"error":/.test(l));
};
/** Present when either probe shows it: the unit that has the flaw, or what a person would hear. */
const either = (...probes: Array<() => boolean | Promise<boolean>>) => async () => {
  for (const probe of probes) if (await probe()) return true;
  return false;
};

const BUG_1_REPRO = { version: '1.0', session: { new: true, sessionId: 's', attributes: {} } };
const BUG_2_REPRO = envelope({ type: 'LaunchRequest', locale: 'constructor' }, { isNew: true });
const BUG_3_REPRO = intentRequest({ name: 'constructor', confirmationStatus: 'NONE' }, { attributes: { bh: STATE } });
const BUG_4_REPRO = intentRequest({ name: 'AMAZON.YesIntent', confirmationStatus: 'NONE' }, { attributes: { bh: { ...STATE, step: 'breathingOffer', pace: 'constructor' } } });
const BUG_6_REPRO = { version: '1.0', session: { new: true, sessionId: 's', attributes: {} }, request: { type: 'LaunchRequest', requestId: 'r', locale: 'en-US' } };

const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: 1,
    status: 'fixed',
    title: 'an envelope with no request object is rejected: the handlers throw on request.type, then SafetyNetErrorHandler throws on request.locale',
    matches: (e) => !isObject(e) || e.request === null || e.request === undefined,
    repro: BUG_1_REPRO,
    shows: failsChecks(BUG_1_REPRO),
  },
  {
    id: 2,
    status: 'fixed',
    title: 'a locale that is an Object.prototype key ("constructor") gets no emergency number: "call undefined now", safety net included',
    matches: (e) => PROTO_KEYS.includes(requestOf(e)?.locale as string),
    repro: BUG_2_REPRO,
    shows: either(() => typeof localePack('constructor').emergencyNumber !== 'string', failsChecks(BUG_2_REPRO)),
  },
  {
    id: 3,
    status: 'fixed',
    title: 'an intent named like an Object.prototype key mid-conversation falls to the error handler instead of "not understood"',
    matches: (e) => {
      const intent = requestOf(e)?.intent;
      return isObject(intent) && PROTO_KEYS.includes(intent.name as string);
    },
    repro: BUG_3_REPRO,
    shows: either(
      () => typeof toEvent({ type: 'IntentRequest', intent: { name: 'constructor' } } as unknown as Request).kind !== 'string',
      reachesErrorHandler(BUG_3_REPRO),
    ),
  },
  {
    id: 4,
    status: 'fixed',
    title: 'bh.pace "constructor" passes isPaceId (`in`), rendering throws, and the state is saved as advanced anyway',
    matches: (e) => PROTO_KEYS.includes(bhIn(e)?.pace as string),
    repro: BUG_4_REPRO,
    shows: either(() => (readState({ ...STATE, pace: 'constructor' })?.pace as string | undefined) === 'constructor', reachesErrorHandler(BUG_4_REPRO)),
  },
  {
    id: 5,
    status: 'fixed',
    title: 'request.type and intent.name are logged verbatim, so a caller can write symptom words, ids or 100 KB into the logs',
    matches: (e) => {
      const r = requestOf(e);
      const intent = isObject(r?.intent) ? r.intent.name : undefined;
      return findLeaks([r?.type, intent].filter((x): x is string => typeof x === 'string'), LEAK_RULES).length > 0;
    },
    repro: { request: { type: SYMPTOMS[0] } },
    shows: async () => {
      const lines: string[] = [];
      logEvent({ type: SYMPTOMS[0] } as unknown as Request, undefined, (l) => lines.push(l));
      return findLeaks(lines, LEAK_RULES).length > 0;
    },
  },
  {
    id: 6,
    status: 'fixed',
    title: 'an envelope with no context.System is rejected: with an ApiClient configured, ask-sdk-core reads context.System.apiEndpoint first',
    matches: (e) => {
      const context = isObject(e) ? e.context : undefined;
      return context === null || context === undefined || (context as { System?: unknown }).System == null;
    },
    repro: BUG_6_REPRO,
    shows: failsChecks(BUG_6_REPRO),
  },
];
const OPEN_BUGS = KNOWN_BUGS.filter((b) => b.status === 'open');
const FIXED_BUGS = KNOWN_BUGS.filter((b) => b.status === 'fixed');
/** Only open bugs are stepped around; a fixed bug's envelopes are fuzzed like any other. */
const hitsOpenBug = (e: unknown): boolean => OPEN_BUGS.some((bug) => bug.matches(e));

// ---------------------------------------------------------------------------------------------
// Generators.

/** Pieces that break naive SSML, logs or string handling. */
const ODD_PIECES = [
  '<', '>', '&', '"', "'", '&amp;', '&apos;', '&#0;', ']]>', '<![CDATA[x]]>', '<speak>', '</speak>',
  '<audio src="https://example.com/a.mp3"/>', '<break time="100s"/>', '<!--', '-->', '<?xml version="1.0"?>',
  '\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\r\n', '\t', '\u007f', '\u0085',
  '\ud800', '\udfff', '😀', '👩‍👩‍👧‍👦', '👍🏽', '🇺🇸', '\u202e', '\u202d', '\u200f', '\u200b', '\u2028', '\u2029', '\ufeff', '\ufffd',
  'مرحبا', 'שלום', 'e\u0301', '\u0336', 'Ω', '∞', '％', 'ﬁ', '${x}', '%s', '%o', '{{x}}', '\\', '\\u0000', '/', '..',
];

const bigString = fc
  .tuple(fc.constantFrom('a', 'yes ', 'ü', '😀', '<&>', '\u202e', "'"), fc.integer({ min: 10_000, max: 100_000 }))
  .map(([piece, n]) => piece.repeat(Math.ceil(n / piece.length)).slice(0, n));

const oddText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...ODD_PIECES), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...SYMPTOMS) },
  { weight: 1, arbitrary: bigString },
);
/** Mostly short: a 100 KB string in every other field would only slow the run down. */
const oddTextMostlyShort = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: oddText });

/** Any JSON value a broken caller could send: what Lambda hands us after JSON.parse. */
const json = fc.jsonValue({ maxDepth: 3 });

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  oddTextMostlyShort,
  fc.array(json, { maxLength: 3 }),
  fc.dictionary(oddTextMostlyShort, json, { maxKeys: 3 }),
);

/** Usually the right kind of value, sometimes the wrong type (absence comes from the records' optional keys). */
const field = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wrongType });

const ABSENT = Symbol('absent');
/** A record whose every key is missing one time in six. */
const opt = (shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record(Object.fromEntries(Object.entries(shape).map(([k, a]) => [k, fc.option(a, { nil: ABSENT, freq: 6 })])))
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ABSENT)));

const requestTypes = fc.oneof(
  { weight: 6, arbitrary: fc.constant('IntentRequest') },
  { weight: 2, arbitrary: fc.constant('LaunchRequest') },
  { weight: 1, arbitrary: fc.constant('SessionEndedRequest') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'CanFulfillIntentRequest', 'System.ExceptionEncountered', 'AudioPlayer.PlaybackStarted', 'PlaybackController.PlayCommandIssued',
      'Connections.Response', 'Alexa.Presentation.APL.UserEvent', 'Messaging.MessageReceived', 'Reminders.ReminderCreated', 'Dialog.InputRequest',
    ),
  },
  { weight: 1, arbitrary: oddText },
);
const intentNames = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...MODEL_INTENTS) },
  { weight: 1, arbitrary: fc.constantFrom('AMAZON.PauseIntent', 'AMAZON.ResumeIntent', 'AMAZON.ScrollDownIntent', 'AMAZON.SendToPhoneIntent', 'HelloWorldIntent', 'amazon.yesintent', '') },
  { weight: 1, arbitrary: oddText },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS) },
);
const slotIds = fc.oneof(fc.constantFrom(...SLOT_IDS), oddText);
const slotNames = fc.oneof(fc.constantFrom(...SLOT_NAMES, 'other'), oddText);
const slot = opt({
  name: field(slotNames),
  value: field(oddText),
  confirmationStatus: field(fc.constantFrom('NONE', 'CONFIRMED', 'DENIED')),
  resolutions: field(opt({
    resolutionsPerAuthority: field(fc.array(field(opt({
      authority: field(oddTextMostlyShort),
      status: field(opt({ code: field(fc.oneof(fc.constantFrom('ER_SUCCESS_MATCH', 'ER_SUCCESS_NO_MATCH', 'ER_ERROR_TIMEOUT', 'ER_ERROR_EXCEPTION'), oddTextMostlyShort)) })),
      values: field(fc.array(field(opt({ value: field(opt({ name: field(oddText), id: field(slotIds) })) })), { maxLength: 3 })),
    })), { maxLength: 3 })),
  })),
});
const intent = opt({
  name: field(intentNames),
  confirmationStatus: field(fc.constantFrom('NONE', 'CONFIRMED', 'DENIED')),
  slots: field(fc.dictionary(slotNames, field(slot), { maxKeys: 3 })),
});
const request = opt({
  type: field(requestTypes),
  requestId: field(oddTextMostlyShort),
  timestamp: field(fc.oneof(fc.constant('2026-11-21T10:00:00Z'), oddTextMostlyShort)),
  locale: field(fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('en-US', 'en-US', 'en-GB', 'en-AU', 'de-DE', 'ja-JP', 'EN-us', 'en_US', '') },
    { weight: 2, arbitrary: oddText },
    { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  )),
  dialogState: field(fc.constantFrom('STARTED', 'IN_PROGRESS', 'COMPLETED')),
  intent: field(intent),
  reason: field(fc.constantFrom('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS')),
  error: field(opt({ type: field(oddTextMostlyShort), message: field(oddTextMostlyShort) })),
});

/** Garbage under `bh`: anything at all, or a real-looking state with any field broken. */
const garbageBh = fc.oneof(
  json,
  oddText,
  opt({
    v: field(fc.constantFrom(0, 1, 2, '1', 1.5)),
    step: field(oddText),
    q: field(fc.oneof(fc.integer({ min: -3, max: 9 }), fc.double({ noNaN: true, noDefaultInfinity: true }))),
    emergency: field(fc.oneof(slotIds, fc.constantFrom('Q1', 'Q5', 'UNKNOWN'))),
    cleared: field(fc.boolean()),
    pace: field(fc.oneof(oddText, fc.constantFrom(...PROTO_KEYS))),
    sets: field(fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ noNaN: true, noDefaultInfinity: true }))),
    disclaimed: field(fc.boolean()),
  }),
);
const attributes = fc
  .tuple(fc.dictionary(fc.oneof(oddText, fc.constantFrom(...PROTO_KEYS)), json, { maxKeys: 4 }), fc.option(garbageBh, { nil: undefined }))
  .map(([rest, bh]) => (bh === undefined ? rest : { ...rest, bh }));

const ids = (prefix: string) => fc.oneof(fc.constant(`${prefix}${TEST_IDS.user.split('.').at(-1)}`), oddTextMostlyShort);
const session = opt({
  new: field(fc.boolean()),
  sessionId: field(oddTextMostlyShort),
  application: field(opt({ applicationId: field(oddTextMostlyShort) })),
  user: field(opt({ userId: field(ids('amzn1.ask.account.')), accessToken: field(oddText) })),
  attributes: field(attributes),
});
const context = opt({
  System: field(opt({
    application: field(opt({ applicationId: field(oddTextMostlyShort) })),
    user: field(opt({ userId: field(ids('amzn1.ask.account.')) })),
    device: field(opt({ deviceId: field(ids('amzn1.ask.device.')), supportedInterfaces: field(fc.dictionary(oddTextMostlyShort, json, { maxKeys: 3 })) })),
    apiEndpoint: field(oddTextMostlyShort),
    apiAccessToken: field(fc.oneof(fc.constant(TEST_IDS.apiAccessToken), oddTextMostlyShort)),
  })),
});

/** Envelopes with every part present, missing or of the wrong type, down to the slot resolutions. */
const garbageEnvelope = fc
  .tuple(opt({ version: field(fc.constantFrom('1.0', '2.0')), session: field(session), context: field(context), request: field(request) }), fc.dictionary(oddTextMostlyShort, json, { maxKeys: 2 }))
  .map(([e, extra]) => ({ ...extra, ...e }));

/** An envelope cut off part way, as if the JSON text had been truncated and the open brackets closed. */
function truncate(value: unknown, keep: { leaves: number }): unknown {
  if (keep.leaves <= 0) return undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const x of value) {
      if (keep.leaves <= 0) break;
      const t = truncate(x, keep);
      if (t !== undefined) out.push(t);
    }
    return out;
  }
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(value)) {
      if (keep.leaves <= 0) break;
      const t = truncate(x, keep);
      if (t !== undefined) out[k] = t;
    }
    return out;
  }
  keep.leaves--;
  return value;
}

/** JSON round trip: what reaches a Lambda handler is always parsed JSON. */
const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v ?? null));

// ---------------------------------------------------------------------------------------------
// What must hold for every envelope.

const CODE_WORDS = [
  /\b(?:Type|Reference|Syntax|Range|Eval|URI)Error\b/, /\bError:/, /\bundefined\b/, /\bnull\b/, /\bNaN\b/, /\bInfinity\b/,
  /\[object \w+\]/, /\bat (?:Object\.|async |new )?[\w.<>]+ \(/, /\bat Object\./, /(?:\/[\w.@-]+){2,}/, /\b[\w-]+\.(?:ts|js|mjs|cjs)\b/,
  /node_modules/, /\bfunction\s*\(/, /=>/, /\bAskSdk\b/,
];

const problemCache = new Map<string, Promise<string[]>>();

/** Every string in the envelope long enough to recognise and not something the skill says anyway. */
function inputStrings(e: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const s = v.replace(/\s+/g, ' ').trim();
      if (s.length >= ECHO_MIN && !KNOWN_SPEECH.includes(s)) out.add(s.slice(0, 200));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) { walk(k); walk(x); }
  };
  walk(e);
  return [...out];
}

/** Everything wrong with this answer to this envelope; empty when the answer is fine. */
async function responseFlaws(e: unknown, out: unknown): Promise<string[]> {
  if (!isObject(out)) return ['answered with something that is not an object'];
  const problems: string[] = [];
  if (out.version !== '1.0') problems.push(`version is ${JSON.stringify(out.version)}`);
  if (!isObject(out.response)) return [...problems, 'no response object'];
  let text: string;
  try {
    text = JSON.stringify(out.response);
  } catch (err) {
    return [...problems, `the response does not serialise: ${(err as Error).message}`];
  }
  const r = out.response as ResponseEnvelope['response'];
  const speeches: Array<[string, { type?: unknown; ssml?: unknown } | undefined]> = [['speech', r.outputSpeech], ['reprompt', r.reprompt?.outputSpeech]];
  for (const [label, s] of speeches) {
    if (s === undefined) continue;
    if (s.type !== 'SSML' || typeof s.ssml !== 'string') {
      problems.push(`${label} is not SSML: ${JSON.stringify(s).slice(0, 100)}`);
      continue;
    }
    if (s.ssml.length >= MAX_SPEECH) problems.push(`${label} has ${s.ssml.length} characters`);
    const heard = speechText(s.ssml);
    for (const re of CODE_WORDS) if (re.test(heard)) problems.push(`${label} says ${re}: ${heard.slice(0, 160)}`);
    for (const raw of inputStrings(e)) if (heard.includes(raw)) problems.push(`${label} speaks input back: ${JSON.stringify(raw.slice(0, 60))}`);
  }
  if (!problemCache.has(text)) problemCache.set(text, responseProblems(out as unknown as ResponseEnvelope));
  problems.push(...(await problemCache.get(text)!));
  return problems;
}

/** Sends the envelope to the handler; everything wrong with the answer, or the rejection. */
async function answerProblems(e: unknown): Promise<string[]> {
  try {
    return await responseFlaws(e, await handler(e as RequestEnvelope, {}));
  } catch (err) {
    return [`rejected: ${(err as Error)?.name}: ${(err as Error)?.message}`];
  }
}

let envelopesSent = 0;
const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns });

/** The property all generators share: the skill answers, well-formed, valid SSML, nothing leaked into speech. */
const answersWell = async (e: unknown): Promise<void> => {
  fc.pre(!hitsOpenBug(e));
  envelopesSent++;
  const problems = await answerProblems(e);
  if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
};

// ---------------------------------------------------------------------------------------------

describe('the checks themselves', () => {
  it.each(KNOWN_BUGS.map((b) => [b.id, b.title, b] as const))('known bug %i is recognised from its own reproduction: %s', (_, __, bug) => {
    expect(bug.matches(bug.repro)).toBe(true);
  });

  it('catch code words, stack traces and input spoken back', async () => {
    const e = { request: { type: 'IntentRequest', intent: { name: 'Zq9 xylophone banana' } } };
    const said = (ssml: string) => ({ version: '1.0', response: { outputSpeech: { type: 'SSML', ssml }, shouldEndSession: true } });
    expect(await responseFlaws(e, said('<speak>Call 911 now.</speak>'))).toEqual([]);
    for (const bad of ['Call undefined now.', 'TypeError: x at Object.&lt;anonymous&gt; (/var/task/index.js:1:2)', 'I heard Zq9 xylophone banana.', 'null']) {
      expect(await responseFlaws(e, said(`<speak>${bad}</speak>`))).not.toEqual([]);
    }
    expect(await responseFlaws(e, said('<speak>a & b</speak>'))).not.toEqual([]);
    expect(await responseFlaws(e, { version: '1.0' })).not.toEqual([]);
  });

  afterAll(() => report(`fuzz: known bugs open (stepped around): ${OPEN_BUGS.map((b) => b.id).join(', ') || 'none'}; fixed (probes): ${FIXED_BUGS.map((b) => b.id).join(', ') || 'none'}`));
});

describe('known bugs', () => {
  it.each(FIXED_BUGS.map((b) => [b.id, b.title, b] as const))('fixed bug %i stays fixed: %s', async (_, __, bug) => {
    expect(await bug.shows()).toBe(false);
  });

  // An open bug that no longer shows must be marked fixed, so that it becomes a probe and is no longer stepped around.
  const open = OPEN_BUGS.map((b) => [b.id, b.title, b] as const);
  if (open.length) {
    it.each(open)('open bug %i still shows (mark it fixed once it does not): %s', async (_, __, bug) => {
      expect(await bug.shows()).toBe(true);
    });
  } else {
    it('has no open bugs, so the generators step around nothing', () => {
      for (const bug of KNOWN_BUGS) expect({ bug: bug.id, steppedAround: hitsOpenBug(bug.repro) }).toEqual({ bug: bug.id, steppedAround: false });
    });
  }
});

describe('the skill under generated envelopes', () => {
  afterAll(() => report(`fuzz: ${envelopesSent} envelopes sent to the handler (seed ${SEED})`));

  it(`answers envelopes with any part missing or of the wrong type (seed ${SEED}, 4000 runs)`, async () => {
    await fc.assert(fc.asyncProperty(garbageEnvelope.map(asJson), answersWell), runs(4000));
  }, 60_000);

  it(`answers random JSON objects (seed ${SEED}, 1500 runs)`, async () => {
    // Each standard part is real or random JSON, so a part the skill cannot do without does not hide the rest.
    const real = asJson(launchRequest()) as unknown as Record<string, unknown>;
    const part = (k: string) => fc.oneof(fc.constant(real[k]), json);
    const randomObject = fc.oneof(
      opt({ version: part('version'), session: part('session'), context: part('context'), request: part('request') }),
      fc.dictionary(fc.string(), json, { maxKeys: 6 }),
      fc.object({ maxDepth: 3, values: [json] }),
    );
    await fc.assert(fc.asyncProperty(randomObject.map(asJson), answersWell), runs(1500));
  }, 60_000);

  it(`answers real envelopes cut off part way (seed ${SEED}, 1500 runs)`, async () => {
    const real = fc.oneof(
      fc.constant(launchRequest()),
      fc.constantFrom(...VARIANTS).map((v) => intentRequest(v.intent, { attributes: { bh: STATE } })),
    );
    const cut = fc.tuple(real, fc.integer({ min: 0, max: 60 })).map(([e, leaves]) => asJson(truncate(e, { leaves })));
    await fc.assert(fc.asyncProperty(cut, answersWell), runs(1500));
  }, 60_000);

  it('answers an envelope with each field in turn set to each wrong type', async () => {
    const WRONG: unknown[] = [null, true, 0, -1, 1.5, '', 'x', '<speak>&', 'a'.repeat(100_000), [], [1], {}, { a: 1 }, ...PROTO_KEYS.slice(0, 3)];
    const paths = (v: unknown, at: string[] = []): string[][] =>
      isObject(v) ? Object.entries(v).flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]) : [];
    const bases = [launchRequest(), ...VARIANTS.slice(0, 3).map((v) => intentRequest(v.intent, { attributes: { bh: STATE } }))];
    const failures: string[] = [];
    for (const base of bases) {
      for (const path of paths(base)) {
        for (const wrong of WRONG) {
          const e = asJson(base) as unknown as Record<string, unknown>;
          let at: Record<string, unknown> = e;
          for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
          at[path.at(-1)!] = wrong;
          if (hitsOpenBug(e)) continue;
          envelopesSent++;
          const problems = await answerProblems(e);
          if (problems.length) failures.push(`${path.join('.')} = ${JSON.stringify(wrong).slice(0, 30)}: ${problems[0]}`);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  }, 60_000);
});

describe('the conversation under garbage session state', () => {
  /** Real states the skill produces, gathered by talking to it; the fuzzer mixes their fields. */
  const realStates: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const seen = new Set<string>();
    let frontier: Array<Record<string, unknown>> = [{}];
    for (let depth = 0; depth < 4; depth++) {
      const next: Array<Record<string, unknown>> = [];
      for (const attributes of frontier) {
        for (const v of VARIANTS) {
          const out = await handler(depth === 0 ? launchRequest() : intentRequest(v.intent, { attributes }), {});
          const bh = out.sessionAttributes?.bh as Record<string, unknown> | undefined;
          if (!bh || seen.has(JSON.stringify(bh))) continue;
          seen.add(JSON.stringify(bh));
          realStates.push(bh);
          if (!out.response.shouldEndSession) next.push(out.sessionAttributes!);
          if (depth === 0) break;
        }
      }
      frontier = next;
    }
    // A hang guard for collecting real states on a busy machine, not a timing claim.
  }, 60_000);

  it(`never falls to the error handler, whatever is under bh (seed ${SEED}, 1500 runs)`, async () => {
    expect(realStates.length).toBeGreaterThan(5);
    const keys = [...new Set(realStates.flatMap((s) => Object.keys(s)))];
    // A real state with some fields swapped for another real state's, or broken outright.
    const SAME_FIELD_ELSEWHERE = Symbol('same field of another real state');
    const swapValue = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constant(SAME_FIELD_ELSEWHERE), fc.constantFrom(...realStates)) },
      { weight: 1, arbitrary: wrongType },
      { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
    const mixedState = fc
      .tuple(fc.constantFrom(...realStates), fc.array(fc.tuple(fc.constantFrom(...keys, 'extra'), swapValue), { minLength: 1, maxLength: 3 }))
      .map(([base, swaps]) => {
        const s: Record<string, unknown> = { ...base };
        for (const [k, v] of swaps) s[k] = Array.isArray(v) && v[0] === SAME_FIELD_ELSEWHERE ? (v[1] as Record<string, unknown>)[k] : v;
        return s;
      });
    const bh = fc.oneof({ weight: 3, arbitrary: mixedState }, { weight: 1, arbitrary: garbageBh });
    const turn = fc
      .tuple(fc.oneof(fc.constant(undefined), fc.constantFrom(...VARIANTS)), bh, fc.dictionary(oddText, json, { maxKeys: 2 }))
      .map(([v, state, rest]) => asJson(v ? intentRequest(v.intent, { attributes: { ...rest, bh: state } }) : envelope({ type: 'LaunchRequest' }, { attributes: { ...rest, bh: state } })));

    await fc.assert(
      fc.asyncProperty(turn, async (e) => {
        const before = capturedLines().length;
        await answersWell(e);
        const errors = capturedLines().slice(before).filter((l) => /"error":/.test(l));
        if (errors.length) throw new Error(`reached the error handler: ${errors[0]}`);
      }),
      runs(1500),
    );
  }, 60_000);
});
