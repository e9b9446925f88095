import type { Clinical } from './types';
import type { LocalePack } from '../locale';

/** The emergency screen, Q1-Q5 of docs/clinical/reference.md: any yes or not sure is a T1 emergency. */
export interface ScreenQuestion {
  readonly id: 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5';
  readonly ask: Clinical;
  /** Other words for the same question, used when the answer was not understood. */
  readonly askAgain: Clinical;
  /** Said back before the T1 advice, so the person knows what was heard (Bickmore 2021). */
  readonly heard: Clinical;
}

export const SCREEN: readonly ScreenQuestion[] = [
  {
    id: 'Q1',
    ask: { say: 'Did this start after a fall, a car accident, or a hard hit to your back?', sources: ['S-SEED0', 'S-NHS', 'S-AHCPR'] },
    askAgain: { say: 'Did you fall, crash, or get hit hard just before the pain started?', sources: ['S-SEED0', 'S-NHS', 'S-AHCPR'] },
    heard: { say: 'You said this started after a fall or a hard hit.', sources: ['S-AHCPR'] },
  },
  {
    id: 'Q2',
    ask: { say: 'Do you have chest pain, trouble breathing, or a throbbing feeling in your belly? Or do you feel faint or sweaty?', sources: ['S-NHS'] },
    askAgain: { say: 'Is your chest hurting, or is it hard to breathe? Do you feel like you might pass out?', sources: ['S-NHS'] },
    heard: { say: 'You said you have chest pain, trouble breathing, or feel faint.', sources: ['S-NHS'] },
  },
  {
    id: 'Q3',
    ask: { say: 'Is it suddenly hard to pee, or have you leaked pee? Or lost control of your bowels?', sources: ['S-SEED0', 'S-SEED1', 'S-SEED2', 'S-NHS', 'S-BMJCES'] },
    askAgain: { say: 'Is anything new when you go to the toilet? Like you can\'t pee, you can\'t stop, or you leak?', sources: ['S-NHS', 'S-BMJCES'] },
    heard: { say: 'You said you have new trouble with peeing or your bowels.', sources: ['S-NHS', 'S-BMJCES'] },
  },
  {
    id: 'Q4',
    // S-CKS: people rarely mention this unless asked, so ask it plainly, including how wiping feels.
    ask: { say: 'Is there any numbness or tingling between your legs, around your bottom, or your private parts?', sources: ['S-SEED0', 'S-NHS', 'S-CKS', 'S-BMJCES'] },
    askAgain: { say: 'When you wipe after the toilet, does it feel numb or different? Or is sex suddenly not feeling the same?', sources: ['S-CKS', 'S-BMJCES'] },
    heard: { say: 'You said you have numbness between your legs.', sources: ['S-NHS', 'S-BMJCES'] },
  },
  {
    id: 'Q5',
    ask: { say: 'Do both legs have pain, numbness, or pins and needles? Or is a leg or foot getting weak?', sources: ['S-SEED0', 'S-SEED2', 'S-NHS'] },
    askAgain: { say: 'Are your legs weak or numb? Does a foot drag, or can you not lift it?', sources: ['S-SEED0', 'S-NHS'] },
    heard: { say: 'You said your legs feel numb or weak.', sources: ['S-NHS'] },
  },
];

/** The T1 list as one statement, for when the person could not answer (docs/clinical/reference.md: the safety screen, silence). */
export const T1_LIST: Clinical = {
  say: (l: LocalePack) =>
    `If you can't answer, please listen. If any of these are true, call ${l.emergencyNumber} now: ` +
    'a bad fall or hit, chest pain, numbness between your legs, new trouble peeing, or weak or numb legs. ' +
    "Alexa can't call for you.",
  sources: ['S-NHS', 'S-BMJCES', 'S-AHCPR', 'S-AMAZON-CALL'],
};

/** A later screen question: its tier decides the advice on yes or not sure. */
export interface LaterQuestion {
  readonly ids: readonly string[];
  readonly tier: 'T2' | 'T3';
  readonly ask: Clinical;
  readonly askAgain: Clinical;
  /** Extra advice on yes, after the tier's advice (for example no ibuprofen when pregnant). */
  readonly onYes?: Clinical;
}

