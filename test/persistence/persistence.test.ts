import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import {
  DEFAULT_RETENTION_SECONDS,
  DynamoPersistenceAdapter,
  PersistenceError,
  persistenceFromEnv,
  userKey,
} from '../../lambda/src/services/persistence';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../tools/dynamo/local';

const TABLE = 'back-helper-test';
const USER = 'amzn1.ask.account.AFRAWUSERID0123456789EXAMPLE';
const NOW_MS = 1_795_000_000_123; // 2026-11-19, fixed so expiry is exact

/** null: a request with no user object at all (as CanFulfillIntentRequest may be). */
function envelope(userId: string | null = USER): RequestEnvelope {
  return {
    version: '1.0',
    session: { new: true, sessionId: 'amzn1.echo-api.session.t', application: { applicationId: 'amzn1.ask.skill.t' }, user: { userId: userId ?? '' }, attributes: {} },
    context: {
      System: {
        application: { applicationId: 'amzn1.ask.skill.t' },
        user: userId === null ? (undefined as never) : { userId },
        device: { deviceId: 'd', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request: { type: 'LaunchRequest', requestId: 'amzn1.echo-api.request.t', timestamp: '2026-11-21T10:00:00Z', locale: 'en-US' },
  } as RequestEnvelope;
}

function rawClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

async function scanAll(endpoint: string) {
  const client = rawClient(endpoint);
  try {
    return (await client.send(new ScanCommand({ TableName: TABLE }))).Items ?? [];
  } finally {
    client.destroy();
  }
}

/** A TCP server that counts connections and answers nothing. */
async function silentServer(): Promise<{ server: Server; port: number; connections: () => number }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const close = server.close.bind(server);
  server.close = ((cb?: (err?: Error) => void) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  }) as typeof server.close;
  return { server, port: (server.address() as { port: number }).port, connections: () => count };
}

async function closedPort(): Promise<number> {
  const { server, port } = await silentServer();
  await new Promise((r) => server.close(r));
  return port;
}

describe('DynamoPersistenceAdapter on a real (local) DynamoDB', () => {
  let db: LocalDynamo;
  let adapter: DynamoPersistenceAdapter;
  let nowMs: number;

  beforeEach(async () => {
    db = await startLocalDynamo();
    await ensureTable(db.endpoint, TABLE);
    nowMs = NOW_MS;
    adapter = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: db.endpoint, now: () => nowMs, retentionSeconds: 3600 });
  });
  afterEach(() => db.stop());

  it('gives back exactly what it saved', async () => {
    const attributes = {
      version: 2,
      conversation: { step: 'breathing', cycles: 3, answers: [false, false, true], paused: null },
      note: 'café — “quotes” & <brackets>',
      empty: '',
      done: false,
    };
    await adapter.saveAttributes(envelope(), attributes);
    expect(await adapter.getAttributes(envelope())).toEqual(attributes);
    expect(await adapter.getAttributes(envelope('amzn1.ask.account.SOMEONEELSE'))).toEqual({});
  });

  it('stores the SHA-256 of the user id, and the raw id nowhere', async () => {
    await adapter.saveAttributes(envelope(), { step: 'screen' });
    const items = await scanAll(db.endpoint);
    expect(items).toHaveLength(1);
    const expected = createHash('sha256').update(USER).digest('hex');
    expect(items[0].id).toEqual({ S: expected });
    expect(userKey(USER)).toBe(expected);
    expect(JSON.stringify(items)).not.toContain(USER);
    expect(JSON.stringify(items)).not.toContain('AFRAWUSERID');
  });

  it('writes expiresAt = now + retention in epoch seconds, and refreshes it on every save', async () => {
    await adapter.saveAttributes(envelope(), { step: 'screen' });
    let [item] = await scanAll(db.endpoint);
    expect(item.expiresAt).toEqual({ N: String(Math.floor(NOW_MS / 1000) + 3600) });

    nowMs += 25 * 60 * 1000;
    await adapter.saveAttributes(envelope(), { step: 'breathing' });
    [item] = await scanAll(db.endpoint);
    expect(item.expiresAt).toEqual({ N: String(Math.floor(nowMs / 1000) + 3600) });
  });

  it('keeps an item 30 days by default', async () => {
    const defaults = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: db.endpoint, now: () => NOW_MS });
    await defaults.saveAttributes(envelope(), { step: 'screen' });
    const [item] = await scanAll(db.endpoint);
    expect(DEFAULT_RETENTION_SECONDS).toBe(30 * 24 * 3600);
    expect(item.expiresAt).toEqual({ N: String(Math.floor(NOW_MS / 1000) + 30 * 24 * 3600) });
  });

  it('treats an expired item as gone even before DynamoDB deletes it', async () => {
    await adapter.saveAttributes(envelope(), { step: 'breathing' });
    nowMs += 3599 * 1000;
    expect(await adapter.getAttributes(envelope())).toEqual({ step: 'breathing' });
    nowMs += 2 * 1000;
    expect(await adapter.getAttributes(envelope())).toEqual({});
  });

  it('deletes the person’s item', async () => {
    await adapter.saveAttributes(envelope(), { step: 'screen' });
    await adapter.saveAttributes(envelope('amzn1.ask.account.OTHER'), { step: 'screen' });
    await adapter.deleteAttributes(envelope());
    expect(await adapter.getAttributes(envelope())).toEqual({});
    const items = await scanAll(db.endpoint);
    expect(items.map((i) => i.id.S)).toEqual([userKey('amzn1.ask.account.OTHER')]);
  });

  it('serves ask-sdk’s AttributesManager across two invocations', async () => {
    const skill = SkillBuilders.custom()
      .withPersistenceAdapter(adapter)
      .addRequestHandlers({
        canHandle: () => true,
        async handle(input) {
          const saved = await input.attributesManager.getPersistentAttributes();
          const visits = (typeof saved.visits === 'number' ? saved.visits : 0) + 1;
          input.attributesManager.setPersistentAttributes({ visits });
          await input.attributesManager.savePersistentAttributes();
          return input.responseBuilder.speak(`visit ${visits}`).getResponse();
        },
      })
      .create();
    await skill.invoke(envelope());
    const second = await skill.invoke(envelope());
    expect(second.response.outputSpeech).toMatchObject({ ssml: '<speak>visit 2</speak>' });
  });

  it('names a missing table in a PersistenceError that carries no user data', async () => {
    const wrongTable = new DynamoPersistenceAdapter({ tableName: 'no-such-table', endpoint: db.endpoint });
    const error = await wrongTable.saveAttributes(envelope(), { secret: 'my back hurts' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PersistenceError);
    expect(error).toMatchObject({ name: 'PersistenceError', operation: 'PutItem', reason: 'rejected', causeName: 'ResourceNotFoundException' });
    const everything = JSON.stringify({ ...(error as object), message: (error as Error).message, stack: (error as Error).stack });
    for (const secret of [USER, userKey(USER), 'my back hurts']) expect(everything).not.toContain(secret);
  });
});

