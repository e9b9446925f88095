import type { Request } from 'ask-sdk-model';

/** The only logging the skill does: request type, intent and error name. Never ids, tokens or what was said. */
export function logEvent(request: Request | undefined, error?: unknown, sink: (line: string) => void = console.log): void {
  const type = typeof request?.type === 'string' ? request.type : 'unknown';
  const intent = request?.type === 'IntentRequest' && typeof request.intent?.name === 'string' ? request.intent.name : undefined;
  const entry: Record<string, string> = { type };
  if (intent) entry.intent = intent;
  if (error !== undefined) entry.error = error instanceof Error ? error.name : typeof error;
  sink(JSON.stringify(entry));
}
