import type { Clinical } from './types';

/** Said when Q1-Q5 were all no: reassurance, honestly worded. */
export const CLEAR: readonly Clinical[] = [
  { say: 'Good. None of those warning signs.', sources: ['S-NHS'] },
  { say: 'This sounds like a back spasm. It hurts a lot, but it is rarely serious.', sources: ['S-SEED0'] },
];

export const POSITION_IDS = ['STANDING', 'SITTING', 'BACK', 'SIDE', 'FLOOR', 'BED'] as const;
export type PositionId = (typeof POSITION_IDS)[number];
export function isPositionId(v: unknown): v is PositionId {
  return typeof v === 'string' && (POSITION_IDS as readonly string[]).includes(v);
}

export const ASK_POSITION: Clinical = {
  say: "Let's find a position that eases the spasm. Where are you now? Standing, sitting, lying down, or on the floor?",
  sources: ['S-SEED0', 'S-SEED3'],
};

/** How to get into a position of least pain, by where the person is (S-SEED0, S-SEED2, S-SEED3). */
export const POSITIONS: Readonly<Record<PositionId, readonly Clinical[]>> = {
  STANDING: [
    { say: 'Hold on to a counter or a sturdy chair.', sources: ['S-SEED0'], moves: true },
    { say: 'Lower yourself slowly to the floor or onto a bed.', sources: ['S-SEED0'], moves: true },
    { say: "Keep your back straight. Don't twist or bend at the waist.", sources: ['S-SEED0'], moves: true },
  ],
  SITTING: [
    // S-SEED3 ranks sitting last: it bends the back forward.
    { say: 'Sitting can keep the back tense.', sources: ['S-SEED3'] },
    { say: 'If you can, lower yourself slowly onto a bed or the floor. Use your arms, and don\'t twist.', sources: ['S-SEED0', 'S-SEED3'], moves: true },
  ],
  BACK: [
    { say: 'Stay on your back and bend your knees.', sources: ['S-SEED3'], moves: true },
    { say: 'Put two or three pillows under your knees.', sources: ['S-SEED2'], moves: true },
    { say: 'Or rest your lower legs on a chair or couch, with your hips and knees bent about square.', sources: ['S-SEED0'], moves: true },
  ],
  FLOOR: [
    { say: 'Lie on your back and bend your knees.', sources: ['S-SEED3'], moves: true },
    { say: 'If a chair or couch is close, rest your lower legs on the seat, with your hips and knees bent about square.', sources: ['S-SEED0'], moves: true },
  ],
  BED: [
    { say: 'Lie on your back with pillows under your knees.', sources: ['S-SEED2'], moves: true },
    { say: 'Or lie on your side, curled up a little, with a pillow between your knees.', sources: ['S-SEED2'], moves: true },
  ],
  SIDE: [
    { say: 'Curl up a little, and put a pillow between your knees.', sources: ['S-SEED2'], moves: true },
  ],
};

/** Pregnant, said at any time or Q13: on the side rather than flat on the back (S-NHSPREG). */
export const POSITION_PREGNANT: readonly Clinical[] = [
  { say: 'Lie on your side, with a pillow between your knees and one under your bump.', sources: ['S-NHSPREG'], moves: true },
  { say: 'Try not to lie flat on your back.', sources: ['S-NHSPREG'] },
];

export const TILTS_SKIP_PREGNANT: Clinical = {
  say: "Let's skip the tilts on your back. Your midwife can suggest exercises that suit you.",
  sources: ['S-NHSPREG'],
};

export const POSITION_TRY: Clinical = {
  say: "Try it for less than a minute. If it's easier, stay there for two or three minutes.",
  sources: ['S-NHS', 'S-SEED3'],
};

export const POSITION_STOP_RULE: Clinical = {
  say: 'If pain shoots down your legs, stop and try another way.',
  sources: ['S-SEED0', 'S-NHS'],
};

export const POSITION_SETTLED_ASK: Clinical = {
  say: "Say done when you're settled.",
  sources: ['S-SEED3'],
};

export const TILTS_OFFER: Clinical = {
  say: 'Next, some very gentle pelvic tilts can help the spasm let go. Would you like to try?',
  sources: ['S-SEED0', 'S-SEED2'],
};

