// "Alexa, my back went out" with no skill named, and piped scripts that replay the same every run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { Conversation } from '../../tools/sim/conversation';
import { formatTurn, parseArgs } from '../../tools/sim/cli';
import { SKILL_ID, fixtureModel } from './fixture';
import { ROOT } from '../support/paths';

/** A toy skill that answers CanFulfillIntentRequest with `answer` and any intent with its name. */
function skill(answer: 'YES' | 'NO' | 'MAYBE') {
  const requests: RequestEnvelope[] = [];
  const invoke = async (env: RequestEnvelope): Promise<ResponseEnvelope> => {
    requests.push(structuredClone(env));
    if ((env.request.type as string) === 'CanFulfillIntentRequest') return { version: '1.0', response: { canFulfillIntent: { canFulfill: answer } } };
    const name = env.request.type === 'IntentRequest' ? env.request.intent.name : env.request.type;
    return { version: '1.0', response: { outputSpeech: { type: 'PlainText', text: `You said ${name}.` }, shouldEndSession: false } };
  };
  return { requests, invoke };
}

const convo = (invoke: (e: RequestEnvelope) => Promise<ResponseEnvelope>) => {
  let n = 0;
  return new Conversation({ invoke, model: fixtureModel(), locale: 'en-US', skillId: SKILL_ID, clock: () => new Date('2026-11-21T09:00:00Z'), ids: () => `id-${++n}` });
};

describe('name-free routing in the simulator', () => {
  it('asks the skill with a CanFulfillIntentRequest first, and on YES opens a new session with the intent', async () => {
    const s = skill('YES');
    const turn = await convo(s.invoke).say('alexa, my back went out');
    expect(s.requests.map((r) => r.request.type)).toEqual(['CanFulfillIntentRequest', 'IntentRequest']);
    const [probe, intent] = s.requests;
    expect((probe!.request as unknown as { intent: { name: string } }).intent.name).toBe('BackWentOutIntent');
    expect(intent!.session?.new).toBe(true);
    expect(intent!.session?.sessionId).not.toBe(probe!.session?.sessionId);
    expect(turn.speech).toBe('You said BackWentOutIntent.');
    expect(turn.listening).toBe(true);
    const printed = formatTurn(turn, { screen: false });
    expect(printed.filter((l) => l.includes('CanFulfillIntentRequest'))).toEqual([
      '  name-free: no skill named, so Alexa asked the skill first (CanFulfillIntentRequest for BackWentOutIntent): YES; it opens a new session with that intent',
    ]);
    expect(printed).toContain('  heard: BackWentOutIntent');
  });

  it.each(['NO', 'MAYBE'] as const)('on %s leaves the answer to Alexa and sends nothing more', async (answer) => {
    const s = skill(answer);
    const c = convo(s.invoke);
    const turn = await c.say('alexa, help me breathe');
    expect(s.requests.map((r) => r.request.type)).toEqual(['CanFulfillIntentRequest']);
    expect(turn.outsideSkill).toBe(true);
    expect(c.sessionOpen).toBe(false);
    expect(formatTurn(turn, { screen: false })[0]).toContain(`answered ${answer}, so Alexa itself would answer this`);
  });

  it('never routes Alexa\'s own words (yes, stop) or words no intent has', async () => {
    const s = skill('YES');
    const c = convo(s.invoke);
    expect((await c.say('yes')).outsideSkill).toBe(true);
    expect((await c.say('alexa, what is the weather in paris')).outsideSkill).toBe(true);
    expect(s.requests).toHaveLength(0);
  });
});

describe('npm start with piped input', () => {
  let data: string;
  beforeAll(() => {
    data = mkdtempSync(join(tmpdir(), 'back-helper-sim-'));
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  /** Runs the real `npm start` entry with `lines` on a pipe, its memory in a folder of our own. */
  const start = (lines: string[], ...args: string[]) => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--data', data, ...args], {
      cwd: ROOT, input: `${lines.join('\n')}\n`, encoding: 'utf8', timeout: 60_000,
    });
    expect(run.status).toBe(0);
    return run.stdout;
  };

  it('answers "alexa, my back went out", starts fresh unless --resume, and replays the same transcript', async () => {
    expect(parseArgs(['--resume', '--data', 'x'])).toMatchObject({ resume: true, data: 'x' });
    // A conversation that leaves a place to resume, remembered on disk.
    start(['alexa, ask back helper, my back went out', 'no', 'no', 'no', 'no', 'no', "i'm in bed", 'done', 'stop'], '--resume');

    const first = start(['alexa, my back went out', 'no']);
    expect(first).toContain('CanFulfillIntentRequest for BackWentOutIntent): YES');
    expect(first).toContain("Alexa: I'm sorry your back hurts. Stay where you are, and let your breath out slowly.");
    expect(first).toContain('starting fresh (piped input)');
    expect(start(['alexa, my back went out', 'no'])).toBe(first);

    const resumed = start(['open back helper'], '--resume');
    expect(resumed).toContain('Alexa: Welcome back.');
  });
});