describe('requests without a user id', () => {
  const noUser = [
    ['no user object', envelope(null)],
    ['an empty user id', envelope('')],
  ] as const;

  it.each(noUser)('never reach the database (%s): get gives {}, save and delete do nothing', async (_, env) => {
    const port = await closedPort();
    const adapter = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: `http://127.0.0.1:${port}` });
    const started = Date.now();
    await expect(adapter.getAttributes(env)).resolves.toEqual({});
    await expect(adapter.saveAttributes(env, { step: 'screen' })).resolves.toBeUndefined();
    await expect(adapter.deleteAttributes(env)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(100);
    // The same adapter with a user id does try the closed port, and fails.
    await expect(adapter.getAttributes(envelope())).rejects.toMatchObject({ name: 'PersistenceError', reason: 'unavailable' });
  });

  it('open no connection at all', async () => {
    const silent = await silentServer();
    try {
      const adapter = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: `http://127.0.0.1:${silent.port}` });
      await adapter.getAttributes(envelope(null));
      await adapter.saveAttributes(envelope(null), { step: 'screen' });
      await adapter.deleteAttributes(envelope(null));
      expect(silent.connections()).toBe(0);
    } finally {
      await new Promise((r) => silent.server.close(r));
    }
  });
});

describe('a database that is down or hung', () => {
  it('makes get and save reject quickly once the database has stopped', async () => {
    const db = await startLocalDynamo();
    await ensureTable(db.endpoint, TABLE);
    const adapter = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: db.endpoint });
    await adapter.saveAttributes(envelope(), { step: 'screen' }); // a warm keep-alive connection
    await db.stop();

    for (const call of [() => adapter.getAttributes(envelope()), () => adapter.saveAttributes(envelope(), { step: 'x' })]) {
      const started = Date.now();
      await expect(call()).rejects.toMatchObject({ name: 'PersistenceError', reason: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('gives up on a database that accepts connections but never answers, inside the deadline', async () => {
    const silent = await silentServer();
    try {
      const adapter = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: `http://127.0.0.1:${silent.port}` });
      const started = Date.now();
      await expect(adapter.getAttributes(envelope())).rejects.toMatchObject({ name: 'PersistenceError', reason: 'timeout' });
      const elapsed = Date.now() - started;
      // Two attempts of 800 ms plus back-off, capped at 2 s: far inside Alexa's 8 s.
      expect(elapsed).toBeGreaterThanOrEqual(1500);
      expect(elapsed).toBeLessThan(2300);
      expect(silent.connections()).toBe(2);
    } finally {
      await new Promise((r) => silent.server.close(r));
    }
  });
});

describe('persistenceFromEnv', () => {
  it('is off unless BACK_HELPER_TABLE names a table', () => {
    expect(persistenceFromEnv({})).toBeUndefined();
    expect(persistenceFromEnv({ BACK_HELPER_TABLE: '  ' })).toBeUndefined();
    expect(persistenceFromEnv({ BACK_HELPER_DYNAMO_ENDPOINT: 'http://127.0.0.1:1' })).toBeUndefined();
    expect(persistenceFromEnv({ BACK_HELPER_TABLE: TABLE })).toBeInstanceOf(DynamoPersistenceAdapter);
  });

  it('talks to BACK_HELPER_DYNAMO_ENDPOINT when it is set', async () => {
    const db = await startLocalDynamo();
    try {
      await ensureTable(db.endpoint, TABLE);
      const adapter = persistenceFromEnv({ BACK_HELPER_TABLE: TABLE, BACK_HELPER_DYNAMO_ENDPOINT: db.endpoint }, { now: () => NOW_MS })!;
      await adapter.saveAttributes(envelope(), { step: 'breathing' });
      expect(await scanAll(db.endpoint)).toHaveLength(1);
      expect(await adapter.getAttributes(envelope())).toEqual({ step: 'breathing' });
    } finally {
      await db.stop();
    }
  });
});

describe('the local DynamoDB tools', () => {
  it('ensureTable creates an ACTIVE pay-per-request table keyed on id, and is idempotent', async () => {
    const db = await startLocalDynamo();
    const client = rawClient(db.endpoint);
    try {
      await ensureTable(db.endpoint, TABLE);
      await ensureTable(db.endpoint, TABLE);
      const { Table } = await client.send(new DescribeTableCommand({ TableName: TABLE }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    } finally {
      client.destroy();
      await db.stop();
    }
  });

  it('keeps data on disk across restarts when given a path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'back-helper-dynamo-'));
    try {
      let db = await startLocalDynamo({ path: dir });
      await ensureTable(db.endpoint, TABLE);
      await new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: db.endpoint }).saveAttributes(envelope(), { step: 'breathing' });
      await db.stop();

      db = await startLocalDynamo({ path: dir });
      try {
        const adapter = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: db.endpoint });
        expect(await adapter.getAttributes(envelope())).toEqual({ step: 'breathing' });
      } finally {
        await db.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    const db = await startLocalDynamo();
    try {
      expect(new URL(db.endpoint).hostname).toBe('127.0.0.1');
    } finally {
      await db.stop();
    }
  });
});
