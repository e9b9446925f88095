import type { Clinical } from './types';
import { withOtherCountry, type LocalePack } from '../locale';
import { MORE_QUESTIONS, type EmergencyGroup } from './screen';

/** T1 signs a person can state at any moment; ids match values of the STATEMENT slot type in the model. */
export const SIGN_IDS = [
  'SADDLE', 'LEGS_NUMB', 'LEG_NUMB', 'LEGS_WEAK', 'BLADDER_RETENTION', 'BLADDER_LEAK', 'BOWEL',
  'SEXUAL', 'CHEST', 'BREATHING', 'BELLY', 'FAINT', 'FALL',
] as const;
export type SignId = (typeof SIGN_IDS)[number];

export function isSignId(v: unknown): v is SignId {
  return typeof v === 'string' && (SIGN_IDS as readonly string[]).includes(v);
}

/** What each stated sign calls for while help comes. */
export const SIGN_GROUP: Readonly<Record<SignId, EmergencyGroup>> = {
  SADDLE: 'cauda', LEGS_NUMB: 'cauda', LEG_NUMB: 'cauda', LEGS_WEAK: 'cauda', BLADDER_RETENTION: 'cauda',
  BLADDER_LEAK: 'cauda', BOWEL: 'cauda', SEXUAL: 'cauda', CHEST: 'heart', BREATHING: 'breathing', BELLY: 'heart',
  FAINT: 'faint', FALL: 'fall',
};

/**
 * T2 facts a person can state at any moment (fever, cancer, steroids...): same-day advice, never the
 * emergency number. Each is the same thing as one of the later questions, whose read-back it uses.
 */
export const FACT_QUESTION = {
  FEVER: 'Q6', CANCER: 'Q7', STEROIDS: 'Q8A', INJECTED_DRUGS: 'Q8B', SPINE_PROCEDURE: 'Q8C', OSTEOPOROSIS: 'Q9',
  WEIGHT_LOSS: 'Q11A', LUMP: 'Q11B',
} as const;
export type FactId = keyof typeof FACT_QUESTION;
export const FACT_IDS = Object.keys(FACT_QUESTION) as FactId[];
export function isFactId(v: unknown): v is FactId {
  return typeof v === 'string' && Object.hasOwn(FACT_QUESTION, v);
}
export function factHeard(f: FactId): Clinical {
  return MORE_QUESTIONS.find((q) => q.id === FACT_QUESTION[f])!.heard!;
}

/** T3 facts: they change the advice that follows, without alarm. */
export const T3_FACT_IDS = ['PREGNANT'] as const;
export type T3FactId = (typeof T3_FACT_IDS)[number];

/** Every id of the STATEMENT slot type: one namespace, so the model has one carrier phrase per shape. */
export const STATEMENT_IDS = [...SIGN_IDS, ...FACT_IDS, ...T3_FACT_IDS] as const;

/** What is said back before the advice, by sign (Bickmore 2021): only what the person said. */
export const HEARD_SIGN: Readonly<Record<SignId, Clinical>> = {
  SADDLE: { say: 'You said you have numbness between your legs.', sources: ['S-NHS', 'S-BMJCES'] },
  LEGS_NUMB: { say: 'You said both of your legs feel numb or tingly.', sources: ['S-NHS', 'S-BMJCES'] },
  LEG_NUMB: { say: 'You said your leg has gone numb.', sources: ['S-NHS', 'S-BMJCES'] },
  LEGS_WEAK: { say: 'You said your legs are weak or giving way.', sources: ['S-SEED0', 'S-NHS'] },
  BLADDER_RETENTION: { say: "You said you can't pee.", sources: ['S-SEED0', 'S-NHS', 'S-BMJCES'] },
  BLADDER_LEAK: { say: 'You said you wet yourself.', sources: ['S-SEED0', 'S-NHS', 'S-BMJCES'] },
  BOWEL: { say: 'You said you lost control of your bowels.', sources: ['S-SEED0', 'S-NHS', 'S-BMJCES'] },
  SEXUAL: { say: 'You said sex feels different or numb.', sources: ['S-NHS', 'S-BMJCES'] },
  CHEST: { say: 'You said you have chest pain.', sources: ['S-NHS'] },
  BREATHING: { say: 'You said you have trouble breathing.', sources: ['S-NHS'] },
  BELLY: { say: 'You said you feel a throbbing in your belly.', sources: ['S-NHS'] },
  FAINT: { say: 'You said you feel faint.', sources: ['S-NHS'] },
  FALL: { say: 'You said you had a bad fall or an accident.', sources: ['S-SEED0', 'S-NHS', 'S-AHCPR'] },
};

