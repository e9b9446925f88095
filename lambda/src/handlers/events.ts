import type { Request } from 'ask-sdk-model';
import { QUESTION_INTENTS, TOPIC_QUESTION_INTENTS } from '../content/answers';
import { isFactId, isSignId, SYMPTOM_WORDS_EN, URGENT_WORDS_EN } from '../content/emergency';
import type { FlowEvent } from '../flow/events';
import { readPermissionAnswer } from '../services/alexaApi';

/** The question intents (content/answers.ts), except those that still send their older topic event. */
function questionEvents(): Record<string, FlowEvent> {
  const topics: readonly string[] = TOPIC_QUESTION_INTENTS;
  return Object.fromEntries(
    Object.entries(QUESTION_INTENTS)
      .filter(([intent]) => !topics.includes(intent))
      .map(([intent, question]) => [intent, { kind: 'question', question } as const]),
  );
}

/** Which intent means what to the flow. An intent not listed here is 'unsupported'. */
export const INTENT_EVENTS: Readonly<Record<string, FlowEvent>> = {
  BackWentOutIntent: { kind: 'entry' },
  EmergencyStatementIntent: { kind: 'emergency' }, // the sign or fact comes from the slot
  AgeIntent: { kind: 'age' }, // the years come from the slot
  CallIntent: { kind: 'call', urgent: true }, // who is called comes from the slot
  HelpComingIntent: { kind: 'helpComing' },
  HelpHereIntent: { kind: 'helpHere' },
  AloneIntent: { kind: 'alone' },
  ScaredIntent: { kind: 'scared' },
  NotSureIntent: { kind: 'notSure' },
  AckIntent: { kind: 'ack' },
  WhyAskIntent: { kind: 'why' },
  NotAloneIntent: { kind: 'company' },
  DoneIntent: { kind: 'done' },
  'AMAZON.NextIntent': { kind: 'done' },
  SkipIntent: { kind: 'skip' },
  'AMAZON.PreviousIntent': { kind: 'previous' },
  StandingIntent: { kind: 'position', pos: 'STANDING' },
  SittingIntent: { kind: 'position', pos: 'SITTING' },
  LyingOnBackIntent: { kind: 'position', pos: 'BACK' },
  LyingOnSideIntent: { kind: 'position', pos: 'SIDE' },
  OnFloorIntent: { kind: 'position', pos: 'FLOOR' },
  InBedIntent: { kind: 'position', pos: 'BED' },
  SlowerIntent: { kind: 'pace', pace: 'slower' },
  FasterIntent: { kind: 'pace', pace: 'faster' },
  NormalPaceIntent: { kind: 'pace', pace: 'normal' },
  EvenPaceIntent: { kind: 'pace', pace: 'even' },
  DizzyIntent: { kind: 'dizzy' },
  FeelBetterIntent: { kind: 'feel', feeling: 'better' },
  FeelSameIntent: { kind: 'feel', feeling: 'same' },
  FeelWorseIntent: { kind: 'feel', feeling: 'worse' },
  AnotherMinuteIntent: { kind: 'longer' },
  LieDownIntent: { kind: 'topic', topic: 'lieDown' },
  BreathingIntent: { kind: 'topic', topic: 'breathing' },
  PositionsIntent: { kind: 'topic', topic: 'positions' },
  TiltsIntent: { kind: 'topic', topic: 'tilts' },
  GetUpIntent: { kind: 'topic', topic: 'getUp' },
  GetOutOfBedIntent: { kind: 'topic', topic: 'getUp', pos: 'BED' },
  GetOffFloorIntent: { kind: 'topic', topic: 'getUp', pos: 'FLOOR' },
  GetOutOfChairIntent: { kind: 'topic', topic: 'getUp', pos: 'SITTING' },
  HeatIceIntent: { kind: 'topic', topic: 'heatIce' },
  PainReliefIntent: { kind: 'topic', topic: 'painRelief' },
  DoctorIntent: { kind: 'topic', topic: 'doctor' },
  ...questionEvents(),
  MenuIntent: { kind: 'menu' },
  ForgetMeIntent: { kind: 'forget' },
  TimerIntent: { kind: 'timer' },
  MoveReminderIntent: { kind: 'reminder', plan: 'move' },
  CheckInReminderIntent: { kind: 'reminder', plan: 'checkIn' },
  'AMAZON.YesIntent': { kind: 'yes' },
  MeantYesIntent: { kind: 'yes', meant: true },
  PregnantIntent: { kind: 'pregnant' },
  'AMAZON.NoIntent': { kind: 'no' },
  'AMAZON.HelpIntent': { kind: 'help' },
  'AMAZON.StopIntent': { kind: 'stop' },
  'AMAZON.CancelIntent': { kind: 'stop' },
  'AMAZON.NavigateHomeIntent': { kind: 'stop' },
  'AMAZON.RepeatIntent': { kind: 'repeat' },
  'AMAZON.StartOverIntent': { kind: 'startOver' },
  'AMAZON.FallbackIntent': { kind: 'fallback' },
};

