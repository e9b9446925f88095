// Offline stand-in for Alexa's NLU: maps typed text to an intent and slots using the interaction model's samples.
import type { slu } from 'ask-sdk-model';
import { DEFAULT_SKILL_ID } from './envelope';
import type { InteractionModel, IntentSlot, SlotType, SlotTypeValue } from './model';

export interface MatchedSlot {
  name: string;
  value?: string;
  resolutions?: slu.entityresolution.Resolutions;
}

export interface Match {
  intent: string;
  /** Every slot the intent declares, as Alexa sends them; unfilled slots have no value. */
  slots: Record<string, MatchedSlot>;
  /** The sample (or built-in phrasing) that matched, as written in the model. */
  sample: string;
}

export interface MatchOptions {
  /** Used in the entity-resolution authority string, as Alexa does. */
  skillId?: string;
}

export type Invocation =
  | { kind: 'launch' }
  | { kind: 'oneShot'; utterance: string }
  | { kind: 'utterance'; utterance: string };

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

/**
 * Usual phrasings of Alexa's built-in intents; Alexa hears these without samples.
 * Only intents the model declares are matched.
 */
export const BUILT_IN_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.YesIntent': [
    'yes', 'yeah', 'yep', 'yup', 'yes please', 'sure', 'sure thing', 'okay', 'ok', 'please do', 'yes i do',
    'i do', 'yeah sure', 'of course', 'definitely', 'absolutely', 'alright', 'all right', 'go ahead', 'do it',
    'sounds good', 'correct', 'that is right', 'right', 'yes i would', 'i would', 'ok sure', 'why not',
  ],
  'AMAZON.NoIntent': [
    'no', 'nope', 'nah', 'no thanks', 'no thank you', 'not really', 'not now', 'no i do not', 'i do not',
    'no way', 'negative', 'not at the moment', 'i would rather not', 'no i would not',
  ],
  'AMAZON.HelpIntent': [
    'help', 'help me', 'help please', 'what can i say', 'what can you do', 'what do i say', 'what do i do',
    'what are my options', 'how does this work', 'i need help', 'can you help me', 'what should i say',
  ],
  'AMAZON.StopIntent': [
    'stop', 'quit', 'exit', 'shut up', 'be quiet', 'quiet', 'stop it', 'stop talking', 'off', 'turn off',
    'enough', 'that is enough', 'goodbye', 'good bye', 'bye', 'stop please',
  ],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it', 'cancel that', 'cancel it'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home', 'main menu', 'go to the main menu', 'go to main menu', 'go back home'],
  'AMAZON.RepeatIntent': [
    'repeat', 'repeat that', 'repeat please', 'say that again', 'say it again', 'say again', 'what', 'pardon',
    'pardon me', 'come again', 'what did you say', 'sorry what', 'again', 'one more time', 'i did not catch that',
    'can you repeat that',
  ],
  'AMAZON.StartOverIntent': [
    'start over', 'restart', 'begin again', 'start again', 'start from the beginning', 'from the beginning',
    'start over please', 'let us start over',
  ],
  // "skip" is deliberately absent: Alexa does not map it to NextIntent.
  'AMAZON.NextIntent': ['next', 'next one', 'next please', 'go to the next one', 'next step'],
  'AMAZON.PreviousIntent': ['go back', 'previous', 'back', 'previous one', 'the previous one', 'go to the previous one', 'last one'],
  'AMAZON.PauseIntent': ['pause', 'pause that', 'pause please', 'hold on', 'wait', 'wait a minute', 'hang on', 'wait a second'],
  'AMAZON.ResumeIntent': ['resume', 'continue', 'keep going', 'carry on', 'go on', 'unpause', 'resume please'],
};

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Maps, not plain objects, so a typed word like "constructor" cannot hit Object.prototype. */
function mapOf<V>(entries: Record<string, V>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}

function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Contractions spelled without the apostrophe that are not also ordinary words (so "were", "ill", "well" stay). */
const BARE_CONTRACTIONS: ReadonlyMap<string, string> = mapOf({
  cant: 'cannot', dont: 'do not', doesnt: 'does not', didnt: 'did not', isnt: 'is not', arent: 'are not',
  wasnt: 'was not', werent: 'were not', wont: 'will not', wouldnt: 'would not', couldnt: 'could not',
  shouldnt: 'should not', havent: 'have not', hasnt: 'has not', hadnt: 'had not', aint: 'is not',
  im: 'i am', ive: 'i have', youre: 'you are', youve: 'you have', theyre: 'they are', thats: 'that is',
  whats: 'what is', theres: 'there is', heres: 'here is', its: 'it is', hows: 'how is', wheres: 'where is',
  whos: 'who is', ok: 'okay', alright: 'all right',
});