/** When the sign was not caught, still say back that something serious was heard. */
export const HEARD_UNKNOWN: Clinical = { say: 'You told me about a warning sign.', sources: ['S-NHS'] };
/** "It's an emergency", said again to the question of which sign: their words, read back, then the number. */
export const HEARD_EMERGENCY: Clinical = { say: 'You said this is an emergency.', sources: ['S-NHS'] };
export const HEARD_CALLED: Clinical = { say: 'You said you have called for help.', sources: ['S-NHS'] };

/** The first sentence of T1 advice: the action, by what was heard. */
export const CALL_NOW: Readonly<Record<EmergencyGroup, Clinical>> = {
  fall: { say: (l) => l.callNow, sources: ['S-NHS', 'S-AHCPR'] },
  heart: { say: (l) => l.callNow, sources: ['S-NHS', 'S-NHSHEART'] },
  breathing: { say: (l) => l.callNow, sources: ['S-NHS', 'S-NHSHEART'] },
  faint: { say: (l) => l.callNow, sources: ['S-NHS', 'S-NHSHEART'] },
  // Cauda equina signs: the emergency department now, by ambulance or with someone (S-NHS, S-BMJCES).
  cauda: {
    say: (l) => `${l.callNow} Or get someone to take you to ${l.emergencyDept} now.`,
    sources: ['S-NHS', 'S-BMJCES'],
  },
  unknown: { say: (l) => l.callNow, sources: ['S-NHS'] },
};

export const CANT_CALL: Clinical = { say: "Alexa can't call for you.", sources: ['S-AMAZON-CALL'] };

/**
 * The first T1 reply is the number and that Alexa can't call, then this one question (short turns); every answer,
 * a silence and "repeat" all lead to what to do while waiting.
 */
export const OTHER_WAYS_ASK: Clinical = { say: 'Shall I tell you other ways to get help?', sources: ['S-AMAZON-CALL', 'S-NHSFALL'] };
export const CALL_OUT: Clinical = { say: 'Call out to someone nearby, or use a phone.', sources: ['S-AMAZON-CALL', 'S-NHSFALL'] };

/** While the session is open Alexa's own calling can't hear them: say how to reach it (S-AMAZON-CALL). */
export const CONTACT_CALL: Clinical = {
  say: 'If you set up an emergency contact, say stop. Then say: Alexa, call for help.',
  sources: ['S-AMAZON-CALL'],
};

/** What to do while help comes, by what was heard; never a movement instruction. */
export const WHILE_YOU_WAIT: Readonly<Record<EmergencyGroup, Clinical>> = {
  // Stillness is the safe default until someone has checked for a fracture or nerve damage.
  fall: { say: "Don't try to get up. Stay as you are until help comes.", sources: ['S-NHS', 'S-AHCPR'] },
  heart: { say: 'Sit or lie in the easiest position where you are, and rest.', sources: ['S-NHSHEART'] },
  breathing: { say: 'Sit or lie in the easiest position where you are, and rest.', sources: ['S-NHSHEART'] },
  faint: { say: 'Lie down if you safely can, or sit on the floor.', sources: ['S-NHSHEART'] },
  cauda: { say: "Don't go on your own. Stay as you are until help comes.", sources: ['S-NHS', 'S-BMJCES'] },
  unknown: { say: "Don't try to get up. Stay as you are until help comes.", sources: ['S-NHS'] },
};

export const T1_OFFER_BREATHING: Clinical = {
  say: 'While you wait, I can breathe slowly with you. Would you like that?',
  sources: ['S-JAFARI', 'S-SEED0'],
};

/** For someone who can't breathe: no paced breathing (docs/clinical/reference.md: the emergency, as a conversation). */
export const T1_OFFER_REPEAT: Clinical = {
  say: "I'm here with you. Shall I say the number again?",
  sources: ['S-NHS'],
};

