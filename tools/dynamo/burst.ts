// Many people at once, the way Lambda serves them: each request goes to an idle container (one request
// at a time each, a new one when all are busy), so a container's database back-off is its own.
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient, userKey } from '../../lambda/src/services/persistence';
import { buildIntentRequest, startSession, type DeviceOptions } from '../sim/envelope';
import { seeded } from './flaky';
import { SCREEN } from '../../lambda/src/content/screen';

export type Handler = (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;

/** One conversation after a clear screen: position, breathing at a slower pace, then stop. */
export const BURST_SCRIPT = [
  'BackWentOutIntent',
  ...SCREEN.map(() => 'AMAZON.NoIntent' as const),
  'InBedIntent',
  'DoneIntent',
  'AMAZON.YesIntent',
  'SlowerIntent',
  'AMAZON.StopIntent',
];

/** Hands requests to idle containers, starting a new one only when every container is busy. */
export class ContainerPool {
  private readonly idle: Handler[] = [];
  started = 0;
  constructor(private readonly newContainer: () => Handler) {}

  async invoke(envelope: RequestEnvelope): Promise<ResponseEnvelope> {
    const container = this.idle.pop() ?? (this.started++, this.newContainer());
    try {
      return await container(envelope);
    } finally {
      this.idle.push(container);
    }
  }
}

export interface BurstOptions {
  readonly people: number;
  readonly skillId: string;
  readonly userPrefix?: string;
  /**
   * Everyone starts at `startAt` and takes `turnGapMs` per turn (Alexa speaks, the person answers), so
   * turn k of all conversations arrives together: the database sees the whole burst at once, and each
   * container sees time move forward as it would in Lambda.
   */
  readonly startAt?: number;
  readonly turnGapMs?: number;
  /** Largest real pause before each request (ms, seeded), so requests of one turn interleave. */
  readonly thinkMs?: number;
  /** How many requests of one turn are in flight at once (all by default). */
  readonly concurrency?: number;
  readonly seed?: number;
  readonly script?: readonly string[];
}

export const burstUser = (prefix: string, i: number) => `amzn1.ask.account.${prefix}-${String(i).padStart(4, '0')}`;

/** Runs every person's conversation through the pool, turn by turn; returns how many turns got no answer. */
export async function runBurst(pool: ContainerPool, options: BurstOptions): Promise<{ failedTurns: number }> {
  const random = seeded(options.seed ?? 13);
  const script = options.script ?? BURST_SCRIPT;
  const startAt = options.startAt ?? Date.parse('2026-11-21T09:00:00Z');
  const gap = options.turnGapMs ?? 12_000;
  let failedTurns = 0;
  let at = startAt;
  const people = Array.from({ length: options.people }, (_, i) => ({
    device: {
      skillId: options.skillId, locale: 'en-US', userId: burstUser(options.userPrefix ?? 'burst', i), apiEndpoint: 'http://127.0.0.1:9', clock: () => new Date(at),
    } satisfies DeviceOptions,
    session: startSession(),
    open: true,
  }));
  for (let t = 0; t < script.length; t++, at += gap) {
    const queue = people.filter((p) => p.open);
    const turn = async (p: (typeof people)[number]) => {
      await new Promise((r) => setTimeout(r, Math.floor(random() * (options.thinkMs ?? 20))));
      const out = await pool.invoke(buildIntentRequest(p.device, p.session, script[t]));
      p.session.new = false;
      if (!out?.response?.outputSpeech) failedTurns++;
      p.session.attributes = JSON.parse(JSON.stringify(out?.sessionAttributes ?? {})) as Record<string, unknown>;
      if (out?.response?.shouldEndSession) p.open = false;
    };
    const lane = async () => {
      for (let p = queue.shift(); p; p = queue.shift()) await turn(p);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? queue.length, queue.length) }, lane));
  }
  return { failedTurns };
}

/** Every item in the table, by hashed key, with the time stamp of the resume point left out. */
export async function storedByKey(endpoint: string, table: string): Promise<Map<string, Record<string, unknown>>> {
  const client = createDynamoClient({ endpoint });
  const out = new Map<string, Record<string, unknown>>();
  try {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
      for (const item of page.Items ?? []) {
        const { at: _at, ...attributes } = (item.attributes ?? {}) as Record<string, unknown>;
        void _at;
        out.set(String(item.id), item.gone ? { gone: true } : attributes);
      }
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return out;
}

export interface BurstCount {
  /** People with no item at the end: everything they did was lost. */
  readonly nothing: number;
  /** People whose item differs from what a healthy database keeps for the same conversation: part of it was lost. */
  readonly stale: number;
}

const canonical = (o: Record<string, unknown> | undefined) => JSON.stringify(o ?? null, o ? Object.keys(o).sort() : undefined);

/** Compares each person's item with what the same script leaves on a healthy database. */
export function countLost(got: Map<string, Record<string, unknown>>, expected: Record<string, unknown>, people: number, prefix = 'burst'): BurstCount {
  let nothing = 0;
  let stale = 0;
  for (let i = 0; i < people; i++) {
    const mine = got.get(userKey(burstUser(prefix, i)));
    if (!mine) nothing++;
    else if (canonical(mine) !== canonical(expected)) stale++;
  }
  return { nothing, stale };
}
