import { createHash } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';

/** Persistent attributes as ask-sdk hands them over: one JSON-like object per person. */
export type Attributes = { [key: string]: unknown };

export const DEFAULT_RETENTION_SECONDS = 30 * 24 * 60 * 60;

/** Table layout, shared with infrastructure/cfn-deployer/skill-stack.yaml (a test keeps them equal). */
export const KEY_ATTRIBUTE = 'id';
export const TTL_ATTRIBUTE = 'expiresAt';

/** Per-attempt limits: two attempts plus back-off must stay far inside Alexa's 8 s. */
export const DYNAMO_TIMEOUTS = {
  connectionMs: 300,
  requestMs: 800,
  maxAttempts: 2,
  /** Hard cap on one adapter call, retries included. */
  deadlineMs: 2000,
} as const;

export interface DynamoPersistenceOptions {
  readonly tableName: string;
  /** A ready client (a plain DynamoDBClient is wrapped in a document client); its timeouts are then yours. */
  readonly client?: DynamoDBClient | DynamoDBDocumentClient;
  /** Local endpoint such as http://127.0.0.1:4567; dummy credentials are used with it. */
  readonly endpoint?: string;
  readonly region?: string;
  /** Clock in epoch milliseconds. */
  readonly now?: () => number;
  /** How long an untouched item lives; refreshed on every save. */
  readonly retentionSeconds?: number;
  /** Cap on one get/save/delete, retries included. */
  readonly deadlineMs?: number;
}

export type PersistenceOperation = 'GetItem' | 'PutItem' | 'DeleteItem';
export type PersistenceFailure = 'timeout' | 'unavailable' | 'rejected';

/**
 * The one error this module throws. It carries names and codes only: never the key, the
 * attributes or the SDK's message, so whatever logs it cannot leak a person's data.
 */
export class PersistenceError extends Error {
  override readonly name = 'PersistenceError';
  constructor(
    readonly operation: PersistenceOperation,
    readonly reason: PersistenceFailure,
    /** The SDK error's name, e.g. ResourceNotFoundException or TimeoutError. */
    readonly causeName: string,
    readonly httpStatus?: number,
  ) {
    super(`DynamoDB ${operation} failed: ${reason} (${causeName})`);
  }
}

/** The partition key: SHA-256 hex of the Alexa user id, so raw ids are never stored. */
export function userKey(userId: string): string {
  return createHash('sha256').update(userId, 'utf8').digest('hex');
}

function userIdOf(envelope: RequestEnvelope): string | undefined {
  const id = envelope?.context?.System?.user?.userId;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

const NETWORK_CODES = ['ECONNREFUSED', 'ECONNABORTED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
const SOCKET_CODE_IN_MESSAGE = new RegExp(`\\b(${[...NETWORK_CODES, 'ETIMEDOUT'].join('|')})\\b`);
const BUSY_NAMES = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded']);

function toPersistenceError(operation: PersistenceOperation, error: unknown): PersistenceError {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  const name = typeof e.name === 'string' && e.name ? e.name : 'Error';
  // The SDK sometimes wraps socket errors ("AWS SDK error wrapper for Error: connect ECONNREFUSED ...")
  // and drops their code; the code is then only in the message, which is read here and not kept.
  const code =
    typeof e.code === 'string' ? e.code : ((typeof e.message === 'string' && SOCKET_CODE_IN_MESSAGE.exec(e.message)?.[1]) || '');
  // Socket errors are all named "Error"; their code (ECONNREFUSED, ...) says more.
  const causeName = name === 'Error' && code ? code : name;
  const status = e.$metadata?.httpStatusCode;
  let reason: PersistenceFailure = 'rejected';
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'ETIMEDOUT') reason = 'timeout';
  else if (NETWORK_CODES.includes(code) || BUSY_NAMES.has(name) || (status !== undefined && status >= 500)) reason = 'unavailable';
  return new PersistenceError(operation, reason, causeName, status);
}

/** A DynamoDB client whose every call gives up long before the skill's 8 s are spent. */
export function createDynamoClient(options: { endpoint?: string; region?: string } = {}): DynamoDBDocumentClient {
  const local = Boolean(options.endpoint);
  const base = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    endpoint: options.endpoint,
    maxAttempts: DYNAMO_TIMEOUTS.maxAttempts,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: DYNAMO_TIMEOUTS.connectionMs,
      requestTimeout: DYNAMO_TIMEOUTS.requestMs,
      // Since @smithy/node-http-handler 4.x requestTimeout only logs a warning unless this is set.
      throwOnRequestTimeout: true,
    }),
    // Local databases accept any signature; real AWS uses the Lambda role.
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return wrap(base);
}

