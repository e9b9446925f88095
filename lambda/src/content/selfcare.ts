import type { Clinical } from './types';
import { withOtherCountry } from '../locale';
import { T2_ADVICE } from './screen';

export const SELF_CARE_INTRO: Clinical = {
  say: 'Now, caring for your back.',
  sources: ['S-NHS'],
};

/** Keep moving a little (S-SEED0, S-SEED1, S-SEED2, S-COCH-REST). */
export const KEEP_MOVING: readonly Clinical[] = [
  { say: 'Keep moving a little, and often. A short walk of a few minutes helps.', sources: ['S-SEED0', 'S-COCH-REST'], moves: true },
  { say: 'Try not to stay in bed for more than a day or two.', sources: ['S-SEED1', 'S-SEED2', 'S-COCH-REST'] },
];

/**
 * Asked before any pain-relief suggestion (S-NSAID): the cautions as three short questions, each a short list,
 * each whole on its own, so it can be asked again after something else was said. Any yes: ask a pharmacist.
 */
export const MEDICINE_CHECK_INTRO: Clinical = { say: 'Before pain pills, a quick check.', sources: ['S-NSAID'] };
export const MEDICINE_CHECKS: readonly { readonly ask: Clinical; readonly askAgain: Clinical }[] = [
  {
    ask: { say: 'Are you pregnant, over sixty-five, or on blood thinners?', sources: ['S-NSAID'] },
    askAgain: { say: 'Is any of this true: pregnant, over sixty-five, or taking blood thinners?', sources: ['S-NSAID'] },
  },
  {
    ask: { say: 'Do you have asthma, high blood pressure, a stomach ulcer, or heart, kidney or liver trouble?', sources: ['S-NSAID'] },
    askAgain: { say: 'Do you have any heart, kidney, liver or stomach problems, asthma, or high blood pressure?', sources: ['S-NSAID'] },
  },
  {
    ask: { say: 'Have aspirin or ibuprofen ever made you feel ill?', sources: ['S-NSAID'] },
    askAgain: { say: 'Has a pill like aspirin or ibuprofen ever made you ill?', sources: ['S-NSAID'] },
  },
];

const capital = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

export const MEDICINE_OK: Clinical = {
  // UK: ibuprofen only (naproxen needs a prescription there): the name comes from the locale.
  say: (l) => `${capital(l.antiInflammatory)} can help with the pain. Follow the label.`,
  sources: ['S-SEED0', 'S-ACP', 'S-NG59'],
};

/** Asked about a pain medicine when pregnant: no medicine check, a pharmacist first (S-NSAID, S-NHSPREG). */
export const PREGNANT_ASK_PHARMACIST: Clinical = {
  say: 'Please ask a pharmacist before you take any pain medicine.',
  sources: ['S-NSAID'],
};

export const MEDICINE_ASK_PHARMACIST: Clinical = {
  say: 'Then ask a pharmacist before you take any pain medicine.',
  sources: ['S-NSAID'],
};

/** When to see a doctor: the safety net at the end of every plan (S-SEED0, S-SEED1, S-NHS). */
export const WHEN_TO_SEE_DOCTOR: readonly Clinical[] = [
  { say: 'Most flare-ups ease within a couple of weeks.', sources: ['S-NHS'] },
  { say: (l) => `If the spasm is still bad after about twelve hours, call your ${l.doctor}.`, sources: ['S-SEED1'] },
  { say: (l) => `If it is not getting better in three to five days, or pain spreads down a leg, book a ${l.doctor}.`, sources: ['S-SEED0'] },
];

export const EMERGENCY_SAFETY_NET: Clinical = {
  say: (l) => withOtherCountry(l, `Call ${l.emergencyNumber} straight away if you get any of these: numbness between your legs, trouble peeing or with your bowels, or weak legs.`),
  sources: ['S-NHS', 'S-BMJCES'],
};

// ---------------------------------------------------------------------------------------------
// The seeds' missing advice (docs/clinical/reference.md: self-care; gentle movement), each said once.

/** Where it fits: the plan's "go gently" part, and answers about massage and work. */
export const GENTLE_FIRST_DAYS: Clinical = {
  say: 'For the first few days, avoid hard stretching, forceful moves, and deep massage. Avoid heavy lifting and twisting too.',
  sources: ['S-SEED0', 'S-SEED2', 'S-SEED4'],
};

/** Where it fits: the plan's "go gently" part, and the "why does it hurt so much?" answer. */
export const HURT_NOT_HARM: Clinical = {
  say: 'Hurt does not mean harm: your back is strong, and spasms usually settle.',
  sources: ['S-SEED3', 'S-SEED0', 'S-NHS'],
};

export const CALM_HELPS: Clinical = {
  say: 'Staying calm helps the muscles let go.',
  sources: ['S-SEED0', 'S-SEED3'],
};

