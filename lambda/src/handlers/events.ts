import type { Request } from 'ask-sdk-model';
import { isSignId } from '../content/emergency';
import type { FlowEvent } from '../flow/events';
import { readPermissionAnswer } from '../services/alexaApi';

/** Which intent means what to the flow. An intent not listed here is 'unsupported'. */
export const INTENT_EVENTS: Readonly<Record<string, FlowEvent>> = {
  BackWentOutIntent: { kind: 'entry' },
  EmergencyStatementIntent: { kind: 'emergency' }, // the sign comes from the slot
  NotSureIntent: { kind: 'notSure' },
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
  FasterIntent: { kind: 'pace', pace: 'normal' },
  EvenPaceIntent: { kind: 'pace', pace: 'even' },
  FeelBetterIntent: { kind: 'feel', feeling: 'better' },
  FeelSameIntent: { kind: 'feel', feeling: 'same' },
  FeelWorseIntent: { kind: 'feel', feeling: 'worse' },
  BreathingIntent: { kind: 'topic', topic: 'breathing' },
  PositionsIntent: { kind: 'topic', topic: 'positions' },
  TiltsIntent: { kind: 'topic', topic: 'tilts' },
  GetUpIntent: { kind: 'topic', topic: 'getUp' },
  HeatIceIntent: { kind: 'topic', topic: 'heatIce' },
  PainReliefIntent: { kind: 'topic', topic: 'painRelief' },
  DoctorIntent: { kind: 'topic', topic: 'doctor' },
  MenuIntent: { kind: 'menu' },
  ForgetMeIntent: { kind: 'forget' },
  TimerIntent: { kind: 'timer' },
  MoveReminderIntent: { kind: 'reminder', plan: 'move' },
  CheckInReminderIntent: { kind: 'reminder', plan: 'checkIn' },
  'AMAZON.YesIntent': { kind: 'yes' },
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
  if (event.kind === 'emergency') {
    const id = resolvedId(request.intent.slots, 'sign');
    // An unmatched sign is checked with one question rather than guessed either way.
    return isSignId(id) ? { kind: 'emergency', sign: id } : { kind: 'emergency' };
  }
  return event;
}
