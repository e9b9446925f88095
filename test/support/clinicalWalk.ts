import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { textFor, type Clinical } from '../../lambda/src/content/types';
import type { LocalePack } from '../../lambda/src/locale';
import { ROOT } from './paths';

export const CONTENT_DIR = join(ROOT, 'lambda', 'src', 'content');

/** A clinical sentence found in the content modules, with where it was found for reports. */
export interface FoundClinical {
  readonly where: string;
  readonly clinical: Clinical;
}

function isClinical(v: unknown): v is Clinical {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Partial<Clinical>;
  return (typeof c.say === 'string' || typeof c.say === 'function') && Array.isArray(c.sources);
}

/** Every module under lambda/src/content, loaded by file name so new content files are found too. */
export function contentModules(): Array<{ file: string; exports: Record<string, unknown> }> {
  return readdirSync(CONTENT_DIR)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .map((file) => ({ file, exports: require(join(CONTENT_DIR, file)) as Record<string, unknown> }));
}

/** Walks every exported value (objects, arrays, maps, nested) and returns each Clinical sentence once. */
export function allClinical(): FoundClinical[] {
  const found: FoundClinical[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, where: string): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (isClinical(v)) found.push({ where, clinical: v });
    const entries: Array<[string, unknown]> =
      v instanceof Map ? [...v.entries()].map(([k, x]) => [String(k), x]) : Object.entries(v as object);
    for (const [k, x] of entries) walk(x, `${where}.${k}`);
  };
  for (const m of contentModules()) for (const [name, v] of Object.entries(m.exports)) walk(v, `${m.file}:${name}`);
  return found;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The sentences the content marks `moves: true`, rendered as the skill would say them in this locale. */
export function movementSentences(l: LocalePack): Array<{ where: string; text: string }> {
  return allClinical()
    .filter((c) => c.clinical.moves === true)
    .map((c) => ({ where: c.where, text: squash(textFor(c.clinical.say, l)) }));
}

/** Where each movement sentence found in this spoken text comes from; empty when there is none. */
export function movementIn(text: string, sentences: ReadonlyArray<{ where: string; text: string }>): string[] {
  return sentences.filter((s) => s.text && text.includes(s.text)).map((s) => s.where);
}

/** Everything the skill may legitimately say: every clinical sentence and every string in the content modules. */
export function knownSpeech(l: LocalePack): string[] {
  const out: string[] = allClinical().map((c) => squash(textFor(c.clinical.say, l)));
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(squash(v));
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    for (const x of Object.values(v as object)) walk(x);
  };
  for (const m of contentModules()) walk(m.exports);
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** What a person hears from an SSML document: tags removed, entities decoded, spaces squashed. */
export function speechText(ssml: string): string {
  return squash(
    ssml
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))),
  );
}
