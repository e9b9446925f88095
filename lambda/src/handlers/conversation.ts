import type { ErrorHandler, HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { transition } from '../flow/transition';
import { readState, STATE_KEY } from '../flow/state';
import type { Reply } from '../flow/reply';
import { localePack } from '../locale';
import { render } from '../speech/render';
import { TALK } from '../content/talk';
import { SAFETY_NET } from '../content/emergency';
import { talk, line } from '../flow/reply';
import { toEvent } from './events';
import { logEvent } from '../services/log';

function localeOf(input: HandlerInput): string | undefined {
  const locale = (input.requestEnvelope.request as { locale?: unknown }).locale;
  return typeof locale === 'string' ? locale : undefined;
}

function respond(input: HandlerInput, reply: Reply): Response {
  const out = render(reply, localePack(localeOf(input)));
  const builder = input.responseBuilder.speak(out.speech);
  if (out.reprompt) builder.reprompt(out.reprompt);
  // Alexa treats a missing shouldEndSession differently per device: always say it.
  return builder.withShouldEndSession(out.end).getResponse();
}

/** Launch and every intent: request -> event -> transition -> save state -> render. */
export const ConversationHandler: RequestHandler = {
  canHandle(input) {
    const type = input.requestEnvelope.request.type;
    return type === 'LaunchRequest' || type === 'IntentRequest';
  },
  handle(input) {
    const request = input.requestEnvelope.request;
    logEvent(request);
    const attributes = input.attributesManager.getSessionAttributes();
    const prev = readState(attributes[STATE_KEY]);
    const { state, reply } = transition(prev, toEvent(request));
    input.attributesManager.setSessionAttributes({ ...attributes, [STATE_KEY]: state });
    return respond(input, reply);
  },
};

/** Alexa sends this when the session closes; it takes no speech. */
export const SessionEndedHandler: RequestHandler = {
  canHandle(input) {
    return input.requestEnvelope.request.type === 'SessionEndedRequest';
  },
  handle(input) {
    logEvent(input.requestEnvelope.request);
    return input.responseBuilder.getResponse();
  },
};

/** Any other request type: nothing to say unless a person is in the conversation. */
export const OtherRequestHandler: RequestHandler = {
  canHandle() {
    return true;
  },
  handle(input) {
    logEvent(input.requestEnvelope.request);
    if (!input.requestEnvelope.session) return input.responseBuilder.getResponse();
    const prev = readState(input.attributesManager.getSessionAttributes()[STATE_KEY]);
    return respond(input, transition(prev, { kind: 'unsupported' }).reply);
  },
};

/** Last resort: a calm line that still carries the safety net, and the conversation stays where it was. */
export const SafetyNetErrorHandler: ErrorHandler = {
  canHandle() {
    return true;
  },
  handle(input, error) {
    logEvent(input.requestEnvelope?.request, error);
    const reply: Reply = {
      say: [talk(TALK.error), line(SAFETY_NET)],
      ask: [talk(TALK.errorRetry)],
      reprompt: [line(SAFETY_NET), talk(TALK.errorRetry)],
      end: false,
    };
    return respond(input, reply);
  },
};
