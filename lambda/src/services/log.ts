import type { Request } from 'ask-sdk-model';

/** Request types the skill expects; anything else is logged as "other", never as sent. */
const KNOWN_TYPES = new Set([
  'LaunchRequest', 'IntentRequest', 'SessionEndedRequest', 'CanFulfillIntentRequest', 'Connections.Response',
  'AlexaSkillEvent.SkillDisabled', 'Alexa.Presentation.APL.UserEvent', 'System.ExceptionEncountered',
]);
/** Intent names are logged only when the model defines them; set once by the skill at start-up. */
let knownIntents: ReadonlySet<string> = new Set();
export function setLoggableIntents(names: Iterable<string>): void {
  knownIntents = new Set(names);
}

/**
 * The only logging the skill does: request type, intent and error name. Never ids, tokens or what
 * was said, and never a string a caller chose: unknown types and intents are logged as "other".
 */
export function logEvent(
  request: Request | undefined,
  error?: unknown,
  sink: (line: string) => void = console.log,
  /** 'error' for a bug that reached the error handler; 'failed' for a service that let us down. */
  key: 'error' | 'failed' = 'error',
): void {
  const raw = (request as { type?: unknown } | undefined)?.type;
  const type = typeof raw === 'string' && KNOWN_TYPES.has(raw) ? raw : 'other';
  const name = request?.type === 'IntentRequest' ? (request.intent as { name?: unknown } | undefined)?.name : undefined;
  const entry: Record<string, string> = { type };
  if (typeof name === 'string') entry.intent = knownIntents.has(name) ? name : 'other';
  if (error !== undefined) entry[key] = errorName(error);
  sink(JSON.stringify(entry));
}

const SAFE_NAME = /^[A-Za-z][A-Za-z0-9]{0,40}$/;
function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name : (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && SAFE_NAME.test(name) ? name : 'Error';
}

/** A database or Alexa API that failed: the skill carried on, and says so in one line. */
export function logFailure(request: Request | undefined, error: unknown): void {
  logEvent(request, error, console.log, 'failed');
}
