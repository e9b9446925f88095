import type { Clinical } from './types';
import { withOtherCountry } from '../locale';

export const SELF_CARE_INTRO: Clinical = {
  say: 'Here is how to look after your back over the next few days.',
  sources: ['S-NHS'],
};

/** Heat or cold (S-SEED0, S-SEED2, S-SEED4, S-COCH-HEAT, S-ACP). */
export const HEAT_COLD: readonly Clinical[] = [
  { say: 'Heat or cold can both help. Use whichever feels better.', sources: ['S-SEED4', 'S-COCH-HEAT', 'S-ACP'] },
  { say: 'Many people use cold for the first two days, then heat.', sources: ['S-SEED0', 'S-SEED2'] },
  { say: 'Always wrap it in a cloth. Use it for fifteen to twenty minutes at a time.', sources: ['S-SEED2', 'S-SEED4'] },
  { say: 'Never use it while you sleep.', sources: ['S-COCH-HEAT'] },
];

/** Keep moving a little (S-SEED0, S-SEED1, S-SEED2, S-COCH-REST). */
export const KEEP_MOVING: readonly Clinical[] = [
  { say: 'Keep moving a little, and often. A short walk of a few minutes helps.', sources: ['S-SEED0', 'S-COCH-REST'], moves: true },
  { say: 'Try not to stay in bed for more than a day or two.', sources: ['S-SEED1', 'S-SEED2', 'S-COCH-REST'] },
];

/** Asked before any pain-relief suggestion (S-NSAID). */
export const MEDICINE_CAUTION_ASK: Clinical = {
  // A list of conditions as statements, then one question (docs/clinical/reference.md: the screen).
  say: 'Before I mention pain medicine, a quick check. Some people must be careful with pain pills. That means being pregnant, or over sixty-five. Or asthma, a stomach ulcer, or heart, kidney or liver trouble. Or high blood pressure, or blood thinners. Or if aspirin or ibuprofen made you ill. Does any of that apply to you?',
  sources: ['S-NSAID'],
};

export const MEDICINE_CAUTION_AGAIN: Clinical = {
  say: 'Do any health problems or medicines mean you must be careful with pain pills?',
  sources: ['S-NSAID'],
};

export const MEDICINE_OK: Clinical = {
  say: 'Ibuprofen or naproxen can help with the pain. Follow the label.',
  sources: ['S-SEED0', 'S-ACP', 'S-NG59'],
};

export const MEDICINE_ASK_PHARMACIST: Clinical = {
  say: 'Then please ask a pharmacist before you take any pain medicine.',
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
