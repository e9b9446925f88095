import { check } from 'ssml-check-core';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { lengthProblems, ssmlLength } from './replyLength';

const ssmlOf = (s: unknown): string | undefined =>
  s && typeof s === 'object' && (s as { type?: string }).type === 'SSML' ? (s as { ssml: string }).ssml : undefined;

/** Problems a person or Alexa would notice in one response; empty when it is fine. */
export async function responseProblems(envelope: ResponseEnvelope): Promise<string[]> {
  const problems: string[] = [];
  const r = envelope.response;
  const speech = r.outputSpeech;
  const checkSsml = async (label: string, ssml: string | undefined) => {
    if (ssml === undefined) return;
    if (ssml.length >= 8000) problems.push(`${label} has ${ssml.length} characters (limit 8000)`);
    const errors = await check(ssml, { platform: 'amazon' });
    if (errors?.length) problems.push(`${label} is not valid Alexa SSML: ${JSON.stringify(errors)}`);
  };
  await checkSsml('speech', ssmlOf(speech));
  await checkSsml('reprompt', ssmlOf(r.reprompt?.outputSpeech));
  if (r.shouldEndSession === false && !r.reprompt) problems.push('the session stays open with no reprompt');
  if (r.shouldEndSession === false && !speech) problems.push('the session stays open with nothing said');
  return problems;
}

/** Short turns: outside a timed set, no speech over 60 words; no reprompt over 60 words (replyLength.ts). */
export function turnLengthProblems(envelope: ResponseEnvelope): string[] {
  const r = envelope.response;
  return lengthProblems(ssmlLength(ssmlOf(r.outputSpeech), ssmlOf(r.reprompt?.outputSpeech)));
}

/** Wraps an invoke function so every response in every test is checked. */
export function checked<T extends (e: never) => Promise<ResponseEnvelope>>(invoke: T): T {
  return (async (event: never) => {
    const response = await invoke(event);
    const problems = [...(await responseProblems(response)), ...turnLengthProblems(response)];
    if (problems.length) throw new Error(`response failed checks:\n- ${problems.join('\n- ')}`);
    return response;
  }) as T;
}
