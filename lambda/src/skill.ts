import { SkillBuilders, type Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { ERROR_REPLY } from './flow/transition';
import { localePack } from './locale';
import { render } from './speech/render';
import { CanFulfillIntentHandler } from './handlers/canFulfill';
import {
  conversationHandler, OtherRequestHandler, ownAttributes, RedeliverError, SafetyNetErrorHandler, sessionEndedHandler, skillDisabledHandler,
  type SkillServices,
} from './handlers/conversation';
import { TimeoutApiClient } from './services/apiClient';
import { logEvent, setLoggableIntents } from './services/log';
import { INTENT_EVENTS } from './handlers/events';

export interface SkillOptions extends SkillServices {
  /** Requests for any other skill id are rejected (docs/platform.md: services, withSkillId). */
  readonly skillId?: string;
}

/** Builds the skill from its parts; Lambda, the simulator and the tests all use this. */
export function buildSkill(options: SkillOptions = {}): Skill {
  setLoggableIntents(Object.keys(INTENT_EVENTS));
  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      CanFulfillIntentHandler,
      conversationHandler(options),
      sessionEndedHandler(options),
      skillDisabledHandler(options),
      OtherRequestHandler,
    )
    .addErrorHandlers(SafetyNetErrorHandler)
    // Alexa's service APIs (timers, reminders) get a deadline so they cannot eat the 8-second window.
    .withApiClient(new TimeoutApiClient())
    .withCustomUserAgent('back-helper/0.1');
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}

/** A request for another skill, or one whose skill cannot be told: rejected, never answered. */
export class ForeignRequestError extends Error {
  override readonly name = 'ForeignRequestError';
  constructor() {
    super('Skill ID verification failed: request is not for this skill');
  }
}

/**
 * What Lambda runs: the skill, and a last line of defence for envelopes so broken that ask-sdk itself
 * fails before any of our handlers run (no context, no request). Those still get a calm answer with the
 * safety net, and keep the skill's own validated state and nothing else they came with. Requests for another
 * skill are not answered.
 */
export async function invokeSafely(skill: Skill, skillId: string | undefined, event: unknown, context?: unknown): Promise<ResponseEnvelope> {
  const e = (event ?? {}) as { context?: { System?: { application?: { applicationId?: unknown } } }; session?: { attributes?: unknown }; request?: { locale?: unknown } };
  if (skillId && e.context?.System?.application?.applicationId !== skillId) throw new ForeignRequestError();
  try {
    return await skill.invoke(event as RequestEnvelope, context);
  } catch (error) {
    // A skill event that could not be done fails the invocation, so Alexa delivers it again.
    if (error instanceof RedeliverError) throw error;
    logEvent(undefined, error);
    const out = render(ERROR_REPLY, localePack(e.request?.locale));
    return {
      version: '1.0',
      ...(e.session && typeof e.session === 'object' ? { sessionAttributes: ownAttributes(e.session.attributes) } : {}),
      response: {
        outputSpeech: { type: 'SSML', ssml: out.speech },
        reprompt: { outputSpeech: { type: 'SSML', ssml: out.reprompt! } },
        shouldEndSession: false,
      },
    };
  }
}
