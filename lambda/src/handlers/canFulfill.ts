import type { RequestHandler } from 'ask-sdk-core';
import type { canfulfill } from 'ask-sdk-model';
import { resolvedId } from './events';
import { isSignId } from '../content/emergency';
import { logEvent } from '../services/log';

export type NameFreeAnswer = 'YES' | 'NO' | 'MAYBE';

const BACK_PAIN = 'only a person whose back has just gone out says this: the skill is the right place';
const WARNING_SIGN = 'a warning sign said aloud: the skill answers with the emergency advice at once';
const GENERIC = 'also said by people with no back pain (relaxing, stretching, getting up, heat, medicine, a doctor): a YES would pull them into a back-pain safety screen';
const ALERTS = 'timers and reminders belong to Alexa itself when no skill is named';
const QUESTION = 'a question many people ask for other reasons (a heart attack, work, a bath, medicine, how long something lasts): a YES would pull them into a back-pain safety screen';
const IN_CONVERSATION = 'only means something inside a conversation with the skill';
const CALLS = 'calling belongs to Alexa itself: a YES would swallow "call mom" or "call for help" that Alexa can place';
const FEELINGS = 'also said by people with no back pain (alone, scared, an age): only meaningful inside the conversation';
const FORGET = 'only this skill\'s users have anything to forget, and they will name it';

/**
 * How the skill answers a name-free request for each intent of its model (docs/platform.md: YES only where the
 * skill is the right place). Every intent must be listed, with a reason: a test fails for one that is not.
 * The answer is per intent, because a CanFulfillIntentRequest carries the intent, not the words.
 */
