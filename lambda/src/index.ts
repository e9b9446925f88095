import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill } from './skill';

const skill = buildSkill({ skillId: process.env.SKILL_ID || undefined });

/** The Lambda entry point, nothing else. */
export async function handler(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  return skill.invoke(event, context);
}
