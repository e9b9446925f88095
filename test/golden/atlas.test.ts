/**
 * The flow atlas (test/golden/atlas.ts): one turn from every kind of state, for every event class, compared with
 * test/golden/atlas/<step>.txt. Like the golden transcripts, a change fails here and shows as a diff in review;
 * `npm run golden:update` rewrites the files (GOLDEN_UPDATE=1) after the change has been read.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STEP_IDS } from '../../lambda/src/flow/state';
import { ROOT } from '../support/paths';
import { atlas } from './atlas';

const UPDATE = process.env.GOLDEN_UPDATE === '1';
const DIR = join(ROOT, 'test', 'golden', 'atlas');

describe('the flow atlas', () => {
  // Built inside the first test, not at load, so that mutation testing sees which test covers the flow's code.
  let files: Map<string, string> | undefined;
  const built = () => (files ??= atlas());

  it('matches test/golden/atlas/, file by file', () => {
    if (UPDATE) {
      mkdirSync(DIR, { recursive: true });
      for (const f of readdirSync(DIR)) if (!built().has(f.replace(/\.txt$/, ''))) unlinkSync(join(DIR, f));
      for (const [f, text] of built()) writeFileSync(join(DIR, `${f}.txt`), text);
      return;
    }
    const missing = [...built().keys()].filter((f) => !existsSync(join(DIR, `${f}.txt`)));
    if (missing.length) throw new Error(`No atlas for ${missing.join(', ')}: run npm run golden:update and read the new files.`);
    // One file at a time, so a failure names the step whose behaviour changed.
    for (const [f, text] of built()) expect(`${f}:\n${readFileSync(join(DIR, `${f}.txt`), 'utf8')}`).toBe(`${f}:\n${text}`);
    expect(readdirSync(DIR).sort()).toEqual([...built().keys()].map((f) => `${f}.txt`).sort());
  });

  it('shows every step of the conversation, and the first turn', () => {
    expect([...built().keys()].sort()).toEqual([...STEP_IDS, 'first-turn'].sort());
  });

  it('names every sentence it shows (none is spelled out as unnamed)', () => {
    const unnamed = [...built().values()].flatMap((t) => t.split('\n').filter((l) => l.includes('(unnamed:')));
    expect(unnamed).toEqual([]);
  });
});
