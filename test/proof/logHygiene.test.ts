import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { handler } from '../../lambda/src/index';
import { findLeaks, projectRules } from '../support/leakDetector';
import { capturedLines } from '../support/logCapture';
import { intentRequest, launchRequest, TEST_IDS } from '../support/envelopes';
import { intentVariants, loadModel, symptomPhrases } from '../support/model';
import { ROOT } from '../support/paths';

const model = loadModel('en-US');

describe('the log-leak detector', () => {
  const clean = [
    '{"type":"LaunchRequest"}',
    '{"type":"IntentRequest","intent":"EmergencyStatementIntent"}',
    '{"type":"IntentRequest","intent":"AMAZON.YesIntent","error":"TypeError"}',
  ];

  it('passes the lines the skill is meant to log', () => {
    expect(findLeaks(clean)).toEqual([]);
  });

  it.each([
    ['a userId', `{"userId":"amzn1.ask.account.AF3XYZ"}`],
    ['a deviceId', `device amzn1.ask.device.AEK2ZZ`],
    ['a personId', `{"personId":"amzn1.ask.person.QQ1"}`],
    ['a JWT-like token', `authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x`],
  ])('catches %s', (_, line) => {
    expect(findLeaks([...clean, line]).length).toBeGreaterThan(0);
  });

  it('catches the exact ids the tests send, whatever they look like', () => {
    expect(projectRules().exactIds).toEqual(expect.arrayContaining([TEST_IDS.user, TEST_IDS.device, TEST_IDS.apiAccessToken]));
    expect(findLeaks(['user=PROOF-7 ok'], { exactIds: ['PROOF-7'], phrases: [] })).toHaveLength(1);
  });

  it('catches every value and synonym a person can say about their body, however it was escaped', () => {
    const phrases = symptomPhrases(model);
    expect(phrases.length).toBeGreaterThan(0);
    const missed = phrases.filter((p) => {
      const variants = [
        JSON.stringify({ type: 'IntentRequest', slot: p }),
        `heard: ${p.toUpperCase()}`,
        `said "${p.replace(/'/g, '&apos;')}"`,
        JSON.stringify({ said: p }).replace(/'/g, '\\u0027'),
      ];
      return variants.some((line) => findLeaks([line]).length === 0);
    });
    expect(missed).toEqual([]);
  });

  it('does not cry wolf on words that merely contain a phrase', () => {
    // "fell" and "fainted" are synonyms; a word that contains one is not a leak.
    expect(findLeaks(['{"type":"fellowship"}', 'unfainted'], { exactIds: [], phrases: ['fell', 'fainted'] })).toEqual([]);
  });
});

describe('the capture registered in jest.config.js', () => {
  it('sees console output and direct stream writes', () => {
    console.log('capture-probe-1');
    process.stdout.write('capture-probe-2\n');
    expect(capturedLines()).toEqual(expect.arrayContaining(['capture-probe-1', 'capture-probe-2']));
  });

  it('fails a test file that logs a userId, though every test in it passes', () => {
    const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
    const run = spawnSync(process.execPath, [jest, '--ci', '--testMatch', '<rootDir>/test/proof/fixtures/plantedLeak.fixture.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOG_CAPTURE_ECHO: '' },
    });
    // Only the child's exit and report are inspected: its report carries the planted id on purpose.
    const failedForLeak = run.status !== 0 && /log hygiene: \d+ captured line/.test(run.stderr) && /Tests:\s+1 passed/.test(run.stderr);
    expect(failedForLeak).toBe(true);
  });
});

describe("the skill's own request logs", () => {
  it('carry no ids and none of the words a person said, for every intent and slot value in the model', async () => {
    const start = capturedLines().length;
    let attributes: Record<string, unknown> = {};
    const first = await handler(launchRequest(), {});
    attributes = first.sessionAttributes ?? {};
    for (const v of intentVariants(model)) {
      const out = await handler(intentRequest(v.intent, { attributes }), {});
      attributes = out.response.shouldEndSession ? {} : (out.sessionAttributes ?? {});
    }
    const lines = capturedLines().slice(start);
    expect(lines.length).toBeGreaterThan(intentVariants(model).length);
    expect(findLeaks(lines, projectRules())).toEqual([]);
  });
});
