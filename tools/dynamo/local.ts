// A real DynamoDB on this machine (dynalite on LevelDB): in memory for tests, on disk for the simulator.
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { KEY_ATTRIBUTE, TTL_ATTRIBUTE } from '../../lambda/src/services/persistence';

/** Where the simulator keeps its table between runs (git-ignored). */
export const LOCAL_DATA_PATH = join(__dirname, '..', '..', '.local-data', 'dynamo');

export interface LocalDynamo {
  /** e.g. http://127.0.0.1:41234 */
  readonly endpoint: string;
  stop(): Promise<void>;
}

export interface LocalDynamoOptions {
  /** On-disk folder (such as .local-data/dynamo); in memory when absent. */
  readonly path?: string;
  /** 0 or absent picks a free port. */
  readonly port?: number;
}

/** Starts dynalite on 127.0.0.1 only, with tables that become ACTIVE at once. */
export async function startLocalDynamo(options: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop() {
      stopped ??= new Promise<void>((resolve, reject) => {
        // dynalite's close waits for open sockets; keep-alive clients would hold it for 30 s.
        server.close((error?: Error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}

export interface EnsureTableOptions {
  /** How long to wait for ACTIVE. */
  readonly timeoutMs?: number;
}

/** Creates the skill's table (PAY_PER_REQUEST, string key `id`) if missing and waits until it is ACTIVE. */
export async function ensureTable(endpoint: string, tableName: string, options: EnsureTableOptions = {}): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: KEY_ATTRIBUTE, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: KEY_ATTRIBUTE, KeyType: 'HASH' }],
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ResourceInUseException') throw error;
    }
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    for (;;) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') break;
      if (Date.now() > deadline) throw new Error(`table ${tableName} not ACTIVE after ${options.timeoutMs ?? 5000} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    try {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        }),
      );
    } catch (error) {
      // dynalite 4 has no UpdateTimeToLive (UnknownOperationException) and never expires items;
      // the adapter treats expired items as absent, so local behaviour still matches AWS.
      if ((error as Error).name !== 'UnknownOperationException') throw error;
    }
  } finally {
    client.destroy();
  }
}