type Slots = Record<string, { resolutions?: { resolutionsPerAuthority?: Array<{ status?: { code?: string }; values?: Array<{ value?: { id?: string } }> }> } }>;

/** The entity-resolution id of a slot, when Alexa matched it to one of our values. */
export function resolvedId(slots: unknown, name: string): string | undefined {
  if (typeof slots !== 'object' || slots === null) return undefined;
  const authorities = (slots as Slots)[name]?.resolutions?.resolutionsPerAuthority;
  if (!Array.isArray(authorities)) return undefined;
  for (const authority of authorities) {
    if (authority?.status?.code !== 'ER_SUCCESS_MATCH') continue;
    const id = authority.values?.[0]?.value?.id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** The words Alexa put in a slot, if any. */
function slotValue(slots: unknown, name: string): string | undefined {
  if (typeof slots !== 'object' || slots === null) return undefined;
  const value = (slots as Record<string, { value?: unknown } | undefined>)[name]?.value;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Turns a request into what the flow understands; never throws on odd input. */
export function toEvent(request: Request): FlowEvent {
  if (request.type === 'LaunchRequest') return { kind: 'launch' };
  if (request.type === 'Connections.Response') {
    const answer = readPermissionAnswer(request);
    return answer ? { kind: 'permission', answer } : { kind: 'unsupported' };
  }
  if (request.type !== 'IntentRequest') return { kind: 'unsupported' };
  const name = request.intent?.name;
  const event = typeof name === 'string' && Object.hasOwn(INTENT_EVENTS, name) ? INTENT_EVENTS[name] : undefined;
  if (!event) return { kind: 'unsupported' };
  const slots = request.intent.slots;
  if (event.kind === 'emergency') {
    const id = resolvedId(slots, 'sign');
    if (isSignId(id)) return { kind: 'emergency', sign: id };
    if (isFactId(id)) return { kind: 'fact', fact: id };
    if (id === 'PREGNANT') return { kind: 'pregnant' };
    // A statement that sounds like a warning sign but is not placed is checked with one specific question;
    // an ordinary sentence caught by the same carrier phrase ("I'm at my desk") is answered by the step.
    // "It's an emergency" (a sample with no slot, or those words) is urgent: said again at the check, it is the number.
    const words = slotValue(slots, 'sign');
    if (words === undefined || URGENT_WORDS_EN.test(words)) return { kind: 'emergency', urgent: true };
    return SYMPTOM_WORDS_EN.test(words) ? { kind: 'emergency' } : { kind: 'fallback' };
  }
  if (event.kind === 'age') {
    const years = Number(slotValue(slots, 'age'));
    return Number.isInteger(years) && years > 0 && years < 130 ? { kind: 'age', years } : { kind: 'age' };
  }
  if (event.kind === 'call') {
    // "Call for help", "call 911", "ring an ambulance": urgent. A name ("call Sam"): the skill still can't.
    const named = slotValue(slots, 'who') !== undefined;
    return { kind: 'call', urgent: !named || resolvedId(slots, 'who') === 'EMERGENCY' };
  }
  return event;
}
