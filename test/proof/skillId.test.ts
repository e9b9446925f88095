import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { RequestEnvelope } from 'ask-sdk-model';
import { buildSkill } from '../../lambda/src/skill';
import { launchRequest, TEST_IDS } from '../support/envelopes';
import { findLeaks } from '../support/leakDetector';
import { BUNDLE } from '../support/paths';

const OURS = 'amzn1.ask.skill.ours';
const THEIRS = TEST_IDS.otherSkill;

describe('a skill built with our skill id', () => {
  const skill = buildSkill({ skillId: OURS });

  it("rejects a request meant for another skill, and says nothing", async () => {
    let response: unknown;
    const answer = skill.invoke(launchRequest({ applicationId: THEIRS })).then((r) => (response = r));
    await expect(answer).rejects.toThrow(/ID verification failed/);
    expect(response).toBeUndefined();
  });

  it('answers a request meant for us', async () => {
    const r = await skill.invoke(launchRequest({ applicationId: OURS }));
    expect(r.response.outputSpeech).toMatchObject({ type: 'SSML' });
  });
});

/** Runs the deployed bundle in a fresh node with this environment and sends one request. */
function sendToBundle(env: Record<string, string>, request: RequestEnvelope): { outcome: 'answered' | 'rejected'; speech?: unknown; error?: string; stdout: string } {
  const script = `
    require(${JSON.stringify(BUNDLE)}).handler(${JSON.stringify(request)}, {}).then(
      (r) => process.stdout.write('\\n' + JSON.stringify({ outcome: 'answered', speech: r && r.response && r.response.outputSpeech })),
      (e) => process.stdout.write('\\n' + JSON.stringify({ outcome: 'rejected', error: e && e.name + ': ' + e.message })),
    );`;
  const run = spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the bundle crashed: ${run.stderr}`);
  // The skill logs one JSON line per request before the answer; the answer is the last line.
  return { ...JSON.parse(run.stdout.trim().split('\n').at(-1)!), stdout: run.stdout };
}

describe('the Lambda bundle reads its skill id from SKILL_ID', () => {
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  });

  it('rejects a foreign request with no speech when SKILL_ID is set', () => {
    const r = sendToBundle({ SKILL_ID: OURS }, launchRequest({ applicationId: THEIRS }));
    expect(r.outcome).toBe('rejected');
    expect(r.error).toMatch(/ID verification failed/);
    expect(r.speech).toBeUndefined();
    // Refused before any handler ran: nothing was logged, least of all the foreign ids.
    expect(findLeaks(r.stdout.split('\n'))).toEqual([]);
  });

  it('answers our own request when SKILL_ID is set', () => {
    const r = sendToBundle({ SKILL_ID: OURS }, launchRequest({ applicationId: OURS }));
    expect(r.outcome).toBe('answered');
    expect(r.speech).toMatchObject({ type: 'SSML' });
    expect(findLeaks(r.stdout.split('\n'))).toEqual([]);
  });

  it('answers anyone when SKILL_ID is not set (so the rejection above comes from SKILL_ID)', () => {
    expect(sendToBundle({}, launchRequest({ applicationId: THEIRS })).outcome).toBe('answered');
  });
});