/** Normalised words plus, for each, which typed words (start/end index into `spoken`) it came from. */
export interface AnalyzedText {
  words: string[];
  /** The typed words, lowercased, punctuation dropped, apostrophes kept: what Alexa would put in a slot value. */
  spoken: string[];
  from: number[];
  to: number[];
}

function expandContractions(token: string): string {
  return token
    .replace(/^can't$/, 'cannot')
    .replace(/^won't$/, 'will not')
    .replace(/^shan't$/, 'shall not')
    .replace(/^ain't$/, 'is not')
    .replace(/n't$/, ' not')
    .replace(/^let's$/, 'let us')
    .replace(/^(it|that|what|there|here|who|where|how|he|she|when|why)'s$/, '$1 is')
    .replace(/^i'm$/, 'i am')
    .replace(/'re$/, ' are')
    .replace(/'ve$/, ' have')
    .replace(/'ll$/, ' will')
    .replace(/'d$/, ' would')
    .replace(/'/g, '');
}

/** Lowercases, drops punctuation and spells contractions one way, remembering where each word came from. */
export function analyze(text: string): AnalyzedText {
  const cleaned = text
    .toLowerCase()
    .replace(/[\u2018\u2019`\u00b4]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[,!?.;:"\u201c\u201d()[\]{}]/g, ' ')
    .replace(/[-\u2013\u2014_/]/g, ' ');
  const spoken = cleaned
    .split(/\s+/)
    .map((t) => t.replace(/^'+|'+$/g, '')) // quote marks, not apostrophes
    .filter((t) => t.length > 0);
  const out: AnalyzedText = { words: [], spoken, from: [], to: [] };
  spoken.forEach((token, index) => {
    for (const piece of expandContractions(token).split(/\s+/)) {
      if (!piece) continue;
      const last = out.words.length - 1;
      if (piece === 'not' && out.words[last] === 'can') {
        out.words[last] = 'cannot'; // "can not" is "cannot"
        out.to[last] = index;
        continue;
      }
      for (const word of (BARE_CONTRACTIONS.get(piece) ?? piece).split(' ')) {
        out.words.push(word);
        out.from.push(index);
        out.to.push(index);
      }
    }
  });
  return out;
}

/** The typed words behind normalised words [start, end); falls back to the normalised words if a typed word is split. */
export function spokenSpan(text: AnalyzedText, start: number, end: number): string {
  const first = text.from[start];
  const last = text.to[end - 1];
  const splitsLeft = start > 0 && text.to[start - 1] >= first;
  const splitsRight = end < text.words.length && text.from[end] <= last;
  if (splitsLeft || splitsRight) return text.words.slice(start, end).join(' ');
  return text.spoken.slice(first, last + 1).join(' ');
}

export function normalizeWords(text: string): string[] {
  return analyze(text).words;
}

export function normalize(text: string): string {
  return normalizeWords(text).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Numbers (AMAZON.NUMBER)

const UNITS: ReadonlyMap<string, number> = mapOf({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const SCALES: ReadonlyMap<string, number> = mapOf({ hundred: 100, thousand: 1000, million: 1000000 });

/** "twenty five" → 25, "a hundred and ten" → 110, "42" → 42; anything else → null. */
export function parseNumber(words: readonly string[]): number | null {
  if (words.length === 1 && /^\d+$/.test(words[0])) return Number(words[0]);
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const unit = UNITS.get(w);
    const scale = SCALES.get(w);
    if (unit !== undefined) {
      current += unit;
      seen = true;
    } else if (/^\d+$/.test(w)) {
      current += Number(w);
      seen = true;
    } else if (scale !== undefined) {
      if (current === 0) current = 1; // "hundred" alone, or after "a"
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
      seen = true;
    } else if (w === 'a' && i === 0 && SCALES.has(words[i + 1] ?? '')) {
      current = 1;
    } else if (w === 'and' && seen && i < words.length - 1) {
      continue;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

// ---------------------------------------------------------------------------------------------
// Compiled model

type Part = { kind: 'word'; word: string } | { kind: 'slot'; name: string; type: string };

interface Pattern {
  intent: string;
  sample: string;
  parts: Part[];
  literalCount: number;
  slotCount: number;
  /** False for phrases from BUILT_IN_PHRASES. */
  fromModel: boolean;
  order: number;
}

interface CompiledModel {
  patterns: Pattern[];
  slotsByIntent: Map<string, IntentSlot[]>;
  typeIndex: Map<string, Map<string, SlotTypeValue[]>>;
  types: Map<string, SlotType>;
  intents: Set<string>;
}

const compiledCache = new WeakMap<InteractionModel, CompiledModel>();

function compileSample(sample: string, slots: IntentSlot[]): Part[] | null {
  const parts: Part[] = [];
  for (const piece of sample.split(/(\{[^}]*\})/)) {
    const slotRef = /^\{\s*([^}\s]+)\s*\}$/.exec(piece);
    if (slotRef) {
      const slot = slots.find((s) => s.name === slotRef[1]);
      if (!slot) return null; // ASK rejects samples naming undeclared slots; skip rather than guess
      parts.push({ kind: 'slot', name: slot.name, type: slot.type });
    } else {
      for (const word of normalizeWords(piece)) parts.push({ kind: 'word', word });
    }
  }
  return parts.length > 0 ? parts : null;
}

function compile(model: InteractionModel): CompiledModel {
  const cached = compiledCache.get(model);
  if (cached) return cached;
  const lm = model.interactionModel.languageModel;
  const patterns: Pattern[] = [];
  const slotsByIntent = new Map<string, IntentSlot[]>();
  const intents = new Set<string>();
  let order = 0;
  const add = (intent: string, sample: string, slots: IntentSlot[], fromModel: boolean): void => {
    const parts = compileSample(sample, slots);
    if (!parts) return;
    const literalCount = parts.filter((p) => p.kind === 'word').length;
    patterns.push({ intent, sample, parts, literalCount, slotCount: parts.length - literalCount, fromModel, order: order++ });
  };
  for (const intent of lm.intents) {
    intents.add(intent.name);
    const slots = intent.slots ?? [];
    slotsByIntent.set(intent.name, slots);
    if (intent.name === FALLBACK_INTENT) continue; // Fallback is chosen by the absence of a match, never by phrase
    for (const sample of intent.samples ?? []) add(intent.name, sample, slots, true);
  }
  for (const intent of lm.intents) {
    for (const phrase of own(BUILT_IN_PHRASES, intent.name) ?? []) add(intent.name, phrase, [], false);
  }
  const types = new Map<string, SlotType>();
  const typeIndex = new Map<string, Map<string, SlotTypeValue[]>>();
  for (const type of lm.types ?? []) {
    types.set(type.name, type);
    const index = new Map<string, SlotTypeValue[]>();
    for (const value of type.values ?? []) {
      for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
        const key = normalize(phrase);
        const list = index.get(key) ?? [];
        if (!list.includes(value)) list.push(value);
        index.set(key, list);
      }
    }
    typeIndex.set(type.name, index);
  }
  const compiled: CompiledModel = { patterns, slotsByIntent, typeIndex, types, intents };
  compiledCache.set(model, compiled);
  return compiled;
}

/** Whether the model declares an intent (built-in intents count only when declared). */
export function declaresIntent(model: InteractionModel, intent: string): boolean {
  return compile(model).intents.has(intent);
}

// ---------------------------------------------------------------------------------------------
// Matching

/** Ways the pattern can cover all the words: one [start, end) span per slot, in order. Capped to stay cheap. */
function alignments(parts: Part[], words: string[], limit = 256): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  const spans: Array<[number, number]> = [];
  const walk = (p: number, w: number): void => {
    if (out.length >= limit) return;
    if (p === parts.length) {
      if (w === words.length) out.push(spans.slice());
      return;
    }
    const part = parts[p];
    if (part.kind === 'word') {
      if (words[w] === part.word) walk(p + 1, w + 1);
      return;
    }
    const minRest = parts.length - p - 1; // every later part needs at least one word
    for (let end = w + 1; end <= words.length - minRest; end++) {
      spans.push([w, end]);
      walk(p + 1, end);
      spans.pop();
    }
  };
  walk(0, 0);
  return out;
}

interface SlotFill {
  ok: boolean;
  resolved: boolean;
  slot: MatchedSlot;
}

function fillSlot(compiled: CompiledModel, name: string, type: string, words: string[], spoken: string, skillId: string): SlotFill {
  const value = spoken;
  const index = compiled.typeIndex.get(type);
  if (!index && (type === 'AMAZON.NUMBER' || type === 'AMAZON.FOUR_DIGIT_NUMBER')) {
    const n = parseNumber(words);
    if (n === null) return { ok: false, resolved: false, slot: { name } };
    return { ok: true, resolved: true, slot: { name, value: String(n) } };
  }
  if (!index) {
    // Other built-in types (AMAZON.SearchQuery, AMAZON.FirstName…) take the words as spoken, without resolutions.
    return { ok: true, resolved: true, slot: { name, value } };
  }
  const authority = `amzn1.er-authority.echo-sdk.${skillId}.${type}`;
  const found = index.get(words.join(' '));
  if (found && found.length > 0) {
    return {
      ok: true,
      resolved: true,
      slot: {
        name,
        value,
        resolutions: {
          resolutionsPerAuthority: [
            {
              authority,
              status: { code: 'ER_SUCCESS_MATCH' },
              values: found.map((v) => ({ value: { name: v.name.value, id: v.id ?? v.name.value } })),
            },
          ],
        },
      },
    };
  }
  return {
    ok: true,
    resolved: false,
    slot: {
      name,
      value,
      resolutions: { resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_NO_MATCH' }, values: [] }] },
    },
  };
}

interface Candidate {
  match: Match;
  /** 3 = exact sample, 2 = slots all resolved, 1 = some custom slot unresolved. */
  tier: number;
  pattern: Pattern;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.tier !== b.tier) return a.tier > b.tier;
  if (a.pattern.literalCount !== b.pattern.literalCount) return a.pattern.literalCount > b.pattern.literalCount;
  // model samples are compiled before the built-in table, so on a tie they win
  return a.pattern.order < b.pattern.order;
}

function emptySlots(compiled: CompiledModel, intent: string): Record<string, MatchedSlot> {
  const slots: Record<string, MatchedSlot> = {};
  for (const s of compiled.slotsByIntent.get(intent) ?? []) slots[s.name] = { name: s.name };
  return slots;
}

/** The intent and slots Alexa would most likely send for `text`, or null (→ AMAZON.FallbackIntent). */
export function matchUtterance(model: InteractionModel, text: string, options: MatchOptions = {}): Match | null {
  const compiled = compile(model);
  const analyzed = analyze(text);
  const words = analyzed.words;
  if (words.length === 0) return null;
  const skillId = options.skillId ?? DEFAULT_SKILL_ID;
  let best: Candidate | null = null;
  for (const pattern of compiled.patterns) {
    if (pattern.parts.length > words.length) continue;
    if (pattern.slotCount === 0) {
      if (pattern.parts.length !== words.length) continue;
      if (!pattern.parts.every((p, i) => p.kind === 'word' && p.word === words[i])) continue;
      const cand: Candidate = {
        match: { intent: pattern.intent, slots: emptySlots(compiled, pattern.intent), sample: pattern.sample },
        tier: 3,
        pattern,
      };
      if (!best || better(cand, best)) best = cand;
      continue;
    }
    for (const spans of alignments(pattern.parts, words)) {
      const slots = emptySlots(compiled, pattern.intent);
      let ok = true;
      let allResolved = true;
      let k = 0;
      for (const part of pattern.parts) {
        if (part.kind !== 'slot') continue;
        const [start, end] = spans[k++];
        const fill = fillSlot(compiled, part.name, part.type, words.slice(start, end), spokenSpan(analyzed, start, end), skillId);
        if (!fill.ok) {
          ok = false;
          break;
        }
        allResolved &&= fill.resolved;
        slots[part.name] = fill.slot;
      }
      if (!ok) continue;
      const cand: Candidate = { match: { intent: pattern.intent, slots, sample: pattern.sample }, tier: allResolved ? 2 : 1, pattern };
      if (!best || better(cand, best)) best = cand;
    }
  }
  return best ? best.match : null;
}

// ---------------------------------------------------------------------------------------------
// "Did you mean" suggestions

const WEAK_WORDS = new Set([
  'i', 'a', 'an', 'the', 'my', 'me', 'to', 'is', 'it', 'do', 'of', 'and', 'you', 'am', 'can', 'cannot', 'in',
  'on', 'for', 'with', 'please', 'what', 'how', 'that', 'this', 'be', 'are', 'not',
]);

function wordWeight(w: string): number {
  return WEAK_WORDS.has(w) ? 0.3 : 1;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

function similarity(a: string[], b: string[]): number {
  const pool = b.slice();
  let common = 0;
  for (const w of a) {
    let idx = pool.indexOf(w);
    let credit = 1;
    if (idx < 0 && w.length >= 4) {
      // near-misses such as "breath"/"breathe" count half
      idx = pool.findIndex((x) => x.length >= 4 && editDistance(w, x) <= 1);
      credit = 0.5;
    }
    if (idx >= 0) {
      common += credit * wordWeight(w);
      pool.splice(idx, 1);
    }
  }
  const total = a.reduce((s, w) => s + wordWeight(w), 0) + b.reduce((s, w) => s + wordWeight(w), 0);
  const dice = total > 0 ? (2 * common) / total : 0;
  const sa = a.join(' ');
  const sb = b.join(' ');
  const chars = 1 - editDistance(sa, sb) / Math.max(sa.length, sb.length, 1);
  return dice + 0.25 * chars;
}

const BUILT_IN_EXAMPLES: Readonly<Record<string, string>> = {
  'AMAZON.NUMBER': 'three',
  'AMAZON.FOUR_DIGIT_NUMBER': '2024',
  'AMAZON.DURATION': 'five minutes',
  'AMAZON.Ordinal': 'first',
};

function fillForExample(compiled: CompiledModel, pattern: Pattern): string {
  return pattern.sample.replace(/\{\s*([^}\s]+)\s*\}/g, (_, name: string) => {
    const part = pattern.parts.find((p) => p.kind === 'slot' && p.name === name);
    const type = part && part.kind === 'slot' ? part.type : '';
    const first = compiled.types.get(type)?.values?.[0]?.name.value;
    return first ?? own(BUILT_IN_EXAMPLES, type) ?? 'something';
  });
}

/** The `n` phrases closest to `text` (one per intent), slots filled with an example value, for a "did you mean". */
export function suggestPhrases(model: InteractionModel, text: string, n = 3): string[] {
  const compiled = compile(model);
  const words = normalizeWords(text);
  const bestByIntent = new Map<string, { phrase: string; score: number; order: number }>();
  const firstBuiltIn = new Set<string>();
  for (const pattern of compiled.patterns) {
    if (!pattern.fromModel) {
      // one canonical phrasing per built-in intent is enough to suggest
      if (firstBuiltIn.has(pattern.intent)) continue;
      firstBuiltIn.add(pattern.intent);
    }
    const phrase = fillForExample(compiled, pattern);
    const score = similarity(words, normalizeWords(phrase));
    const prev = bestByIntent.get(pattern.intent);
    if (!prev || score > prev.score) bestByIntent.set(pattern.intent, { phrase, score, order: pattern.order });
  }
  return [...bestByIntent.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, Math.max(0, n))
    .map((c) => c.phrase);
}

// ---------------------------------------------------------------------------------------------
// Invocation phrases

function lightNormalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`\u00b4]/g, "'")
    .replace(/[,!?.;:"\u201c\u201d]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits what the user said to the device: "open back helper" launches, "ask back helper to …" is a one-shot,
 * anything else is an utterance (the wake word "alexa" is dropped).
 */
export function parseInvocation(text: string, invocationName: string): Invocation {
  let t = lightNormalize(text);
  let woke = false;
  const wake = /^(?:hey\s+|ok\s+)?alexa(?:\s+|$)/.exec(t);
  if (wake) {
    woke = true;
    t = t.slice(wake[0].length).trim();
  }
  const name = lightNormalize(invocationName);
  if (name) {
    const inv = `(?:the\\s+)?${name.split(' ').map(escapeRegExp).join('\\s+')}`;
    const launchVerbs = '(?:open|launch|start|begin|run|load|play|use|talk\\s+to|speak\\s+to|go\\s+to)';
    if (new RegExp(`^${launchVerbs}\\s+${inv}(?:\\s+please)?$`).test(t)) return { kind: 'launch' };
    if (new RegExp(`^(?:ask|tell)\\s+${inv}$`).test(t)) return { kind: 'launch' };
    if (woke && new RegExp(`^${inv}$`).test(t)) return { kind: 'launch' };
    const ask = new RegExp(`^(?:ask|tell|have)\\s+${inv}\\s+(?:(?:to|about|for|if|whether|that|and)\\s+)?(.+)$`).exec(t);
    if (ask) return { kind: 'oneShot', utterance: ask[1].trim() };
    const openAnd = new RegExp(`^${launchVerbs}\\s+${inv}\\s+(?:and|to)\\s+(.+)$`).exec(t);
    if (openAnd) return { kind: 'oneShot', utterance: openAnd[1].trim() };
    const using = new RegExp(`^(.+?)\\s+(?:using|with|from|on)\\s+${inv}$`).exec(t);
    if (using) return { kind: 'oneShot', utterance: using[1].trim() };
  }
  return { kind: 'utterance', utterance: t };
}
