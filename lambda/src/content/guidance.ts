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
  say: "Let's find a position that helps. Where are you now? Standing, sitting, lying down, or on the floor?",
  sources: ['S-SEED0', 'S-SEED3'],
};

/** Resting positions (docs/clinical/reference.md: positions; S-SEED0, S-SEED2, S-SEED3). */
const REST_BACK: Clinical = { say: 'Lie on your back with your knees bent. Put a pillow under your head, and two or three under your knees.', sources: ['S-SEED2', 'S-SEED3'], moves: true };
const REST_90_90: Clinical = { say: 'Or rest your lower legs on a chair or couch seat, with your hips and knees bent at a right angle.', sources: ['S-SEED0'], moves: true };
const REST_SIDE: Clinical = { say: 'Or lie on your side, curled up a little, with a pillow between your knees.', sources: ['S-SEED2'], moves: true };

/** "Help me lie down": from standing or sitting. */
export const LIE_DOWN_OFFER: Clinical = { say: "If you'd rather lie down, say: help me lie down.", sources: ['S-SEED0', 'S-SEED3'] };

/**
 * Where the person is, to a resting position: every place ends in one, never at "get down" (S-SEED3 ranks lying on
 * the back first, then standing, then hands and knees; sitting last).
 */
export const POSITIONS: Readonly<Record<PositionId, readonly Clinical[]>> = {
  STANDING: [
    { say: 'Hold a counter or the back of a sturdy chair with both hands.', sources: ['S-SEED0', 'S-SEED3'], moves: true },
    { say: 'Keep your knees soft, and let your belly relax.', sources: ['S-SEED3'], moves: true },
    { say: "Don't twist or bend at the waist.", sources: ['S-SEED0'] },
    LIE_DOWN_OFFER,
  ],
  SITTING: [
    // S-SEED3 ranks sitting last: it bends the back forward.
    { say: 'Sitting can keep your back tense.', sources: ['S-SEED3'] },
    { say: 'For now, sit back with your back supported and your feet flat.', sources: ['S-SEED3'], moves: true },
    LIE_DOWN_OFFER,
  ],
  BACK: [
    { say: 'Stay on your back and bend your knees.', sources: ['S-SEED3'], moves: true },
    { say: 'Put a pillow under your head, and two or three under your knees.', sources: ['S-SEED2'], moves: true },
    REST_90_90,
  ],
  FLOOR: [REST_BACK, REST_90_90, { say: 'Resting on your hands and knees is fine too.', sources: ['S-SEED3'], moves: true }],
  BED: [REST_BACK, REST_SIDE],
  SIDE: [
    { say: 'Curl up a little, and put a pillow between your knees.', sources: ['S-SEED2'], moves: true },
  ],
};

/** Down to the floor from standing or sitting, one step a turn, ending on the back (S-SEED0, S-NHSFALL). */
export const GET_DOWN: readonly Clinical[] = [
  { say: 'Hold a sturdy chair or the counter with both hands.', sources: ['S-SEED0', 'S-NHSFALL'], moves: true },
  { say: 'Slowly lower yourself onto one knee, then the other. Keep your back straight.', sources: ['S-SEED0', 'S-NHSFALL'], moves: true },
  { say: 'Put your hands on the floor. You are on your hands and knees now. You can rest here.', sources: ['S-NHSFALL', 'S-SEED3'], moves: true },
  { say: "Lower yourself onto your side. Then roll onto your back, all in one piece. Don't twist.", sources: ['S-NHSFALL', 'S-LOGROLL'], moves: true },
];

/** Asked before the way down when the age is not known: getting back up from the floor is harder when older (S-NHSFALL). */
export const DOWN_AGE_ASK: Clinical = { say: 'Before we start: are you over sixty-five?', sources: ['S-NHSFALL'] };
export const DOWN_STAY_SUPPORTED: Clinical = {
  say: 'For now, stay where you are, supported. Only get down to the floor if someone is with you to help you up.',
  sources: ['S-NHSFALL'],
};

/** A position is held inside one reply: a minute of quiet with a few calm cues (the listening window is 8 s). */
export const HOLD_SECONDS = 60;
export const HOLD_INTRO: Clinical = { say: "Let's stay here together for a minute. I'll keep time.", sources: ['S-SEED3'] };
export const HOLD_CUES: readonly Clinical[] = [
  { say: 'Let your belly soften.', sources: ['S-SEED3'] },
  { say: 'Breathe out slowly.', sources: ['S-SEED3', 'S-VANDIEST'] },
  { say: "You're doing well.", sources: ['S-SEED0'] },
];
export const HOLD_CHECK_IN: Clinical = {
  say: 'How is that? Say another minute to stay longer, or done to go on.',
  sources: ['S-SEED3'],
};
/** At most this many minutes in one position before moving on. */
export const MAX_HOLDS = 5;