/** The short version, used in reprompts and when an emergency conversation ends. */
export const T1_REMINDER: Clinical = {
  say: (l: LocalePack) => `${withOtherCountry(l, `Call ${l.emergencyNumber} now if you haven't yet.`)} Alexa can't call for you.`,
  sources: ['S-NHS', 'S-AMAZON-CALL'],
};

/** "I've called them", "they're on their way". */
export const HELP_COMING: Clinical = {
  say: 'That was the right thing to do. Stay where you are until they come. If someone is with you, ask them to unlock the door.',
  sources: ['S-NHS'],
};

/** "The ambulance is here." */
/** Scared, once help is on its way: the calm line, then what to do until they come (not the number again). */
export const HELP_ON_THE_WAY: Clinical = {
  say: 'Help is on the way. Stay where you are until they come.',
  sources: ['S-NHS'],
};

/** Alone, once help is on its way: keep warm, and get attention when they come (S-NHSFALL). */
export const ALONE_HELP_COMING: Clinical = {
  say: 'Help is on the way. Stay where you are, and keep warm. When they come, shout or bang on the floor so they find you.',
  sources: ['S-NHSFALL', 'S-NHS'],
};

/** Someone is with them during an emergency: they can make the call (the T1 row: call out to someone nearby). */
export const COMPANY_EMERGENCY: Clinical = {
  say: (l) => `Ask them to call ${l.emergencyNumber} for you now, and to unlock the door.`,
  sources: ['S-NHS'],
};

/** Asked to breathe together while breathing is hard: why not (no paced breathing then, S-NHSHEART). */
export const NO_PACING_NOW: Clinical = {
  say: "I won't pace your breathing while it's hard to breathe.",
  sources: ['S-NHSHEART'],
};

export const HELP_HERE: Clinical = {
  say: 'Good. Tell them what you told me, and when it started. Take care.',
  sources: ['S-NHS'],
};

/** "I'm alone", "I can't reach my phone" (S-NHSFALL, S-AMAZON-CALL). */
export const ALONE_EMERGENCY: Clinical = {
  say: 'Shout, or bang on the floor or a wall. If another device can call, use it. Keep warm.',
  sources: ['S-NHSFALL', 'S-AMAZON-CALL'],
};

/** "I'm scared", in an emergency: a calm line, then the number again. */
export const SCARED_EMERGENCY: Clinical = {
  say: "It's okay to be scared. You are doing the right thing.",
  sources: ['S-NHS'],
};

/** Before the warning signs are ruled out: no reassurance yet, only why the questions come first. */
export const SCARED_SCREENING: Clinical = {
  // No reassurance before the warning signs are ruled out (a sign may just have been said): why we ask, only.
  say: "It's okay to be scared. These questions help me tell if it is serious.",
  sources: ['S-SEED0', 'S-NHS'],
};

/** Outside an emergency. */
export const ALONE_CALM: Clinical = {
  say: "I'm here with you, and we'll go slowly.",
  sources: ['S-NHSFALL'],
};
export const SCARED_CALM: Clinical = {
  say: 'It is frightening, but a back spasm is rarely serious. Hurt does not mean harm. Staying calm helps the muscles let go.',
  sources: ['S-SEED0', 'S-SEED3', 'S-NHS'],
};

/** A request to call anyone (docs/clinical/reference.md: the emergency, as a conversation; S-AMAZON-CALL). The session then closes. */
export const CALL_CANT: Clinical = { say: "I can't make calls.", sources: ['S-AMAZON-CALL'] };
export const CALL_HOW: Clinical = {
  say: "I'll close now, so Alexa can hear you. Then say: Alexa, call, and a name. Or say: Alexa, call for help, if you set up an emergency contact.",
  sources: ['S-AMAZON-CALL'],
};
/** After a call for emergency help: no "call, and a name", which reads as calling someone else. */
export const CALL_HOW_URGENT: Clinical = {
  say: "I'll close now. Then use a phone, or say: Alexa, call for help, if you set up an emergency contact.",
  sources: ['S-AMAZON-CALL'],
};
export const CALL_IF_EMERGENCY: Clinical = {
  say: (l) => withOtherCountry(l, `If this is an emergency, call ${l.emergencyNumber} from a phone now.`),
  sources: ['S-NHS', 'S-AMAZON-CALL'],
};

/**
 * Words that make an unplaced statement sound like a warning sign ("I feel really weird", "my foot is
 * funny"): those get the one specific check question; anything else ("I'm at my desk") is an ordinary
 * sentence the step answers itself. English; another language brings its own list.
 */
export const SYMPTOM_WORDS_EN =
  /\b(numb\w*|tingl\w*|pins|needles|pee\w*|wee\w*|urin\w*|bladder|bowel\w*|poo\w*|toilet|wet|soil\w*|leak\w*|legs?|foot|feet|groin|bottom|privates?|private|down there|wip\w+|sex|erection|chest|heart|breath\w*|faint\w*|dizz\w*|pass(ed|ing)? out|sweat\w*|clammy|belly|stomach|tummy|throb\w*|puls\w*|fell|fall\w*|crash\w*|accident|hit|weak\w*|giv(e|ing) way|gave way|drag\w*|fever\w*|temperature|chills?|shiver\w*|cancer|lump|blood\w*|weird|strange|funny|odd|emergenc\w*|urgent\w*|serious\w*|dying|ambulance)\b/i;

/** Words that say it is an emergency without naming a sign: said again at the sign check, they are the number. */
export const URGENT_WORDS_EN = /\b(emergenc\w*|urgent\w*|serious\w*|dying|ambulance)\b/i;

/** The one-line safety net said whenever a conversation ends or something goes wrong. */
export const SAFETY_NET: Clinical = {
  say: (l) =>
    withOtherCountry(l, `If you get numbness between your legs, trouble peeing, or weak legs, call ${l.emergencyNumber} now.`),
  sources: ['S-NHS', 'S-BMJCES'],
};

export const DISCLAIMER: Clinical = {
  say: "I'm not a doctor. This is general advice. It does not replace a doctor's care.",
  sources: ['S-NHS'],
};

/** Asked when something like a warning sign was heard but not placed: one specific question, never "anything new?". */
export const CHECK_SIGN_LEAD: Clinical = { say: 'I want to be sure I heard you.', sources: ['S-NHS'] };
export const CHECK_SIGN: Clinical = {
  // The falls and fainting too (Q1, Q2): "I fell on the ice" in words the model could not place comes here.
  say: 'Did you fall or faint? Or do you have chest pain, trouble breathing, numbness between your legs, trouble peeing, or weak or numb legs?',
  sources: ['S-NHS', 'S-BMJCES', 'S-SEED0'],
};
/** The check's own safety net after a silence: the list was just said, so the action and the limit only. */
export const CHECK_SIGN_NET: Clinical = {
  say: (l) => withOtherCountry(l, `If any of these is true, call ${l.emergencyNumber} now.`) + " Alexa can't call for you.",
  sources: ['S-NHS', 'S-AMAZON-CALL'],
};
export const CHECK_SIGN_UNSURE: Clinical = {
  say: "You weren't sure about those warning signs.",
  sources: ['S-NHS'],
};

/** The first reply's one calming line: it asks for no movement (a calm start: S-SEED3, S-SEED0). */
export const CALM_START: Clinical = { say: 'Stay where you are, and let your breath out slowly.', sources: ['S-SEED3', 'S-SEED0'] };

/** Pregnancy said at any time (S-NHSPREG, S-NSAID). */
export const PREGNANT_NOTED: Clinical = {
  say: "Thank you for telling me. When you lie down, lie on your side, with a pillow under your bump. I'll leave out pills like ibuprofen.",
  sources: ['S-NHSPREG', 'S-NSAID'],
};
/** Pregnancy said while help comes: no position advice, only who to tell (the guard holds movement anyway). */
export const PREGNANT_NOTED_EMERGENCY: Clinical = {
  say: 'Thank you for telling me. Tell the people who come to help that you are pregnant.',
  sources: ['S-NHS', 'S-NHSPREG'],
};
export const AGE_NOTED: Clinical = { say: "Thank you. I'll keep that in mind.", sources: ['S-AHCPR'] };
