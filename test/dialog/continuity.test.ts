import { createServer, type AddressInfo, type Socket } from 'node:net';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoPersistenceAdapter, createDynamoClient, userKey } from '../../lambda/src/services/persistence';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../tools/dynamo/local';
import { buildSkill } from '../../lambda/src/skill';
import { talkTo, type Dialog } from '../support/dialog';
import { movementIn, movementSentences } from '../support/clinicalWalk';
import { localePack } from '../../lambda/src/locale';
import { MORE_QUESTIONS, SCREEN } from '../../lambda/src/content/screen';

const MOVEMENT = movementSentences(localePack('en-US'));
/** The state the skill keeps in the session after this turn. */
const stateAfter = (t: Dialog['turns'][number]): Record<string, unknown> =>
  (t.response?.sessionAttributes?.bh ?? {}) as Record<string, unknown>;

const TABLE = 'back-helper-test';
let db: LocalDynamo;
let now = Date.parse('2026-11-21T09:00:00Z');
const clock = () => new Date(now);
const later = (minutes: number) => {
  now += minutes * 60_000;
};

beforeAll(async () => {
  db = await startLocalDynamo();
  await ensureTable(db.endpoint, TABLE);
});
afterAll(() => db.stop());

let user = 0;
/** A fresh person for each test, talking to a skill that remembers them in dynalite. */
function person() {
  const userId = `amzn1.ask.account.continuity-${++user}`;
  const memory = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: db.endpoint, now: () => now });
  return { userId, memory, talk: () => talkTo('en-US', { memory, clock, userId }) };
}

async function items(): Promise<Array<Record<string, unknown>>> {
  const out = await createDynamoClient({ endpoint: db.endpoint }).send(new ScanCommand({ TableName: TABLE }));
  return out.Items ?? [];
}

async function toBreathing(d: Dialog) {
  await d.user('alexa, ask back helper, my back went out');
  for (let i = 0; i < SCREEN.length; i++) await d.user('no');
  await d.user("i'm on my back");
  await d.user('done');
  await d.user('yes');
}

