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
/** Bumped on every versioned write: a write that expected another version is refused, not applied. */
export const VERSION_ATTRIBUTE = 'ver';
/** Marks a tombstone: the person was forgotten a moment ago, and no session may write them back. */
export const GONE_ATTRIBUTE = 'gone';
/** How long a tombstone blocks writes: longer than a conversation that was already under way. */
export const DEFAULT_TOMBSTONE_SECONDS = 10 * 60;

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
  /** How long the tombstone left by `forget` lives. */
  readonly tombstoneSeconds?: number;
}

/** One person's item as a session sees it: version 0 means there is none (or it expired). */
export interface StoredRecord {
  readonly attributes: Attributes;
  readonly version: number;
  /** A tombstone is there: the person was just forgotten. */
  readonly gone?: boolean;
}

export type SaveResult = { readonly kind: 'saved'; readonly version: number } | { readonly kind: 'conflict' };

/**
 * What the skill needs from a database: versioned reads and writes, so two devices cannot silently
 * overwrite each other, and a forget that leaves a short-lived tombstone.
 */
export interface MemoryStore {
  load(envelope: RequestEnvelope): Promise<StoredRecord>;
  /** Writes only if the item is still at `expectedVersion` (0: no live item); 'conflict' otherwise. */
  save(envelope: RequestEnvelope, attributes: Attributes, expectedVersion: number): Promise<SaveResult>;
  /**
   * Replaces the item by a tombstone. With `onlyIfPresent`, a person with no item gets none
   * ('none' is returned); otherwise the tombstone is written regardless.
   */
  forget(envelope: RequestEnvelope, options: { onlyIfPresent: boolean }): Promise<'forgotten' | 'none'>;
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

const isConditionFailure = (error: unknown) => (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';

/** ask-sdk's PersistenceAdapter on DynamoDB (AWS SDK v3): one item per person, expiring on its own. */
export class DynamoPersistenceAdapter implements PersistenceAdapter, MemoryStore {
  private readonly tableName: string;
  private readonly tombstoneSeconds: number;
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
    this.tombstoneSeconds = options.tombstoneSeconds ?? DEFAULT_TOMBSTONE_SECONDS;
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

  private async send<T>(operation: PersistenceOperation, command: GetCommand | PutCommand): Promise<T> {
    const options = { abortSignal: AbortSignal.timeout(this.deadlineMs) };
    try {
      return (await (command instanceof GetCommand ? this.db().send(command, options) : this.db().send(command, options))) as T;
    } catch (error) {
      if (isConditionFailure(error)) throw error;
      throw toPersistenceError(operation, error);
    }
  }

  async load(requestEnvelope: RequestEnvelope): Promise<StoredRecord> {
    const userId = userIdOf(requestEnvelope);
    if (!userId) return { attributes: {}, version: 0 };
    const out = await this.send<{ Item?: Record<string, unknown> }>(
      'GetItem',
      new GetCommand({ TableName: this.tableName, Key: { [KEY_ATTRIBUTE]: userKey(userId) }, ConsistentRead: true }),
    );
    const item = out.Item;
    const expiresAt = item?.[TTL_ATTRIBUTE];
    // DynamoDB deletes expired items lazily (often days later): expired means gone, tombstones included.
    if (!item || typeof expiresAt !== 'number' || expiresAt <= this.nowSeconds()) return { attributes: {}, version: 0 };
    if (item[GONE_ATTRIBUTE] === true) return { attributes: {}, version: 0, gone: true };
    const version = item[VERSION_ATTRIBUTE];
    const attributes = item.attributes;
    return {
      attributes: attributes && typeof attributes === 'object' ? { ...(attributes as Attributes) } : {},
      // An item written before versions existed counts as version 0.
      version: typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 0,
    };
  }

  async save(requestEnvelope: RequestEnvelope, attributes: Attributes, expectedVersion: number): Promise<SaveResult> {
    const userId = userIdOf(requestEnvelope);
    if (!userId) return { kind: 'saved', version: expectedVersion };
    const now = this.nowSeconds();
    const fresh = !(Number.isInteger(expectedVersion) && expectedVersion > 0);
    const version = fresh ? 1 : expectedVersion + 1;
    try {
      await this.send('PutItem', new PutCommand({
        TableName: this.tableName,
        Item: { [KEY_ATTRIBUTE]: userKey(userId), attributes: attributes ?? {}, [VERSION_ATTRIBUTE]: version, [TTL_ATTRIBUTE]: now + this.retentionSeconds },
        ConditionExpression: fresh
          ? // No live item: none at all, an expired one (tombstones included), or one from before versions.
            'attribute_not_exists(#id) OR #exp <= :now OR (attribute_not_exists(#ver) AND attribute_not_exists(#gone))'
          : '#ver = :ver AND attribute_not_exists(#gone)',
        ExpressionAttributeNames: fresh
          ? { '#id': KEY_ATTRIBUTE, '#exp': TTL_ATTRIBUTE, '#ver': VERSION_ATTRIBUTE, '#gone': GONE_ATTRIBUTE }
          : { '#ver': VERSION_ATTRIBUTE, '#gone': GONE_ATTRIBUTE },
        ExpressionAttributeValues: fresh ? { ':now': now } : { ':ver': expectedVersion },
      }));
    } catch (error) {
      if (isConditionFailure(error)) return { kind: 'conflict' };
      throw error;
    }
    return { kind: 'saved', version };
  }

  async forget(requestEnvelope: RequestEnvelope, options: { onlyIfPresent: boolean }): Promise<'forgotten' | 'none'> {
    const userId = userIdOf(requestEnvelope);
    if (!userId) return 'none';
    try {
      await this.send('PutItem', new PutCommand({
        TableName: this.tableName,
        // Nothing of the person is kept: the hashed key, the mark, and a short expiry.
        Item: { [KEY_ATTRIBUTE]: userKey(userId), [GONE_ATTRIBUTE]: true, [TTL_ATTRIBUTE]: this.nowSeconds() + this.tombstoneSeconds },
        ...(options.onlyIfPresent ? { ConditionExpression: 'attribute_exists(#id)', ExpressionAttributeNames: { '#id': KEY_ATTRIBUTE } } : {}),
      }));
    } catch (error) {
      if (isConditionFailure(error)) return 'none';
      throw error;
    }
    return 'forgotten';
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