/** Where it fits: the plan's "keep going" part, and the work answer. Asks for activity: never after an emergency. */
export const KEEP_UP_DAILY_LIFE: Clinical = {
  say: "Keep up your daily activities, and go to work when you can. You don't need to wait until the pain is gone.",
  sources: ['S-NG59', 'S-COCH-REST', 'S-SEED1'],
  moves: true,
};

export const STIFFNESS: Clinical = {
  say: 'Some stiffness may last a few days. That is normal.',
  sources: ['S-SEED4'],
};

/** Where it fits: the last self-care part, and the massage answer. */
export const PHYSIO_LATER: Clinical = {
  say: (l) => `Once it settles, a ${l.physio} can show you how to make your back strong and lift safely.`,
  sources: ['S-SEED0', 'S-SEED2', 'S-SEED3'],
};

/** Where it fits: the heat part, and the warm bath answer. */
export const WARM_BATH: Clinical = {
  say: 'A warm bath or shower counts as heat.',
  sources: ['S-SEED0', 'S-COCH-HEAT'],
};

/** Cold for those who prefer it: one timeline, the first two days (S-SEED0's ten to fifteen minutes). */
export const COLD_HOW_OFTEN: Clinical = {
  say: 'If you prefer cold, use it for ten to fifteen minutes, every two to three hours, in the first two days.',
  sources: ['S-SEED0'],
};

export const HEAT_HOW_LONG: Clinical = {
  say: 'Wrap heat in a cloth, and use it for fifteen to twenty minutes at a time.',
  sources: ['S-SEED4', 'S-COCH-HEAT'],
};

export const CHECK_SKIN: Clinical = {
  say: 'Check your skin often. Never use heat or cold on numb skin, or while you sleep.',
  sources: ['S-SEED2', 'S-SEED4', 'S-COCH-HEAT'],
};

export const NO_HEAT_AFTER_BLOW: Clinical = {
  say: 'If the pain started with a blow, skip the heat for now.',
  sources: ['S-SEED0', 'S-SEED2'],
};

/** Heat first (S-COCH-HEAT, S-ACP); cold is fine if preferred. */
export const HEAT_FIRST: Clinical = {
  say: 'Heat helps most people. Cold is fine too, if you like it better.',
  sources: ['S-COCH-HEAT', 'S-ACP', 'S-SEED0', 'S-SEED2'],
};

/** When to see a doctor, in everyday terms (S-NHS). */
export const SEE_DOCTOR_IF: Clinical = {
  say: (l) => `See a ${l.doctor} if it gets worse, stops you doing everyday things, or you are struggling to cope.`,
  sources: ['S-NHS'],
};

// ---------------------------------------------------------------------------------------------
// The self-care plan and the close in short turns (issue 11: no reply over 60 words outside a timed set).

/** Asked after every part but the last; the person can stop at any point. */
export const NEXT_PART_QUESTION = 'Want the next part?';

export type PlanPartId = 'heat' | 'cold' | 'moving' | 'gently' | 'later' | 'emergency' | 'timeline' | 'doctor';

export interface PlanPart {
  readonly id: PlanPartId;
  readonly lines: readonly Clinical[];
}

/**
 * The self-care plan, part by part, its opening line included (each part is a whole turn). One timeline runs through it and the close: cold in the first two days,
 * stiffness for a few days, bed no more than a day or two, a physio once it settles.
 */
export const SELF_CARE_PARTS: readonly PlanPart[] = [
  { id: 'heat', lines: [SELF_CARE_INTRO, HEAT_FIRST, HEAT_HOW_LONG] },
  { id: 'cold', lines: [COLD_HOW_OFTEN, CHECK_SKIN, NO_HEAT_AFTER_BLOW] },
  { id: 'moving', lines: [KEEP_MOVING[0]!, KEEP_MOVING[1]!, KEEP_UP_DAILY_LIFE] },
  { id: 'gently', lines: [GENTLE_FIRST_DAYS, HURT_NOT_HARM, CALM_HELPS, STIFFNESS] },
  // The warm bath here keeps the heat part under 60 words.
  { id: 'later', lines: [WARM_BATH, PHYSIO_LATER] },
];

/**
 * The close (safety net) after self-care, part by part: the emergency signs first, so someone who stops after
 * one part has heard them. Not for a person who had a T2 answer: their close repeats "get medical advice today".
 */
export const CLOSE_PARTS: readonly PlanPart[] = [
  { id: 'emergency', lines: [EMERGENCY_SAFETY_NET] },
  { id: 'timeline', lines: [WHEN_TO_SEE_DOCTOR[1]!, WHEN_TO_SEE_DOCTOR[2]!, WHEN_TO_SEE_DOCTOR[0]!] },
  { id: 'doctor', lines: [SEE_DOCTOR_IF] },
];

/** The close after a T2 answer: "get medical advice today" with the signs, first, and no later timeline. */
export const CLOSE_PARTS_T2: readonly PlanPart[] = [
  { id: 'emergency', lines: [T2_ADVICE, EMERGENCY_SAFETY_NET] },
  { id: 'doctor', lines: [SEE_DOCTOR_IF] },
];