export const NAME_FREE: Readonly<Record<string, { readonly answer: NameFreeAnswer; readonly why: string }>> = {
  BackWentOutIntent: { answer: 'YES', why: BACK_PAIN },
  EmergencyStatementIntent: { answer: 'YES', why: WARNING_SIGN },
  BreathingIntent: { answer: 'NO', why: GENERIC },
  PositionsIntent: { answer: 'NO', why: GENERIC },
  TiltsIntent: { answer: 'NO', why: GENERIC },
  GetUpIntent: { answer: 'NO', why: GENERIC },
  GetOutOfBedIntent: { answer: 'NO', why: GENERIC },
  GetOffFloorIntent: { answer: 'NO', why: GENERIC },
  GetOutOfChairIntent: { answer: 'NO', why: GENERIC },
  HeatIceIntent: { answer: 'NO', why: GENERIC },
  PainReliefIntent: { answer: 'NO', why: GENERIC },
  DoctorIntent: { answer: 'NO', why: GENERIC },
  HowLongIntent: { answer: 'NO', why: QUESTION },
  ParacetamolIntent: { answer: 'NO', why: QUESTION },
  EmergencyRoomIntent: { answer: 'NO', why: QUESTION },
  SemiFowlerIntent: { answer: 'NO', why: QUESTION },
  HeartAttackIntent: { answer: 'NO', why: QUESTION },
  SleepIntent: { answer: 'NO', why: QUESTION },
  WorkIntent: { answer: 'NO', why: QUESTION },
  TherapyIntent: { answer: 'NO', why: QUESTION },
  WhyHurtIntent: { answer: 'NO', why: QUESTION },
  WarmBathIntent: { answer: 'NO', why: QUESTION },
  SlippedDiscIntent: { answer: 'NO', why: QUESTION },
  TimerIntent: { answer: 'NO', why: ALERTS },
  MoveReminderIntent: { answer: 'NO', why: ALERTS },
  CheckInReminderIntent: { answer: 'NO', why: ALERTS },
  ForgetMeIntent: { answer: 'NO', why: FORGET },
  CallIntent: { answer: 'NO', why: CALLS },
  HelpComingIntent: { answer: 'NO', why: IN_CONVERSATION },
  HelpHereIntent: { answer: 'NO', why: IN_CONVERSATION },
  AloneIntent: { answer: 'NO', why: FEELINGS },
  ScaredIntent: { answer: 'NO', why: FEELINGS },
  AgeIntent: { answer: 'NO', why: FEELINGS },
  NotSureIntent: { answer: 'NO', why: IN_CONVERSATION },
  AckIntent: { answer: 'NO', why: IN_CONVERSATION },
  WhyAskIntent: { answer: 'NO', why: IN_CONVERSATION },
  NotAloneIntent: { answer: 'NO', why: IN_CONVERSATION },
  AnotherMinuteIntent: { answer: 'NO', why: IN_CONVERSATION },
  LieDownIntent: { answer: 'NO', why: GENERIC },
  DoneIntent: { answer: 'NO', why: IN_CONVERSATION },
  SkipIntent: { answer: 'NO', why: IN_CONVERSATION },
  MenuIntent: { answer: 'NO', why: IN_CONVERSATION },
  StandingIntent: { answer: 'NO', why: IN_CONVERSATION },
  SittingIntent: { answer: 'NO', why: IN_CONVERSATION },
  LyingOnBackIntent: { answer: 'NO', why: IN_CONVERSATION },
  LyingOnSideIntent: { answer: 'NO', why: IN_CONVERSATION },
  OnFloorIntent: { answer: 'NO', why: IN_CONVERSATION },
  InBedIntent: { answer: 'NO', why: IN_CONVERSATION },
  SlowerIntent: { answer: 'NO', why: IN_CONVERSATION },
  FasterIntent: { answer: 'NO', why: IN_CONVERSATION },
  EvenPaceIntent: { answer: 'NO', why: IN_CONVERSATION },
  NormalPaceIntent: { answer: 'NO', why: IN_CONVERSATION },
  DizzyIntent: { answer: 'NO', why: IN_CONVERSATION },
  FeelBetterIntent: { answer: 'NO', why: IN_CONVERSATION },
  FeelSameIntent: { answer: 'NO', why: IN_CONVERSATION },
  FeelWorseIntent: { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.YesIntent': { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.NoIntent': { answer: 'NO', why: IN_CONVERSATION },
  MeantYesIntent: { answer: 'NO', why: IN_CONVERSATION },
  PregnantIntent: { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.HelpIntent': { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.StopIntent': { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.CancelIntent': { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.NavigateHomeIntent': { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.FallbackIntent': { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.RepeatIntent': { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.StartOverIntent': { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.NextIntent': { answer: 'NO', why: IN_CONVERSATION },
  'AMAZON.PreviousIntent': { answer: 'NO', why: IN_CONVERSATION },
};

type Answer = canfulfill.CanFulfillIntent;

/** What we would do for this intent, judged from the request alone: no speech, no state, no database. */
export function canFulfill(intent: { name?: unknown; slots?: unknown } | undefined): Answer {
  const name = typeof intent?.name === 'string' ? intent.name : '';
  const listed = Object.hasOwn(NAME_FREE, name) ? NAME_FREE[name]!.answer : 'NO';
  if (listed === 'NO') return { canFulfill: 'NO' };
  // The statement slot also holds T2 and T3 facts ("I'm pregnant", "I have a fever"): only a warning sign is ours.
  const sign = name === 'EmergencyStatementIntent' ? resolvedId(intent?.slots, 'sign') : undefined;
  if (sign !== undefined && !isSignId(sign)) return { canFulfill: 'NO' };
  const slots: Record<string, canfulfill.CanFulfillSlot> = {};
  let all = true;
  const given = intent?.slots && typeof intent.slots === 'object' ? (intent.slots as Record<string, { value?: unknown }>) : {};
  for (const slot of Object.keys(given)) {
    const understood = resolvedId(given, slot) !== undefined;
    const heard = typeof given[slot]?.value === 'string' && given[slot]!.value !== '';
    if (!heard) continue;
    if (!understood) all = false;
    slots[slot] = { canUnderstand: understood ? 'YES' : 'MAYBE', canFulfill: 'YES' };
  }
  return { canFulfill: all && listed === 'YES' ? 'YES' : 'MAYBE', ...(Object.keys(slots).length ? { slots } : {}) };
}

export const CanFulfillIntentHandler: RequestHandler = {
  canHandle(input) {
    return input.requestEnvelope.request.type === 'CanFulfillIntentRequest';
  },
  handle(input) {
    const request = input.requestEnvelope.request as { type: string; intent?: { name?: unknown; slots?: unknown } };
    logEvent(input.requestEnvelope.request);
    return input.responseBuilder.withCanFulfillIntent(canFulfill(request.intent)).getResponse();
  },
};
