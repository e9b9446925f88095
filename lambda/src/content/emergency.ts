import type { Clinical } from './types';

/** Signs a person can state at any moment; ids match the RED_FLAG_SIGN slot type in the model. */
export const SIGN_IDS = [
  'SADDLE', 'LEGS_NUMB', 'LEGS_WEAK', 'BLADDER_RETENTION', 'BLADDER_LEAK', 'BOWEL',
  'SEXUAL', 'CHEST', 'BREATHING', 'BELLY', 'FAINT', 'FALL',
] as const;
export type SignId = (typeof SIGN_IDS)[number];

export function isSignId(v: unknown): v is SignId {
  return typeof v === 'string' && (SIGN_IDS as readonly string[]).includes(v);
}

/** What is said back before the advice, by sign (Bickmore 2021: a correct paraphrase helps people act). */
export const HEARD_SIGN: Readonly<Record<SignId, Clinical>> = {
  SADDLE: { say: 'You said you have numbness between your legs.', sources: ['S-NHS', 'S-BMJCES'] },
  LEGS_NUMB: { say: "You said you can't feel your legs.", sources: ['S-NHS', 'S-BMJCES'] },
  LEGS_WEAK: { say: 'You said your legs are giving way.', sources: ['S-SEED0', 'S-NHS'] },
  BLADDER_RETENTION: { say: "You said you can't pee.", sources: ['S-SEED0', 'S-NHS', 'S-BMJCES'] },
  BLADDER_LEAK: { say: 'You said you wet yourself.', sources: ['S-SEED0', 'S-NHS', 'S-BMJCES'] },
  BOWEL: { say: 'You said you lost control of your bowels.', sources: ['S-SEED0', 'S-NHS', 'S-BMJCES'] },
  SEXUAL: { say: 'You said sex feels different or numb.', sources: ['S-NHS', 'S-BMJCES'] },
  CHEST: { say: 'You said you have chest pain.', sources: ['S-NHS'] },
  BREATHING: { say: 'You said you have trouble breathing.', sources: ['S-NHS'] },
  BELLY: { say: 'You said you feel a throbbing in your belly.', sources: ['S-NHS'] },
  FAINT: { say: 'You said you feel faint.', sources: ['S-NHS'] },
  FALL: { say: 'You said you had a fall or an accident.', sources: ['S-SEED0', 'S-NHS', 'S-AHCPR'] },
};

/** When the sign was not caught, still say back that something serious was heard. */
export const HEARD_UNKNOWN: Clinical = { say: 'You told me about a warning sign.', sources: ['S-NHS'] };

/** T1: the action first, then that Alexa cannot call, then who can. */
export const T1_ADVICE: readonly Clinical[] = [
  { say: (l) => l.callNow, sources: ['S-NHS', 'S-BMJCES'] },
  { say: "Alexa can't call for you. Use a phone, or call out to someone nearby.", sources: ['S-AMAZON-CALL'] },
  { say: 'If you set up an emergency contact, you can say: Alexa, call for help.', sources: ['S-AMAZON-CALL'] },
  // Stillness is the safe default until someone has checked for a fracture or nerve damage.
  { say: "Don't try to get up. Stay as you are until help comes.", sources: ['S-NHS', 'S-AHCPR'] },
];

export const T1_OFFER_BREATHING: Clinical = {
  say: 'While you wait, I can breathe slowly with you. Would you like that?',
  sources: ['S-JAFARI', 'S-SEED0'],
};

/** The short version, used in reprompts and when an emergency conversation ends. */
export const T1_REMINDER: Clinical = {
  say: (l) => `Call ${l.emergencyNumber} now if you haven't yet. Alexa can't call for you.`,
  sources: ['S-NHS', 'S-AMAZON-CALL'],
};

export const T1_STAY: Clinical = {
  say: "Stay as you are until help comes. You're doing the right thing.",
  sources: ['S-NHS'],
};

/** The one-line safety net said whenever a conversation ends or something goes wrong. */
export const SAFETY_NET: Clinical = {
  say: (l) =>
    `If you get numbness between your legs, trouble peeing, or weak legs, call ${l.emergencyNumber} right away.`,
  sources: ['S-NHS', 'S-BMJCES'],
};

export const DISCLAIMER: Clinical = {
  say: "I'm not a doctor. This is general advice. It does not replace a doctor's care.",
  sources: ['S-NHS'],
};

/** Asked when something like a warning sign was heard but not understood. */
export const CHECK_SIGN: Clinical = {
  say: 'I want to be sure I heard you. Is something new wrong, like numbness between your legs, trouble peeing, weak legs, chest pain, or a fall?',
  sources: ['S-NHS', 'S-BMJCES'],
};
