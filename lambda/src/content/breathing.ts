import type { Clinical } from './types';

/** Breathing paces from docs/clinical/reference.md: slow, no holds, the out-breath at least as long as the in-breath. */
export const PACES = {
  // S-JAFARI: 6 breaths a minute with a longer out-breath lowered pain the most.
  normal: { inSeconds: 4, outSeconds: 6 },
  // "slower": 5 a minute, the out-breath twice the in-breath (S-VANDIEST).
  slower: { inSeconds: 4, outSeconds: 8 },
  // "too slow", "easier", "faster": 7.5 a minute, for anyone who can't manage 6 a minute (S-BUSCH: effortless).
  faster: { inSeconds: 3, outSeconds: 5 },
  // S-SEED3: the seed's 5 in / 5 out, on request.
  even: { inSeconds: 5, outSeconds: 5 },
} as const;
export type PaceId = keyof typeof PACES;
export const PACE_IDS = Object.keys(PACES) as PaceId[];

export function isPaceId(v: unknown): v is PaceId {
  return typeof v === 'string' && Object.hasOwn(PACES, v);
}

/** One minute per response (docs/clinical/reference.md: breathing), up to about five minutes. */
export const BREATHS_PER_SET = 6;
export const MAX_SETS = 5;

/** The cue words spoken inside a set: short and calm, no questions, no counting (S-BUSCH). */
export const CUES = {
  firstIn: 'Breathe in.',
  in: 'In.',
  out: 'And out.',
} as const;
export type CueId = keyof typeof CUES;

/**
 * The pace line: before the first set, and (until the flow uses breathingLead) whenever the pace changes. Only the
 * default pace carries the welcome; the others say how they differ from it.
 */
export const BREATHING_INTRO: Record<PaceId, Clinical> = {
  normal: {
    say: "Let's breathe slowly together. In for four, and out for six. Let it be easy, not forced.",
    sources: ['S-JAFARI', 'S-VANDIEST', 'S-BUSCH'],
  },
  slower: {
    say: 'A little slower now. In for four, and a long breath out for eight.',
    sources: ['S-JAFARI', 'S-VANDIEST'],
  },
  faster: {
    say: 'A little quicker now. In for three, and out for five. Let it be easy.',
    sources: ['S-BUSCH', 'S-VANDIEST'],
  },
  even: {
    say: 'In for five, and out for five. Nice and even.',
    sources: ['S-SEED3'],
  },
};

/** The pace line when the pace changes after the first set: the welcome is not said again. */
export const BREATHING_PACE_CHANGE: Record<PaceId, Clinical> = {
  normal: { say: 'Back to normal. In for four, and out for six.', sources: ['S-JAFARI', 'S-VANDIEST'] },
  slower: BREATHING_INTRO.slower,
  faster: BREATHING_INTRO.faster,
  even: BREATHING_INTRO.even,
};

/** One belly cue, said once, before the first set (S-SEED3: belly breathing). */
export const BELLY_CUE: Clinical = {
  say: 'Let your belly rise as you breathe in.',
  sources: ['S-SEED3'],
};

/** Said in the first set, and again whenever the person says they feel dizzy or lightheaded. */
export const BREATHING_DIZZY: Clinical = {
  say: 'If you feel dizzy, make the breaths smaller, or breathe normally for a while.',
  sources: ['S-BUSCH'],
};

/**
 * After "I feel dizzy": feeling faint is a warning sign (Q2), so the dizzy answer always says what to tell the
 * skill at once; the flow asks the faint question itself when the person is not breathing with it.
 */
export const DIZZY_SAFETY: Clinical = {
  say: 'If you feel faint, or you have chest pain, tell me right away.',
  sources: ['S-NHS', 'S-NHSHEART'],
};

/**
 * What to say before a set. The first set of a conversation gets the intro, the belly cue and the dizziness
 * caution (each said once); a later set gets only the new pace line when the pace changed, else nothing.
 */
export function breathingLead(pace: PaceId, first: boolean, paceChanged: boolean): readonly Clinical[] {
  if (first) return [BREATHING_INTRO[pace], BELLY_CUE, BREATHING_DIZZY];
  return paceChanged ? [BREATHING_PACE_CHANGE[pace]] : [];
}


export const BREATHING_SET_DONE: Clinical = {
  say: 'That was one minute. Would you like another minute?',
  sources: ['S-JAFARI'],
};

export const BREATHING_LAST_SET: Clinical = {
  say: 'That was five minutes of slow breathing. Well done.',
  sources: ['S-JAFARI'],
};

export const BREATHING_OFFER: Clinical = {
  say: 'Slow breathing can help the muscles let go. Shall we breathe together for a minute?',
  sources: ['S-SEED0', 'S-JAFARI'],
};
