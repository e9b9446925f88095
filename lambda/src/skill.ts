import { SkillBuilders, type Skill } from 'ask-sdk-core';
import { CanFulfillIntentHandler } from './handlers/canFulfill';
import {
  conversationHandler, OtherRequestHandler, SafetyNetErrorHandler, SessionEndedHandler, skillDisabledHandler, type SkillServices,
} from './handlers/conversation';
import { TimeoutApiClient } from './services/apiClient';

export interface SkillOptions extends SkillServices {
  /** Requests for any other skill id are rejected (PLATFORM.md: withSkillId). */
  readonly skillId?: string;
}

/** Builds the skill from its parts; Lambda, the simulator and the tests all use this. */
export function buildSkill(options: SkillOptions = {}): Skill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      CanFulfillIntentHandler,
      conversationHandler(options),
      SessionEndedHandler,
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
