import type { Clinical } from './types';
import { withOtherCountry, type LocalePack } from '../locale';

/**
 * What an emergency sign calls for while help comes (docs/clinical/reference.md, "the emergency, as a conversation"):
 * a fall stays still; chest, breathing or belly rests where it is; faint lies or sits down; the cauda equina
 * signs also go to the emergency department now.
 */
export type EmergencyGroup = 'fall' | 'heart' | 'breathing' | 'faint' | 'cauda' | 'unknown';

/** The emergency screen, Q1-Q5 of the clinical reference, one thing per question: any yes or not sure is T1. */
export const SCREEN_IDS = ['Q1', 'Q2A', 'Q2B', 'Q2C', 'Q2D', 'Q3A', 'Q3B', 'Q3C', 'Q4A', 'Q4B', 'Q5A', 'Q5B'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export interface ScreenQuestion {
  readonly id: ScreenId;
  readonly group: EmergencyGroup;
  readonly ask: Clinical;
  /** Other words for the same question, used when the answer was not understood. */
  readonly askAgain: Clinical;
  /** Said back after a yes, before the T1 advice (Bickmore 2021): only what the person said. */
  readonly heard: Clinical;
  /** Said back after "not sure": what they were unsure about, never stated as fact. */
  readonly unsure: Clinical;
}

export const SCREEN: readonly ScreenQuestion[] = [
  {
    id: 'Q1',
    group: 'fall',
    // A bad fall, not any trip (docs/clinical/reference.md: over-triage fixes).
    ask: { say: 'Did this start after a bad fall, a car accident, or a hard blow?', sources: ['S-SEED0', 'S-NHS', 'S-AHCPR'] },
    askAgain: { say: 'Just before the pain, did you have a bad fall, a crash, or a hard hit?', sources: ['S-SEED0', 'S-NHS', 'S-AHCPR'] },
    heard: { say: 'You said this started after a bad fall or a hard hit.', sources: ['S-AHCPR'] },
    unsure: { say: "You weren't sure if this started after a fall or a hit.", sources: ['S-AHCPR'] },
  },
  {
    id: 'Q2A',
    group: 'heart',
    ask: { say: 'Do you have any pain or tightness in your chest?', sources: ['S-NHS'] },
    askAgain: { say: 'Is your chest hurting, or does it feel tight?', sources: ['S-NHS'] },
    heard: { say: 'You said you have pain in your chest.', sources: ['S-NHS'] },
    unsure: { say: "You weren't sure about pain in your chest.", sources: ['S-NHS'] },
  },
  {
    id: 'Q2B',
    group: 'breathing',
    ask: { say: 'Is it hard to breathe?', sources: ['S-NHS'] },
    askAgain: { say: 'Are you short of breath, or struggling to get air in?', sources: ['S-NHS'] },
    heard: { say: 'You said it is hard to breathe.', sources: ['S-NHS'] },
    unsure: { say: "You weren't sure about your breathing.", sources: ['S-NHS'] },
  },
  {
    id: 'Q2C',
    group: 'heart',
    ask: { say: 'Do you feel a throbbing or pulsing in your belly?', sources: ['S-NHS'] },
    askAgain: { say: 'Can you feel a beat, like a pulse, in your tummy?', sources: ['S-NHS'] },
    heard: { say: 'You said you feel a throbbing in your belly.', sources: ['S-NHS'] },
    unsure: { say: "You weren't sure about a throbbing in your belly.", sources: ['S-NHS'] },
  },
  {
    id: 'Q2D',
    group: 'faint',
    // Sweating alone is common in bad pain: ask about faint, or cold and clammy (docs/clinical/reference.md: over-triage fixes).
    ask: { say: 'Do you feel faint, or cold and clammy?', sources: ['S-NHS', 'S-NHSHEART'] },
    askAgain: { say: 'Do you feel like you might pass out?', sources: ['S-NHS', 'S-NHSHEART'] },
    heard: { say: 'You said you feel faint.', sources: ['S-NHS'] },
    unsure: { say: "You weren't sure if you feel faint.", sources: ['S-NHS'] },
  },
  {
    id: 'Q3A',
    group: 'cauda',
    ask: { say: 'Since your back went, is it hard to start peeing, or to stop?', sources: ['S-SEED0', 'S-SEED1', 'S-NHS', 'S-BMJCES'] },
    askAgain: { say: 'Is anything new when you try to pee? Like it will not start?', sources: ['S-NHS', 'S-BMJCES'] },
    heard: { say: 'You said you have new trouble peeing.', sources: ['S-NHS', 'S-BMJCES'] },
    unsure: { say: "You weren't sure about trouble when you pee.", sources: ['S-NHS', 'S-BMJCES'] },
  },
  {
    id: 'Q3B',
    group: 'cauda',
    // Its own question: asked with Q3A, a "no" could mean either (strangers' test, round two).
    ask: { say: 'Have you lost the feeling that tells you when you need to pee?', sources: ['S-NHS', 'S-BMJCES'] },
    askAgain: { say: 'Has the feeling that you need to pee gone away?', sources: ['S-NHS', 'S-BMJCES'] },
    heard: { say: 'You said you have lost the feeling that you need to pee.', sources: ['S-NHS', 'S-BMJCES'] },
    unsure: { say: "You weren't sure if you can feel when you need to pee.", sources: ['S-NHS', 'S-BMJCES'] },
  },
  {
    id: 'Q3C',
    group: 'cauda',
    ask: { say: 'Have you leaked any pee or poo without meaning to?', sources: ['S-SEED0', 'S-SEED2', 'S-NHS', 'S-BMJCES'] },
    askAgain: { say: 'Have you had an accident with your bladder or bowels?', sources: ['S-NHS', 'S-BMJCES'] },
    heard: { say: 'You said you have leaked pee or poo.', sources: ['S-NHS', 'S-BMJCES'] },
    unsure: { say: "You weren't sure about leaking pee or poo.", sources: ['S-NHS', 'S-BMJCES'] },
  },
  {
    id: 'Q4A',
    group: 'cauda',
    // S-CKS: people rarely mention this unless asked, so ask it plainly, including how wiping feels.
    ask: { say: 'Is there any numbness or tingling between your legs or around your bottom, even when you wipe?', sources: ['S-SEED0', 'S-NHS', 'S-CKS', 'S-BMJCES'] },
    askAgain: { say: 'When you wipe after the toilet, does it feel numb or different?', sources: ['S-CKS', 'S-BMJCES'] },
    heard: { say: 'You said you have numbness between your legs.', sources: ['S-NHS', 'S-BMJCES'] },
    unsure: { say: "You weren't sure about numbness between your legs.", sources: ['S-NHS', 'S-BMJCES'] },
  },
  {
    id: 'Q4B',
    group: 'cauda',
    ask: { say: 'Has feeling in your private parts, or during sex, changed since this started?', sources: ['S-NHS', 'S-BMJCES'] },
    askAgain: { say: 'Is there any new numbness or change in your private parts?', sources: ['S-NHS', 'S-BMJCES'] },
    heard: { say: 'You said feeling in your private parts has changed.', sources: ['S-NHS', 'S-BMJCES'] },
    unsure: { say: "You weren't sure about a change in your private parts.", sources: ['S-NHS', 'S-BMJCES'] },
  },
  {
    id: 'Q5A',
    group: 'cauda',
    ask: { say: 'Do you have pain, numbness, or pins and needles in both legs?', sources: ['S-SEED0', 'S-SEED2', 'S-NHS'] },
    askAgain: { say: 'Are both of your legs numb, tingling, or in pain?', sources: ['S-SEED0', 'S-NHS'] },
    heard: { say: 'You said both of your legs have pain or numbness.', sources: ['S-NHS'] },
    unsure: { say: "You weren't sure about both of your legs.", sources: ['S-NHS'] },
  },
  {
    id: 'Q5B',
    group: 'cauda',
    ask: { say: 'Is a leg getting weak, so that a foot drags or slaps when you walk?', sources: ['S-SEED0', 'S-SEED2', 'S-NHS'] },
    askAgain: { say: 'Is it hard to lift one foot, or does a leg give way?', sources: ['S-SEED0', 'S-NHS'] },
    heard: { say: 'You said a leg or foot is getting weak.', sources: ['S-SEED0', 'S-NHS'] },
    unsure: { say: "You weren't sure about weakness in your legs.", sources: ['S-SEED0', 'S-NHS'] },
  },
];

/** The T1 list as one statement, for when the person could not answer (docs/clinical/reference.md: silence). */
export const T1_LIST: Clinical = {
  say: (l: LocalePack) =>
    withOtherCountry(l,
      `If any of these are true, call ${l.emergencyNumber} now: ` +
      'a bad fall or hit, chest pain, numbness between your legs, new trouble peeing, or weak or numb legs.') +
    " Alexa can't call for you.",
  sources: ['S-NHS', 'S-BMJCES', 'S-AHCPR', 'S-AMAZON-CALL'],
};

/** What a "yes" to a later question does, besides its tier's advice. */
export type LaterEffect = 'T2' | 'T3' | 'firstTime' | 'pregnant';

/** A later question (Q6-Q14), one thing per question. */
export interface LaterQuestion {
  readonly id: string;
  readonly onYes: LaterEffect;
  readonly ask: Clinical;
  readonly askAgain: Clinical;
  /** Said back after a yes (T2), before the advice. */
  readonly heard?: Clinical;
  /** Said back after "not sure" (T2). */
  readonly unsure?: Clinical;
}

export const MORE_QUESTIONS_INTRO: Clinical = {
  say: 'Now a few more questions, one at a time, to know if you should see a doctor soon.',
  sources: ['S-NHS', 'S-AHCPR'],
};

const t2 = (id: string, ask: string, askAgain: string, heard: string, about: string, sources: Clinical['sources']): LaterQuestion => ({
  id,
  onYes: 'T2',
  ask: { say: ask, sources },
  askAgain: { say: askAgain, sources },
  heard: { say: heard, sources },
  // Counted as yes: the same-day advice that always follows says what to do (short turns).
  unsure: { say: `You weren't sure about ${about}, so let's be safe.`, sources },
});

/** Q6-Q11, each on its own, before any exercise or getting up (docs/clinical/reference.md: the screen). */
export const MORE_QUESTIONS: readonly LaterQuestion[] = [
  t2('Q6', 'Do you have a fever or chills, or feel very unwell?', 'Do you feel hot and shivery, or very sick?',
    'You said you have a fever or feel very unwell.', 'a fever', ['S-SEED0', 'S-SEED2', 'S-NHS']),
  t2('Q7', 'Have you ever had cancer?', 'Have you had cancer at any time in your life?',
    'You said you have had cancer.', 'cancer', ['S-NHS', 'S-AHCPR']),
  t2('Q8A', 'Do you take medicine that weakens your immune system? Like steroid tablets or chemo?',
    'Are you on steroid tablets, chemo, or transplant medicines?',
    'You said you take medicine that weakens your immune system.', 'your immune system', ['S-AHCPR']),
  t2('Q8B', 'Have you ever injected drugs?', 'Have you ever used drugs with a needle?',
    'You said you have injected drugs.', 'injected drugs', ['S-AHCPR']),
  t2('Q8C', 'In the last few months, have you had an operation or an injection in your spine?',
    'Have you had back surgery, or a shot in your spine, lately?',
    'You said you had a recent spine operation or injection.', 'a back operation', ['S-AHCPR']),
  // Q9: weak bones on their own count (the safer reading; steroid tablets are asked in Q8A).
  t2('Q9', 'Do you have weak or thin bones, called osteoporosis?', 'Has a doctor told you your bones are thin or weak?',
    'You said you have weak bones.', 'weak bones', ['S-AHCPR']),
  // Q10: pain there all the time, not "worse at night" alone (docs/clinical/reference.md: over-triage fixes).
  t2('Q10A', 'Does the pain stay just as bad, whatever position you rest in?',
    'Is it always just as bad, even when you rest?',
    'You said the pain stays just as bad, however you rest.', "pain that rest doesn't ease", ['S-NHS', 'S-AHCPR']),
  t2('Q10B', 'Is the pain mainly high up, between your shoulder blades?', 'Is it mostly in your upper back, not your lower back?',
    'You said the pain is high up, between your shoulder blades.', 'pain between your shoulder blades', ['S-NHS', 'S-AHCPR']),
  t2('Q11A', 'Have you lost weight lately, without trying?', 'Have you got thinner lately, without meaning to?',
    'You said you have lost weight without trying.', 'losing weight', ['S-SEED0', 'S-NHS', 'S-AHCPR']),
  t2('Q11B', 'Have you noticed a lump, or a change in the shape of your back?', 'Is there a new lump or bump on your back?',
    'You said you noticed a lump or a change in your back.', 'a lump on your back', ['S-SEED2', 'S-NHS']),
];

/** Q12-Q14: asked before the self-care plan, one thing each; some only when they can still change the advice. */
export const FINAL_QUESTIONS: readonly LaterQuestion[] = [
  { id: 'Q12A', onYes: 'firstTime', ask: { say: 'Is this the first time your back has hurt like this?', sources: ['S-AHCPR'] }, askAgain: { say: 'Is this back pain new for you? Never like this before?', sources: ['S-AHCPR'] } },
  { id: 'Q12B', onYes: 'T3', ask: { say: 'Are you over fifty?', sources: ['S-AHCPR'] }, askAgain: { say: 'Are you fifty or older?', sources: ['S-AHCPR'] } },
  { id: 'Q12C', onYes: 'T3', ask: { say: 'Are you under twenty?', sources: ['S-AHCPR'] }, askAgain: { say: 'Are you younger than twenty?', sources: ['S-AHCPR'] } },
  { id: 'Q13', onYes: 'pregnant', ask: { say: 'Are you pregnant, or could you be?', sources: ['S-NSAID', 'S-NHSPREG'] }, askAgain: { say: 'Is there any chance you are pregnant?', sources: ['S-NSAID', 'S-NHSPREG'] } },
  { id: 'Q14', onYes: 'T3', ask: { say: 'Does pain go down one leg, below the knee?', sources: ['S-SEED0', 'S-SEED1', 'S-SEED2'] }, askAgain: { say: 'Does the pain shoot down past one knee?', sources: ['S-SEED0', 'S-SEED2'] } },
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
  say: 'Thanks. Nothing there that needs a doctor today.',
  sources: ['S-NHS'],
};

/**
 * For a person whose last conversation, under two hours ago, cleared all of Q1-Q5: the signs as a
 * present-tense list, then one question (docs/clinical/reference.md: the screen). Never "anything new?".
 */
export const RESCREEN: Clinical = {
  say: 'First, the warning signs. A bad fall. Chest pain, or trouble breathing. Numbness between your legs. Trouble when you pee. Weak or numb legs. Do you have any of these now?',
  sources: ['S-NHS', 'S-BMJCES', 'S-AHCPR'],
};

export const RESCREEN_AGAIN: Clinical = {
  say: 'Right now, do you have numbness between your legs, trouble peeing, weak legs, or chest pain?',
  sources: ['S-NHS', 'S-BMJCES'],
};

export const RESCREEN_HEARD: Clinical = {
  say: 'You said you have one of those warning signs now.',
  sources: ['S-NHS'],
};

export const RESCREEN_UNSURE: Clinical = {
  say: "You weren't sure about those warning signs.",
  sources: ['S-NHS'],
};

/** After a clear short check: no "none of those warning signs" (docs/clinical/reference.md: never after a question about now). */
export const RESCREEN_CLEAR: Clinical = {
  say: "Thank you. Let's carry on gently.",
  sources: ['S-NHS'],
};
