import { SkillBuilders, type Skill } from 'ask-sdk-core';
import { CanFulfillIntentHandler } from './handlers/canFulfill';
import { ConversationHandler, OtherRequestHandler, SafetyNetErrorHandler, SessionEndedHandler } from './handlers/conversation';

export interface SkillOptions {
  /** Requests for any other skill id are rejected (PLATFORM.md: withSkillId). */
  readonly skillId?: string;
}

/** Builds the skill from its parts; Lambda, the simulator and the tests all use this. */
export function buildSkill(options: SkillOptions = {}): Skill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(CanFulfillIntentHandler, ConversationHandler, SessionEndedHandler, OtherRequestHandler)
    .addErrorHandlers(SafetyNetErrorHandler)
    .withCustomUserAgent('back-helper/0.1');
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}
