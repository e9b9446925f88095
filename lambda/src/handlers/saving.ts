import type { RequestEnvelope } from 'ask-sdk-model';
import { isPaceId, type PaceId } from '../content/breathing';
import { readMemory, type Memory } from '../flow/memory';
import type { MemoryStore } from '../services/persistence';

/** Session key for the database's bookkeeping (not conversation state, so it lives apart from `bh`). */
export const BOOK_KEY = 'bhdb';

/**
 * What a session knows about its person's item: the version it last read or wrote, whether a change
 * is still waiting to be written, and the pace it last synced (the base of a three-way merge).
 */
export interface Book {
  /** Unknown when the first read failed: the next write then finds out. */
  readonly ver?: number;
  readonly dirty?: true;
  readonly pace?: PaceId;
  /** The item holds a timer or reminder plan waiting for a permission answer: the next write clears it. */
  readonly pending?: true;
}

export function readBook(raw: unknown): Book {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const r = raw as Record<string, unknown>;
  return {
    ...(typeof r.ver === 'number' && Number.isInteger(r.ver) && r.ver >= 0 ? { ver: r.ver } : {}),
    ...(r.dirty === true ? { dirty: true as const } : {}),
    ...(r.pending === true ? { pending: true as const } : {}),
    ...(isPaceId(r.pace) ? { pace: r.pace } : {}),
  };
}

/**
 * After a database failure, leave it alone for a short while. Time comes in with each call (the
 * request's time stamp, as the flow's clock does), so tests and the burst benchmark pin it.
 */
export class CircuitBreaker {
  private openUntil = Number.NEGATIVE_INFINITY;
  constructor(readonly cooldownMs = 30_000) {}

  isOpen(now: number): boolean {
    return now < this.openUntil;
  }

  trip(now: number): void {
    this.openUntil = Math.max(this.openUntil, now + this.cooldownMs);
  }
}

/**
 * Two sessions wrote the same person: the pace is ours only if this session changed it, the
 * disclaimer counts once heard anywhere, and the place to resume is ours, the latest conversation's
 * (a conversation that heard a warning sign leaves none, and must not inherit another's).
 */
export function mergeMemory<M extends Memory>(theirs: Memory | undefined, ours: M, basePace: PaceId | undefined): M {
  const pace = ours.pace !== undefined && ours.pace !== basePace ? ours.pace : (theirs?.pace ?? ours.pace);
  const { pace: _p, disclaimed: _d, ...resume } = ours;
  void _p;
  void _d;
  return {
    ...resume,
    ...(pace ? { pace } : {}),
    ...(ours.disclaimed || theirs?.disclaimed ? { disclaimed: true } : {}),
  } as M;
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly book: Book }
  /** Another session forgot this person (a tombstone, or the item we knew is gone): save nothing more. */
  | { readonly kind: 'forgotten' }
  /** Two writes in a row lost the race: keep the change for the next turn. */
  | { readonly kind: 'raced'; readonly book: Book };

/** A conditional write; on conflict: re-read, merge preferences, retry once. Database errors are thrown. */
/** What is written: the memory, and a plan waiting for a permission answer when there is one. */
export type Written = Memory & { readonly pending?: object };

export async function saveMemory(store: MemoryStore, envelope: RequestEnvelope, memory: Written, book: Book): Promise<SaveOutcome> {
  const first = await store.save(envelope, { ...memory }, book.ver ?? 0);
  if (first.kind === 'saved') return { kind: 'saved', book: { ver: first.version, ...(memory.pace ? { pace: memory.pace } : {}) } };
  const current = await store.load(envelope);
  // A tombstone, or the item this session read has since been deleted (its tombstone already expired).
  if (current.gone || ((book.ver ?? 0) > 0 && current.version === 0)) return { kind: 'forgotten' };
  const merged = mergeMemory(readMemory(current.attributes), memory, book.pace);
  const second = await store.save(envelope, { ...merged }, current.version);
  if (second.kind === 'saved') return { kind: 'saved', book: { ver: second.version, ...(merged.pace ? { pace: merged.pace } : {}) } };
  return { kind: 'raced', book: { ...book, ver: current.version, dirty: true } };
}