export const MORE_QUESTIONS_INTRO: Clinical = {
  say: 'Now a few more questions, to know if you should see a doctor soon.',
  sources: ['S-NHS', 'S-AHCPR'],
};

/** Q6-Q11 in three spoken questions (docs/clinical/reference.md: the safety screen). */
export const MORE_QUESTIONS: readonly LaterQuestion[] = [
  {
    ids: ['Q6', 'Q7'],
    tier: 'T2',
    ask: { say: 'Do you have a fever or chills, or feel very unwell? Or have you ever had cancer?', sources: ['S-SEED0', 'S-SEED2', 'S-NHS', 'S-AHCPR'] },
    askAgain: { say: 'Are you hot and shivery, or very sick? Have you had cancer at any time?', sources: ['S-NHS', 'S-AHCPR'] },
  },
  {
    ids: ['Q8', 'Q9'],
    tier: 'T2',
    ask: {
      say: 'Do you take steroid tablets or medicines that weaken your immune system? Have you ever injected drugs? Or had back surgery, or a shot in your spine, lately? Or do you have weak bones?',
      sources: ['S-AHCPR'],
    },
    askAgain: { say: 'Do you take steroids, chemo, or transplant medicines? Any drug injections, recent back surgery, or weak bones?', sources: ['S-AHCPR'] },
  },
  {
    ids: ['Q10', 'Q11'],
    tier: 'T2',
    ask: {
      say: 'Does it hurt even when you lie very still, or more at night? Is the pain high up, between your shoulder blades? Or have you lost weight without trying?',
      sources: ['S-SEED0', 'S-SEED2', 'S-NHS', 'S-AHCPR'],
    },
    askAgain: { say: 'Is the pain bad at night or when still, or high up your back? Any weight loss, or a lump on your back?', sources: ['S-NHS', 'S-AHCPR'] },
  },
];

/** Q12-Q14: asked before the self-care plan. */
export const FINAL_QUESTIONS: readonly LaterQuestion[] = [
  {
    ids: ['Q12'],
    tier: 'T3',
    ask: { say: 'Is this the first time your back has hurt like this, and are you over fifty?', sources: ['S-AHCPR'] },
    askAgain: { say: 'Are you over fifty, and is this new for you?', sources: ['S-AHCPR'] },
  },
  {
    ids: ['Q13'],
    tier: 'T3',
    ask: { say: "Are you pregnant, or could you be? If that doesn't apply, just say no.", sources: ['S-NSAID'] },
    askAgain: { say: 'Is there any chance you are pregnant?', sources: ['S-NSAID'] },
  },
  {
    ids: ['Q14'],
    tier: 'T3',
    ask: { say: 'Does pain go down one leg, below the knee?', sources: ['S-SEED0', 'S-SEED1', 'S-SEED2'] },
    askAgain: { say: 'Does the pain shoot down past one knee?', sources: ['S-SEED0', 'S-SEED2'] },
  },
];

export const T2_ADVICE: Clinical = {
  say: (l) => `Please get medical advice today. You can ${l.adviceToday}.`,
  sources: ['S-NHS', 'S-AHCPR'],
};

export const T3_ADVICE: Clinical = {
  say: (l) => `Please book a ${l.doctor}'s appointment in the next few days.`,
  sources: ['S-AHCPR', 'S-SEED0'],
};

export const MORE_QUESTIONS_CLEAR: Clinical = {
  say: "Thanks. Nothing there that needs a doctor today.",
  sources: ['S-NHS'],
};

/** For a returning person: one combined question instead of Q1-Q5 (docs/clinical/reference.md: symptoms change). */
export const RESCREEN: Clinical = {
  say: 'Since we last spoke, is anything new? A fall, chest pain, numbness between your legs, trouble peeing, or weak legs?',
  sources: ['S-NHS', 'S-BMJCES', 'S-AHCPR'],
};

export const RESCREEN_AGAIN: Clinical = {
  say: 'Has anything new started? Like numbness between your legs, trouble peeing, or weak legs?',
  sources: ['S-NHS', 'S-BMJCES'],
};

export const RESCREEN_HEARD: Clinical = {
  say: 'You said something new is wrong since we last spoke.',
  sources: ['S-NHS'],
};
