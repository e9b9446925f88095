import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill, invokeSafely } from './skill';

/**
 * The database client is loaded only when a table is configured: the AWS SDK v3 stays outside the
 * bundle (the nodejs22.x runtime provides it), and without a table the bundle needs nothing else.
 */
function memoryFromEnv(): import('./services/persistence').MemoryStore | undefined {
  if (!process.env.BACK_HELPER_TABLE) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { persistenceFromEnv } = require('./services/persistence') as typeof import('./services/persistence');
  return persistenceFromEnv(process.env);
}

const skillId = process.env.SKILL_ID || undefined;
const skill = buildSkill({ skillId, memory: memoryFromEnv() });

/** The Lambda entry point, nothing else. */
export async function handler(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  return invokeSafely(skill, skillId, event, context);
}