/** Pain during an exercise or moving (docs/clinical/reference.md: gentle movement): stop, kindly, and one check. */
export const PAIN_STOP: Clinical = {
  say: "Then stop there, gently. Go back to the position that felt easiest, and rest.",
  sources: ['S-SEED0', 'S-SEED2'],
};
export const PAIN_CHECK = {
  ask: { say: 'Is pain now going down both legs, or is there numbness between your legs?', sources: ['S-NHS', 'S-BMJCES'] },
  askAgain: { say: 'Has pain started going down both legs, or has it gone numb between your legs?', sources: ['S-NHS', 'S-BMJCES'] },
  heard: { say: 'You said pain goes down both legs, or it is numb between your legs.', sources: ['S-NHS', 'S-BMJCES'] },
  unsure: { say: "You weren't sure about your legs.", sources: ['S-NHS', 'S-BMJCES'] },
  clear: { say: 'Good. Rest as long as you need. We can try again later.', sources: ['S-SEED0'] },
  /** It hurt in a resting position: not the same one again (POSITION_STOP_RULE: stop and try another way). */
  another: { say: "Good. Let's try another way to rest.", sources: ['S-SEED0'] },
} as const satisfies Record<string, Clinical>;

/** Pregnant, said at any time or Q13: on the side rather than flat on the back (S-NHSPREG). */
export const POSITION_PREGNANT: readonly Clinical[] = [
  { say: 'Lie on your side, with a pillow between your knees and one under your bump.', sources: ['S-NHSPREG'], moves: true },
  { say: 'Try not to lie flat on your back.', sources: ['S-NHSPREG'] },
];

export const TILTS_SKIP_PREGNANT: Clinical = {
  say: "Let's skip the tilts on your back. Your midwife can suggest exercises that suit you.",
  sources: ['S-NHSPREG'],
};

export const POSITION_STOP_RULE: Clinical = {
  say: 'If pain shoots down your legs, stop and try another way.',
  sources: ['S-SEED0', 'S-NHS'],
};


export const TILTS_OFFER: Clinical = {
  // They are done on the back, which pregnancy rules out: asked here, since Q13 comes after them (S-NHSPREG).
  say: "Next, some gentle pelvic tilts can help the spasm let go. They're done on your back: if you're pregnant, say so, and we'll skip them. Would you like to try?",
  sources: ['S-SEED0', 'S-SEED2', 'S-NHSPREG'],
};

/** The tilts offer again, short, after other words (an answer to a question, words not caught). */
export const TILTS_OFFER_AGAIN: Clinical = {
  say: "Would you like to try the gentle tilts on your back? If you're pregnant, say so, and we'll skip them.",
  sources: ['S-SEED0', 'S-NHSPREG'],
};

/** Standing or sitting: the tilts are done lying on the back (S-SEED3), so they wait; "help me lie down" leads there. */
export const TILTS_SKIP_UPRIGHT: Clinical = {
  say: "Pelvic tilts are done lying on your back, so let's leave them for now.",
  sources: ['S-SEED3'],
};

export const TILTS_SKIP_T2: Clinical = {
  say: "Let's skip exercises until a doctor checks you.",
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
  say: 'I can talk you through getting up, step by step. Shall we do that now?',
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

/** Up from the floor, never via a bed edge (S-NHSFALL, S-LOGROLL). */
export const FLOOR_GET_UP: readonly Clinical[] = [
  { say: 'Bend your knees, and roll onto your side, all in one piece.', sources: ['S-NHSFALL', 'S-LOGROLL'], moves: true, exercise: true },
  { say: 'Push yourself up onto your hands and knees.', sources: ['S-NHSFALL'], moves: true, exercise: true },
  { say: 'Crawl slowly to a sturdy chair or sofa.', sources: ['S-NHSFALL'], moves: true, exercise: true },
  { say: 'Put your hands on the seat. Bring one knee up, with that foot flat on the floor.', sources: ['S-NHSFALL'], moves: true, exercise: true },
  { say: 'Breathe out, and push up with your legs. Turn, and sit down on the seat.', sources: ['S-NHSFALL', 'S-LOGROLL'], moves: true, exercise: true },
  { say: 'Rest there for a moment. Stand up slowly when you feel ready.', sources: ['S-NHSFALL'], moves: true, exercise: true },
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