describe('picking up where you left off', () => {
  it('offers to carry on within two hours, after the warning signs as one present-tense question', async () => {
    const p = person();
    const first = p.talk();
    await toBreathing(first);
    await first.silence();
    expect((await first.silence()).listening).toBe(false); // Alexa gave up listening

    later(30);
    const second = p.talk();
    const back = await second.user('open back helper');
    expect(back.speech).toBe('Welcome back. Shall we carry on with the slow breathing?');
    const check = await second.user('yes');
    expect(check.speech).toContain('First, the warning signs. A bad fall.');
    expect(check.speech).toContain('Do you have any of these now?');
    // The short check replaces the full screen: not its first question.
    expect(check.speech).not.toContain('Did this start after a bad fall');
    const resumed = await second.user('no');
    expect(resumed.speech).toContain("Thank you. Let's carry on gently.");
    expect(resumed.speech).not.toContain('None of those warning signs');
    expect(resumed.speech).toContain('Shall we breathe together for a minute?');
  });

  it('something else asked for at the carry-on offer comes right after the short check, not the full screen', async () => {
    const p = person();
    await toBreathing(p.talk());
    later(20);
    const d = p.talk();
    expect((await d.user('open back helper')).speech).toBe('Welcome back. Shall we carry on with the slow breathing?');
    const help = await d.user('help');
    expect(help.speech).toContain('Just say yes to carry on where we left off, or no.');
    const asked = await d.user('how do i get out of bed');
    expect(asked.speech).toContain("I'll get to that right after these safety questions.");
    expect(asked.speech).toContain('Do you have any of these now?');
    expect(asked.speech).not.toContain('Did this start after a bad fall');
    const after = await d.user('no');
    expect(after.speech).toContain("Thank you. Let's carry on gently.");
    // Getting up needs Q6-Q11 first: the way there, not the breathing they were offered before.
    expect(after.speech).not.toContain('Shall we breathe together for a minute?');
    expect(stateAfter(after)).toMatchObject({ cleared: true, want: 'getUp' });
    expect(stateAfter(after).breathed).toBeUndefined();

    // (A clear by the short check does not open another short check: a second person for the timer.)
    const q = person();
    await toBreathing(q.talk());
    later(20);
    const e = q.talk();
    await e.user('open back helper');
    const timer = await e.user('set a timer for fifteen minutes');
    expect(timer.speech).toContain('I can do that after a quick safety check. Then just ask me again.');
    expect(timer.speech).toContain('Do you have any of these now?');
  });

  it('not sure to the present-tense question is an emergency, said back truthfully, with no movement after', async () => {
    const p = person();
    await toBreathing(p.talk());
    later(10);
    const d = p.talk();
    await d.user('open back helper');
    await d.user('yes');
    const t1 = await d.user("i'm not sure");
    expect(t1.speech).toMatch(/^You weren't sure about those warning signs\. Call 911 now/);
    const move = await d.user('help me get up');
    // Not only no movement sentence: the conversation stays in the emergency, and says the number again.
    expect(movementIn(move.speech, MOVEMENT)).toEqual([]);
    expect(move.speech).not.toContain('a few more safety questions');
    expect(move.speech).toContain("Call 911 now if you haven't yet.");
    expect(stateAfter(move)).toMatchObject({ step: 'emergency', emergency: 'RESCREEN' });
  });

  it('after two hours greets briefly and asks the full screen again', async () => {
    const p = person();
    await toBreathing(p.talk());
    later(180);
    const d = p.talk();
    const t = await d.user('open back helper');
    expect(t.speech).toBe("Welcome back. Let's start with a few quick safety questions. Just say yes or no. Did this start after a bad fall, a car accident, or a hard blow?");
  });

  it('answers the present-tense question before anything else, and still asks Q6-Q11 before getting up', async () => {
    const p = person();
    await toBreathing(p.talk());
    later(30);
    const d = p.talk();
    const check = await d.user('alexa, ask back helper how do i get out of bed', 'GetOutOfBedIntent');
    expect(check.speech).toContain('Do you have any of these now?');
    const early = await d.user('how do i get out of bed', 'GetOutOfBedIntent');
    // Not yet the way to getting up (its questions first): the present-tense question comes before it.
    expect(early.speech).not.toContain('a few more safety questions');
    expect(movementIn(early.speech, MOVEMENT)).toEqual([]);
    expect(early.speech).toContain('Do you have any of these now?');
    const after = await d.user('no');
    expect(after.speech).not.toContain('Lie on your back and bend your knees.');
    expect(after.speech).toContain('Before that, a few more safety questions.');
    expect(after.speech).toContain('Do you have a fever or chills');
    for (let i = 0; i < MORE_QUESTIONS.length - 1; i++) await d.user('no');
    const up = await d.user('no');
    expect(up.speech).toContain('Lie on your back and bend your knees.');
  });

  it('remembers the breathing pace and that the disclaimer was heard', async () => {
    const p = person();
    const first = p.talk();
    await toBreathing(first);
    await first.user('slower');
    await first.user('stop');
    later(300);
    const d = p.talk();
    await d.user('alexa, ask back helper to help me breathe');
    for (let i = 0; i < SCREEN.length - 1; i++) await d.user('no');
    const clear = await d.user('no');
    expect(clear.speech).not.toContain("I'm not a doctor");
    expect(clear.speech).toContain('You asked about slow breathing. Shall we start with that?');
    const t = await d.user('yes');
    expect(t.speech).toContain('In for four, and a long breath out for eight.');
  });
});

describe('coming back never clears someone who is not clear', () => {
  it('after an emergency, the next conversation asks the full screen, and a no to "anything now" is never heard as clear', async () => {
    const p = person();
    const first = p.talk();
    await toBreathing(first);
    await first.user('it feels numb when i wipe', 'EmergencyStatementIntent');
    await first.user('stop');
    later(20);
    const d = p.talk();
    const t = await d.user('open back helper');
    expect(t.speech).toContain('Did this start after a bad fall');
    expect(t.speech).not.toContain('Do you have any of these now?');
    const no = await d.user('no');
    // A no to the first question leads to the second one, never to the short check's "carry on".
    expect(no.speech).toContain('Do you have any pain or tightness in your chest?');
    expect(no.speech).not.toContain("Let's carry on gently");
    expect(stateAfter(no)).toMatchObject({ step: 'screen', q: 1 });
    expect(stateAfter(no)).not.toHaveProperty('cleared');
  });

  it('someone who stopped at the first question gets the full screen, not the short check', async () => {
    const p = person();
    const first = p.talk();
    await first.user('alexa, ask back helper, my back went out');
    await first.user('stop');
    later(10);
    const t = await p.talk().user('open back helper');
    expect(t.speech).toContain('Did this start after a bad fall');
    expect(t.speech).not.toContain('Do you have any of these now?');
  });

  it('a short check does not make the conversation after it short too: only a full screen does', async () => {
    const p = person();
    await toBreathing(p.talk());
    later(20);
    const second = p.talk();
    await second.user('alexa, ask back helper to help me breathe');
    const cleared = await second.user('no');
    expect(cleared.speech).toContain("Let's carry on gently.");
    await second.user('stop');
    later(20);
    const third = await p.talk().user('open back helper');
    expect(third.speech).toContain('Did this start after a bad fall');
  });

  it('a database that cannot be read never turns a returning person into a cleared one', async () => {
    const p = person();
    await toBreathing(p.talk());
    later(10);
    const broken = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: 'http://127.0.0.1:9', now: () => now });
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const t = await talkTo('en-US', { memory: broken, clock, userId: p.userId }).user('open back helper');
      expect(t.speech).toContain('Did this start after a bad fall');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('what is stored', () => {
  it('is only preferences and a place to resume: never an answer about symptoms', async () => {
    const p = person();
    const d = p.talk();
    await toBreathing(d);
    await d.user('no');
    await d.user('yes'); // fever or cancer: a reason to see a doctor today
    const all = await items();
    expect(all.length).toBeGreaterThan(0);
    for (const item of all) {
      expect(Object.keys(item).sort()).toEqual(['attributes', 'expiresAt', 'id', 'ver']);
      expect(item.id).toMatch(/^[0-9a-f]{64}$/);
      const attributes = item.attributes as Record<string, unknown>;
      expect(Object.keys(attributes).every((k) => ['v', 'pace', 'disclaimed', 'clear', 'step', 'q', 'pos', 'at'].includes(k))).toBe(true);
    }
    expect(JSON.stringify(all)).not.toContain(p.userId);
    // The T2 answer left nothing that skips questions: the next conversation asks the full screen.
    later(5);
    const next = await p.talk().user('open back helper');
    expect(next.speech).toContain('Did this start after a bad fall');
    expect(next.speech).not.toContain('Do you have any of these now?');
    expect(next.speech).not.toContain('carry on');
  });

  it('expires on its own: the item carries a TTL thirty days out', async () => {
    const p = person();
    await p.talk().user('open back helper');
    const mine = (await items()).find((i) => i.id === userKey(p.userId));
    expect(mine?.expiresAt).toBe(Math.floor(now / 1000) + 30 * 24 * 3600);
  });
});

describe('forget me', () => {
  it('replaces the record by a short-lived tombstone after a yes, and the next conversation starts as new', async () => {
    const p = person();
    const d = p.talk();
    await toBreathing(d);
    const before = (await items()).length;
    const ask = await d.user('forget me', 'ForgetMeIntent');
    expect(ask.speech).toContain('Do you want me to delete your saved settings');
    const done = await d.user('yes');
    expect(done.speech).toContain("Done. I've deleted all I saved about you.");
    const tombstone = { id: userKey(p.userId), gone: true, expiresAt: Math.floor(now / 1000) + 600 };
    expect((await items()).length).toBe(before);
    expect((await items()).find((i) => i.id === userKey(p.userId))).toEqual(tombstone);
    await d.user('yes'); // carry on: nothing is saved again in this session
    expect((await items()).find((i) => i.id === userKey(p.userId))).toEqual(tombstone);
    later(1);
    const fresh = await p.talk().user('open back helper');
    expect(fresh.speech).toMatch(/^I'm sorry your back hurts\./);
  });

  it('a no keeps everything', async () => {
    const p = person();
    const d = p.talk();
    await toBreathing(d);
    const before = (await items()).length;
    await d.user('delete my data', 'ForgetMeIntent');
    const kept = await d.user('no');
    expect(kept.speech).toContain("Okay, I'll keep them.");
    expect((await items()).length).toBe(before);
  });

  it('disabling the skill deletes the record, leaving only a ten-minute tombstone', async () => {
    const p = person();
    await toBreathing(p.talk());
    const skill = buildSkill({ memory: p.memory });
    await skill.invoke({
      version: '1.0',
      context: { System: { application: { applicationId: 'a' }, user: { userId: p.userId }, apiEndpoint: 'https://api.amazonalexa.com' } },
      request: { type: 'AlexaSkillEvent.SkillDisabled', requestId: 'r', timestamp: new Date(now).toISOString(), body: { userInformationPersistenceStatus: 'NOT_PERSISTED' } },
    } as never);
    const mine = (await items()).find((i) => i.id === userKey(p.userId));
    expect(mine).toEqual({ id: userKey(p.userId), gone: true, expiresAt: Math.floor(now / 1000) + 600 });
  });
});

describe('when the database goes down mid-conversation', () => {
  it('keeps answering from session state, loses no progress, and logs the failure once without user data', async () => {
    const local = await startLocalDynamo();
    await ensureTable(local.endpoint, TABLE);
    const memory = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: local.endpoint, now: () => now });
    const d = talkTo('en-US', { memory, clock, userId: 'amzn1.ask.account.outage' });
    const logs: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void logs.push(parts.map(String).join(' ')));
    try {
      await d.user('alexa, ask back helper, my back went out');
      await d.user('no');
      await d.user('no');
      await local.stop();
      const q2b = await d.user('no');
      expect(q2b.speech).toContain('Do you feel a throbbing or pulsing in your belly?');
      for (let i = 3; i < SCREEN.length - 1; i++) await d.user('no');
      const clear = await d.user('no');
      expect(clear.speech).toContain('None of those warning signs.');
      const position = await d.user("i'm on the floor");
      expect(position.speech).toContain('Lie on your back with your knees bent.');
    } finally {
      spy.mockRestore();
    }
    const failures = logs.filter((l) => l.includes('"failed"'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('PersistenceError');
    expect(logs.join('\n')).not.toContain('amzn1.ask.account');
  });
});

describe('when the database hangs', () => {
  // The per-test limit is Alexa's answer window: a hang guard, not a performance claim (npm run bench has those).
  it('answers within Alexa\'s window, leaves the database alone for a while, and keeps its place', async () => {
    const sockets = new Set<Socket>();
    const hung = createServer((s) => void sockets.add(s)); // accepts, never answers
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    const port = (hung.address() as AddressInfo).port;
    const memory = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: `http://127.0.0.1:${port}`, now: () => now });
    const d = talkTo('en-US', { memory, clock, userId: 'amzn1.ask.account.hung' });
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const first = await d.user('open back helper');
      expect(first.speech).toContain('Did this start after a bad fall');
      // The write is kept for a later turn, and the database is left alone for a while.
      expect(first.response!.sessionAttributes?.bhdb).toEqual({ dirty: true });
      const connections = sockets.size;
      const second = await d.user('no');
      expect(second.speech).toContain('pain or tightness in your chest');
      expect(sockets.size).toBe(connections);
    } finally {
      spy.mockRestore();
      for (const s of sockets) s.destroy();
      await new Promise((r) => hung.close(r));
    }
  }, 8000);
});
