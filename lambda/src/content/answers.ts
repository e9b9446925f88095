import type { Clinical } from './types';
import { withOtherCountry } from '../locale';
import { CALM_HELPS, HURT_NOT_HARM, KEEP_UP_DAILY_LIFE, PHYSIO_LATER, WARM_BATH, WHEN_TO_SEE_DOCTOR } from './selfcare';

/**
 * Questions people ask out loud at any step (issue 11), each answered in two or three short sentences, then
 * back to the plan. docs/clinical/reference.md: self-care, when to see a doctor, the screen.
 */
export const QUESTION_IDS = [
  'howLong', 'paracetamol', 'antiInflammatory', 'emergencyRoom', 'semiFowler', 'heartAttack',
  'sleep', 'work', 'therapy', 'heatIce', 'whyHurt', 'warmBath', 'slippedDisc',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export interface Answer {
  /** Two or three short sentences. */
  readonly says: readonly Clinical[];
  /**
   * The flow must run the medicine-caution gate (MEDICINE_CHECKS, then MEDICINE_OK or
   * MEDICINE_ASK_PHARMACIST) right after `says`; `says` itself suggests no medicine. Never for a pregnant person:
   * there the flow says to ask a pharmacist or midwife instead (S-NHSPREG).
   */
  readonly needsMedicineCheck?: true;
  /** The flow must ask the chest-pain question (Q2) at once, after `says`, whatever step it was at. */
  readonly askChest?: true;
  /** The answer talks about a medicine: for a pregnant person the flow adds "ask a pharmacist or midwife first". */
  readonly medicine?: true;
}

/** A locale's medicine name at the start of a sentence: "Acetaminophen, or Tylenol," keeps its closing comma. */
function asSubject(name: string): string {
  const capital = name.charAt(0).toUpperCase() + name.slice(1);
  return name.includes(',') ? `${capital},` : capital;
}

export const ANSWERS: { readonly [Q in QuestionId]: Answer } = {
  howLong: {
    // One timeline, not three: better within days, eased within a couple of weeks.
    says: [
      { say: 'Most people start to feel better within three to five days.', sources: ['S-SEED0', 'S-SEED1'] },
      WHEN_TO_SEE_DOCTOR[0]!,
    ],
  },
  paracetamol: {
    says: [
      { say: (l) => `${asSubject(l.paracetamol)} is safe for most, at the dose on the pack.`, sources: ['S-NG59', 'S-ACP'] },
      { say: 'But on its own, it does little for back pain.', sources: ['S-NG59', 'S-ACP'] },
      { say: 'Heat and gentle movement often help more.', sources: ['S-COCH-HEAT', 'S-ACP', 'S-COCH-REST'] },
    ],
    medicine: true,
  },
  antiInflammatory: {
    says: [
      { say: 'Anti-inflammatory pills can ease back pain.', sources: ['S-ACP', 'S-NG59'] },
      { say: 'But they are not safe for everyone.', sources: ['S-NSAID'] },
    ],
    needsMedicineCheck: true,
    medicine: true,
  },
  emergencyRoom: {
    says: [
      {
        say: (l) => `Call ${l.emergencyNumber} now for a bad fall, chest pain, trouble breathing, or weak legs.`,
        sources: ['S-NHS', 'S-AHCPR'],
      },
      {
        say: (l) => withOtherCountry(l, 'Or for numbness between your legs, or trouble peeing or pooing.'),
        sources: ['S-NHS', 'S-BMJCES'],
      },
      { say: "Otherwise, you don't need to go now.", sources: ['S-NHS', 'S-SEED0'], reassures: true },
    ],
  },
  semiFowler: {
    says: [
      { say: 'Semi-Fowler is a way to rest on your back, with your knees bent.', sources: ['S-SEED2'] },
      { say: 'Put a pillow under your head, and two or three under your knees.', sources: ['S-SEED2'], moves: true },
      { say: 'It takes strain off your lower back.', sources: ['S-SEED2', 'S-SEED3'] },
    ],
  },
  heartAttack: {
    // Back pain can come with a heart attack or a tear in the aorta (Q2): never reassure, ask at once.
    says: [
      { say: "I can't tell that from here.", sources: ['S-NHS'] },
      { say: 'So let me ask you right now.', sources: ['S-NHS'] },
    ],
    askChest: true,
  },
  sleep: {
    says: [
      { say: 'Tonight, lie on your side with a pillow between your knees.', sources: ['S-SEED2'], moves: true },
      { say: 'Or lie on your back with pillows under your knees.', sources: ['S-SEED2', 'S-SEED3'], moves: true },
      { say: "Don't fall asleep with a heat pad or ice pack on.", sources: ['S-COCH-HEAT'] },
    ],
  },
  work: {
    says: [KEEP_UP_DAILY_LIFE, { say: 'Skip heavy lifting and twisting for the first few days.', sources: ['S-SEED0', 'S-SEED2'] }],
  },
  therapy: {
    says: [
      { say: 'In the first few days, skip deep massage and forceful moves.', sources: ['S-SEED4', 'S-SEED0'] },
      { say: 'Later, a gentle massage or a chiropractor may help.', sources: ['S-SEED1', 'S-SEED4'] },
      PHYSIO_LATER,
    ],
  },
  heatIce: {
    says: [
      { say: 'Heat helps most people, but use cold if you like it better.', sources: ['S-COCH-HEAT', 'S-ACP', 'S-SEED0'] },
      { say: 'Wrap it in a cloth: heat for fifteen to twenty minutes, cold for ten to fifteen.', sources: ['S-SEED0', 'S-SEED2', 'S-SEED4'] },
      { say: 'Check your skin, and never use it on numb skin or while you sleep.', sources: ['S-COCH-HEAT', 'S-SEED2'] },
    ],
  },
  whyHurt: {
    says: [
      { say: 'In a spasm, the muscles lock tight to guard your back, and that hurts a lot.', sources: ['S-SEED4', 'S-SEED2'] },
      HURT_NOT_HARM,
      CALM_HELPS,
    ],
  },
  // Asked by strangers ("is it a slipped disc?"): the usual cause, who can tell, and when a disc is more likely.
  slippedDisc: {
    says: [
      { say: 'Most sudden back spasms come from a strained muscle, not a slipped disc.', sources: ['S-SEED1'] },
      { say: 'Only a doctor can tell what is causing it.', sources: ['S-SEED0'] },
      { say: (l) => `If pain shoots down one leg below the knee, see a ${l.doctor} in the next few days.`, sources: ['S-SEED1', 'S-SEED0'] },
    ],
  },
  warmBath: {
    says: [
      WARM_BATH,
      { say: 'It can help the muscles relax.', sources: ['S-SEED0'] },
      { say: 'Take care getting in and out, and have someone close by if you can.', sources: ['S-NHSFALL'], moves: true },
    ],
  },
};

/**
 * Which intent asks which question. The new intents map to `{ kind: 'question' }` events; HeatIceIntent and
 * PainReliefIntent already exist and keep their topic events until the flow answers questions.
 */
export const QUESTION_INTENTS: Readonly<Record<string, QuestionId>> = {
  HowLongIntent: 'howLong',
  ParacetamolIntent: 'paracetamol',
  PainReliefIntent: 'antiInflammatory',
  EmergencyRoomIntent: 'emergencyRoom',
  SemiFowlerIntent: 'semiFowler',
  HeartAttackIntent: 'heartAttack',
  SleepIntent: 'sleep',
  WorkIntent: 'work',
  TherapyIntent: 'therapy',
  HeatIceIntent: 'heatIce',
  WhyHurtIntent: 'whyHurt',
  WarmBathIntent: 'warmBath',
  SlippedDiscIntent: 'slippedDisc',
};

/** The question intents that existed before and still send their topic event. */
export const TOPIC_QUESTION_INTENTS = ['PainReliefIntent', 'HeatIceIntent'] as const;
