import type { Request } from 'ask-sdk-model';
import { isSignId, type SignId } from '../content/emergency';
import type { EventKind, FlowEvent } from '../flow/events';

/** Which intent means what to the flow. An intent not listed here is 'unsupported'. */
export const INTENT_EVENTS: Readonly<Record<string, EventKind>> = {
  BackWentOutIntent: 'entry',
  EmergencyStatementIntent: 'emergency',
  NotSureIntent: 'notSure',
  'AMAZON.YesIntent': 'yes',
  'AMAZON.NoIntent': 'no',
  'AMAZON.HelpIntent': 'help',
  'AMAZON.StopIntent': 'stop',
  'AMAZON.CancelIntent': 'stop',
  'AMAZON.NavigateHomeIntent': 'stop',
  'AMAZON.RepeatIntent': 'repeat',
  'AMAZON.StartOverIntent': 'startOver',
  'AMAZON.FallbackIntent': 'fallback',
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
  if (request.type !== 'IntentRequest') return { kind: 'unsupported' };
  const name = request.intent?.name;
  const kind = typeof name === 'string' ? INTENT_EVENTS[name] : undefined;
  if (!kind) return { kind: 'unsupported' };
  if (kind === 'emergency') {
    const id = resolvedId(request.intent.slots, 'sign');
    const sign: SignId | undefined = isSignId(id) ? id : undefined;
    return sign ? { kind, sign } : { kind };
  }
  return { kind } as FlowEvent;
}