function wrap(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** ask-sdk's PersistenceAdapter on DynamoDB (AWS SDK v3): one item per person, expiring on its own. */
export class DynamoPersistenceAdapter implements PersistenceAdapter {
  private readonly tableName: string;
  private readonly now: () => number;
  private readonly retentionSeconds: number;
  private readonly deadlineMs: number;
  private readonly options: DynamoPersistenceOptions;
  private client?: DynamoDBDocumentClient;

  constructor(options: DynamoPersistenceOptions) {
    if (!options.tableName) throw new TypeError('DynamoPersistenceAdapter needs a tableName');
    this.options = options;
    this.tableName = options.tableName;
    this.now = options.now ?? Date.now;
    this.retentionSeconds = options.retentionSeconds ?? DEFAULT_RETENTION_SECONDS;
    this.deadlineMs = options.deadlineMs ?? DYNAMO_TIMEOUTS.deadlineMs;
  }

  // Built on first use so requests without a user id never even create a client.
  private db(): DynamoDBDocumentClient {
    if (!this.client) {
      const given = this.options.client;
      if (given instanceof DynamoDBDocumentClient) this.client = given;
      else if (given) this.client = wrap(given);
      else this.client = createDynamoClient({ endpoint: this.options.endpoint, region: this.options.region });
    }
    return this.client;
  }

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Attributes> {
    const userId = userIdOf(requestEnvelope);
    if (!userId) return {};
    let item: Record<string, unknown> | undefined;
    try {
      const out = await this.db().send(
        new GetCommand({ TableName: this.tableName, Key: { [KEY_ATTRIBUTE]: userKey(userId) }, ConsistentRead: true }),
        { abortSignal: AbortSignal.timeout(this.deadlineMs) },
      );
      item = out.Item;
    } catch (error) {
      throw toPersistenceError('GetItem', error);
    }
    // DynamoDB deletes expired items lazily (often days later): expired means gone.
    const expiresAt = item?.[TTL_ATTRIBUTE];
    if (!item || typeof expiresAt !== 'number' || expiresAt <= this.nowSeconds()) return {};
    const attributes = item.attributes;
    return attributes && typeof attributes === 'object' ? { ...(attributes as Attributes) } : {};
  }

  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    const userId = userIdOf(requestEnvelope);
    if (!userId) return;
    try {
      await this.db().send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            [KEY_ATTRIBUTE]: userKey(userId),
            attributes: attributes ?? {},
            [TTL_ATTRIBUTE]: this.nowSeconds() + this.retentionSeconds,
          },
        }),
        { abortSignal: AbortSignal.timeout(this.deadlineMs) },
      );
    } catch (error) {
      throw toPersistenceError('PutItem', error);
    }
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    const userId = userIdOf(requestEnvelope);
    if (!userId) return;
    try {
      await this.db().send(new DeleteCommand({ TableName: this.tableName, Key: { [KEY_ATTRIBUTE]: userKey(userId) } }), {
        abortSignal: AbortSignal.timeout(this.deadlineMs),
      });
    } catch (error) {
      throw toPersistenceError('DeleteItem', error);
    }
  }
}

/**
 * The adapter when BACK_HELPER_TABLE names a table (BACK_HELPER_DYNAMO_ENDPOINT points it at a
 * local database); undefined otherwise, and the skill then runs without memory between sessions.
 */
export function persistenceFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: Pick<DynamoPersistenceOptions, 'now' | 'retentionSeconds'> = {},
): DynamoPersistenceAdapter | undefined {
  const tableName = env.BACK_HELPER_TABLE?.trim();
  if (!tableName) return undefined;
  const endpoint = env.BACK_HELPER_DYNAMO_ENDPOINT?.trim() || undefined;
  return new DynamoPersistenceAdapter({ ...options, tableName, endpoint, region: env.AWS_REGION?.trim() || undefined });
}
