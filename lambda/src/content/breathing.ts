import type { Clinical } from './types';

/** Breathing paces from docs/clinical/reference.md: slow, no holds, the out-breath at least as long as the in-breath. */
export const PACES = {
  // S-JAFARI: 6 breaths a minute with a longer out-breath lowered pain the most.
  normal: { inSeconds: 4, outSeconds: 6 },
  slower: { inSeconds: 3, outSeconds: 7 },
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

export const BREATHING_INTRO: Record<PaceId, Clinical> = {
  normal: {
    say: "Let's breathe slowly together. In for four, and out for six. Let it be easy, not forced.",
    sources: ['S-JAFARI', 'S-VANDIEST', 'S-BUSCH'],
  },
  slower: {
    say: 'A little slower now. In for three, and a long breath out for seven.',
    sources: ['S-JAFARI', 'S-VANDIEST'],
  },
  even: {
    say: 'In for five, and out for five. Nice and even.',
    sources: ['S-SEED3'],
  },
};

export const BREATHING_DIZZY: Clinical = {
  say: 'If you feel dizzy, make the breaths smaller.',
  sources: ['S-BUSCH'],
};

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