export const TILTS_SKIP_T2: Clinical = {
  say: "Let's skip the exercises until a doctor has checked you.",
  sources: ['S-AHCPR'],
};

/** Pelvic tilts on the back, knees bent: small range, slow, with the stop rule first (S-SEED0, S-SEED2, S-SEED3). */
export const TILTS_SETUP: readonly Clinical[] = [
  { say: 'Lie on your back with your knees bent and your feet flat.', sources: ['S-SEED3'], moves: true, exercise: true },
  { say: 'Stop if you feel sharp pain, or pain going into a leg.', sources: ['S-SEED0', 'S-SEED2'] },
  // The whole instruction once, untimed: inside the timed reps only two-word cues, which any voice says in well under a second.
  { say: 'When I say flatten, breathe out, and gently press your low back down flat.', sources: ['S-SEED0', 'S-SEED2', 'S-LOGROLL'], moves: true, exercise: true },
  { say: 'When I say arch, breathe in, and let it arch a little.', sources: ['S-SEED0', 'S-SEED3'], moves: true, exercise: true },
  { say: "Keep it small. We'll do six slow ones together.", sources: ['S-SEED0'], moves: true, exercise: true },
];

export const TILT_REPS = 6;

export const TILTS_FEEL_ASK: Clinical = {
  say: 'How did that feel? Better, the same, or worse?',
  sources: ['S-SEED3'],
};

export const TILTS_FEEL: Readonly<Record<'better' | 'same' | 'worse', Clinical>> = {
  better: { say: "Good. You can do a few more, a few times a day. Don't push into pain.", sources: ['S-SEED0', 'S-SEED2'], moves: true, exercise: true },
  same: { say: "That's okay. It can take time. Resting and slow breathing still help.", sources: ['S-SEED0'] },
  worse: { say: "Then let's stop the tilts for now. Rest in the position that feels easiest.", sources: ['S-SEED0'] },
};

export const GETUP_OFFER: Clinical = {
  say: 'When you want to get up, I can talk you through it, one step at a time. Shall we do that now?',
  sources: ['S-SEED0', 'S-LOGROLL'],
};

/** The log roll, one step per turn (S-SEED0, S-LOGROLL). */
export const LOG_ROLL: readonly Clinical[] = [
  { say: 'Lie on your back and bend your knees.', sources: ['S-LOGROLL'], moves: true, exercise: true },
  { say: "Roll onto your side, all in one piece, like a log. Keep your knees together. Don't twist.", sources: ['S-SEED0', 'S-LOGROLL'], moves: true, exercise: true },
  { say: 'Let your legs slide over the edge of the bed.', sources: ['S-LOGROLL'], moves: true, exercise: true },
  { say: "Push up to sitting with your lower elbow and your top hand. Breathe out as you push. Don't hold your breath.", sources: ['S-LOGROLL'], moves: true, exercise: true },
  { say: 'Sit for a moment. Check that you feel steady.', sources: ['S-LOGROLL'] },
  { say: 'When you feel ready, stand up slowly, using your legs.', sources: ['S-LOGROLL'], moves: true, exercise: true },
];

export const STEP_DONE_ASK: Clinical = {
  say: 'Say next when you are ready.',
  sources: ['S-LOGROLL'],
};

export const LOG_ROLL_DONE: Clinical = {
  say: 'Well done. Walk a few slow steps if you can.',
  sources: ['S-SEED0', 'S-COCH-REST'],
  moves: true,
  exercise: true,
};

/** Spoken cues inside a set of tilts, timed by the pacing model: two words each, explained once in TILTS_SETUP. */
export const TILT_CUES = {
  flatten: { say: 'Now flatten.', sources: ['S-SEED0', 'S-SEED2'], moves: true, exercise: true },
  arch: { say: 'And arch.', sources: ['S-SEED0'], moves: true, exercise: true },
} as const satisfies Record<string, Clinical>;
export type TiltCueId = keyof typeof TILT_CUES;
/** Each half of a tilt, cue included: slow, about four seconds. */
export const TILT_PHASE_SECONDS = 4;
