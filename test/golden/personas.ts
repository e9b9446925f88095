import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoPersistenceAdapter } from '../../lambda/src/services/persistence';
import { describeMatch, ssmlToText, type Turn } from '../../tools/sim';
import { talkTo } from '../support/dialog';
import { ROOT } from '../support/paths';

export const GOLDEN_DIR = join(ROOT, 'test', 'golden');
export const GOLDEN_TEST_FILE = 'test/golden/golden.test.ts';
/** The describe block of the golden test: each persona's test is `golden transcripts > <id>`. */
export const GOLDEN_DESCRIBE = 'golden transcripts';

export interface Persona {
  readonly id: string;
  readonly locale: string;
  /** Who this is, in one line, for a reader of the transcript. */
  readonly who: string;
  /** What the person says, turn by turn: "" is silence, "(later: N minutes)" lets time pass. */
  readonly says: readonly string[];
}

export function loadPersonas(): Persona[] {
  return (JSON.parse(readFileSync(join(GOLDEN_DIR, 'persona-scripts.json'), 'utf8')) as { personas: Persona[] }).personas;
}

export const transcriptPath = (id: string): string => join(GOLDEN_DIR, `${id}.txt`);

const LATER = /^\(later: (\d+) minutes?\)$/;
/** Every persona starts at the same moment, so reminders and resume windows read the same on every run. */
const START = Date.parse('2026-11-21T09:00:00Z');
/** A person takes a while to answer; the clock moves on between turns. */
const TURN_MS = 15_000;

const speechOf = (ssml: string | undefined, text: string): string => (ssml ? ssmlToText(ssml) : text);

function describeTurn(t: Turn, said: string): string[] {
  const out: string[] = [];
  out.push(said === '' ? 'You: (silence)' : `You: ${said}`);
  if (t.heard) out.push(`  heard: ${describeMatch(t.heard)}`);
  else if (t.heard === null) out.push('  heard: nothing matched (AMAZON.FallbackIntent)');
  if (t.outsideSkill) out.push('  (no session is open: Alexa itself would answer, not the skill)');
  if (t.action === 'silence' && t.listening) out.push(`Alexa (reprompt): ${speechOf(t.repromptSsml, t.speech)}`);
  else if (t.speech) out.push(`Alexa: ${speechOf(t.ssml, t.speech)}`);
  if (t.action !== 'silence' && t.reprompt) out.push(`  reprompt: ${speechOf(t.repromptSsml, t.reprompt)}`);
  for (const e of t.extras) out.push(`  ${e}`);
  for (const w of t.warnings) out.push(`  WARNING: ${w}`);
  if (!t.outsideSkill) out.push(t.listening ? '  (listening)' : '  (session closed)');
  return out;
}

/**
 * Runs one persona through the real skill, heard through the real interaction model of its locale, with
 * a real (local) DynamoDB so coming back later works as deployed. Returns the readable transcript.
 */
export async function runPersona(p: Persona, dynamoEndpoint: string, tableName: string): Promise<string> {
  let now = START;
  const clock = () => new Date(now);
  const memory = new DynamoPersistenceAdapter({ tableName, endpoint: dynamoEndpoint, now: () => now });
  const d = talkTo(p.locale, { memory, clock, userId: `amzn1.ask.account.golden-${p.id}` });
  const lines: string[] = [`# ${p.id} (${p.locale})`, `# ${p.who}`, ''];
  for (const said of p.says) {
    const later = LATER.exec(said);
    if (later) {
      now += Number(later[1]) * 60_000;
      lines.push(`(${later[1]} minutes later)`, '');
      continue;
    }
    now += TURN_MS;
    const turn = said === '' ? await d.silence() : await d.user(said);
    lines.push(...describeTurn(turn, said), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
