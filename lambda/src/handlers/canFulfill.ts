import type { RequestHandler } from 'ask-sdk-core';
import type { canfulfill } from 'ask-sdk-model';
import { resolvedId } from './events';
import { logEvent } from '../services/log';

/** Intents worth being chosen for when someone speaks without the skill's name. */
const NAME_FREE: ReadonlySet<string> = new Set([
  'BackWentOutIntent', 'EmergencyStatementIntent', 'BreathingIntent', 'PositionsIntent', 'TiltsIntent',
  'GetUpIntent', 'HeatIceIntent', 'PainReliefIntent', 'DoctorIntent',
]);

type Answer = canfulfill.CanFulfillIntent;

/** What we would do for this intent, judged from the request alone: no speech, no state, no database. */
export function canFulfill(intent: { name?: unknown; slots?: unknown } | undefined): Answer {
  const name = typeof intent?.name === 'string' ? intent.name : '';
  if (!NAME_FREE.has(name)) return { canFulfill: 'NO' };
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
  return { canFulfill: all ? 'YES' : 'MAYBE', ...(Object.keys(slots).length ? { slots } : {}) };
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
