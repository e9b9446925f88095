import * as breathing from '../../lambda/src/content/breathing';
import * as emergency from '../../lambda/src/content/emergency';
import * as guidance from '../../lambda/src/content/guidance';
import * as screen from '../../lambda/src/content/screen';
import * as selfcare from '../../lambda/src/content/selfcare';
import { textFor, type Clinical } from '../../lambda/src/content/types';
import { localePack } from '../../lambda/src/locale';

const MODULES = { breathing, emergency, guidance, screen, selfcare };

function isClinical(v: unknown): v is Clinical {
  return typeof v === 'object' && v !== null && 'say' in v && 'sources' in v;
}

/** Every clinical entry in the content modules, found by walking their exports. */
export function allClinical(): Array<{ where: string; entry: Clinical }> {
  const found: Array<{ where: string; entry: Clinical }> = [];
  const walk = (value: unknown, where: string, seen: Set<unknown>) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (isClinical(value)) {
      found.push({ where, entry: value });
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`, seen);
  };
  const seen = new Set<unknown>();
  for (const [name, mod] of Object.entries(MODULES)) walk(mod, name, seen);
  return found;
}

/** The sentences that ask a person to move, as spoken in a locale. */
export function movementSentences(locale = 'en-US'): string[] {
  const l = localePack(locale);
  return allClinical().filter((c) => c.entry.moves).map((c) => textFor(c.entry.say, l));
}
