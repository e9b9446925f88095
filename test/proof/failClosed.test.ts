/**
 * The guard fails closed, through the real handler: session state it cannot read never clears anyone.
 * Any trace of an emergency stays an emergency of unknown cause; anything else unreadable is a fresh full
 * screen, even for a person the database remembers as cleared a moment ago.
 */
import { buildSkill } from '../../lambda/src/skill';
import { STATE_VERSION } from '../../lambda/src/flow/state';
import { DynamoPersistenceAdapter } from '../../lambda/src/services/persistence';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../tools/dynamo/local';
import { intentRequest } from '../support/envelopes';

const NOW = Date.parse('2026-11-21T09:00:00Z');
const TABLE = 'back-helper-fail-closed';
let db: LocalDynamo;
let memory: DynamoPersistenceAdapter;

beforeAll(async () => {
  db = await startLocalDynamo();
  await ensureTable(db.endpoint, TABLE);
  memory = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: db.endpoint, now: () => NOW });
});
afterAll(() => db.stop());

// Before each test, dynalite remembers this person cleared the screen ten minutes ago, mid-breathing
// (a conversation that did not clear it overwrites that, as it should).
beforeEach(async () => {
  const env = intentRequest({ name: 'AMAZON.NoIntent', confirmationStatus: 'NONE' });
  const current = await memory.load(env);
  const saved = await memory.save(env, { v: 1, pace: 'normal', clear: true, at: NOW - 10 * 60_000, step: 'breathingOffer', q: 0 }, current.version);
  expect(saved.kind).toBe('saved');
});

const speechOf = (out: { response: { outputSpeech?: unknown } }): string => (out.response.outputSpeech as { ssml?: string } | undefined)?.ssml ?? '';
const bhOf = (out: { sessionAttributes?: Record<string, unknown> }) => out.sessionAttributes?.bh as Record<string, unknown> | undefined;

async function say(intent: string, attributes: Record<string, unknown>) {
  const skill = buildSkill({ memory });
  const envelope = intentRequest({ name: intent, confirmationStatus: 'NONE' }, { attributes });
  (envelope.request as { timestamp: string }).timestamp = new Date(NOW).toISOString();
  return skill.invoke(envelope);
}

describe('state the guard cannot read fails closed', () => {
  it.each([
    ['an emergency value it does not know', { v: STATE_VERSION, step: 'position', q: 0, pace: 'normal', sets: 0, cleared: true, emergency: 'SOMETHING_NEW' }],
    ['a step it does not know, with an emergency', { v: STATE_VERSION, step: 'danceFloor', q: 0, emergency: 'CHEST' }],
    ['an older version, with an emergency', { v: 1, step: 'position', emergency: 'Q1' }],
  ])('%s stays an emergency: asking to get up gives the number, not movement', async (_what, bh) => {
    const out = await say('GetUpIntent', { bh });
    expect(bhOf(out)?.emergency).toBeDefined();
    expect(bhOf(out)?.step).toBe('emergency');
    expect(speechOf(out)).toContain('Call 911 now');
    expect(speechOf(out)).not.toContain('Roll onto your side');
  });

  it.each([
    ['garbage', { bh: 'not a state' }],
    ['an older version', { bh: { v: 1, step: 'breathing', cleared: true } }],
    ['a step it does not know', { bh: { v: STATE_VERSION, step: 'somewhere', cleared: true } }],
  ])('%s is a fresh full screen, never the short check, even for someone remembered as cleared', async (_what, attributes) => {
    const out = await say('AMAZON.NoIntent', attributes);
    expect(bhOf(out)?.step).toBe('screen');
    expect(bhOf(out)?.q).toBe(0);
    expect(bhOf(out)?.cleared).toBeUndefined();
    expect(speechOf(out)).toContain('Did this start after a bad fall');
    expect(speechOf(out)).not.toContain('Do you have any of these now?');
  });

  it('and without any state, the same person is offered the short check: the test above can tell them apart', async () => {
    const out = await say('BackWentOutIntent', {});
    expect(speechOf(out)).toContain('Shall we carry on');
  });
});
