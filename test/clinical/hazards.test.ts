import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadHazards, riskRating, type Hazard, type TestRef } from '../support/clinicalFile';
import { ROOT } from '../support/paths';
import { declaredNames } from '../support/symbols';
import { testsInFile } from '../support/testNames';
import { GOLDEN_DESCRIBE, GOLDEN_TEST_FILE, loadPersonas } from '../golden/personas';

const hazards = loadHazards();

/** Every source file of the skill and its infrastructure, as text: a control must be used there, not only declared. */
function shippedText(): string {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|ya?ml)$/.test(name)) texts.push(readFileSync(path, 'utf8'));
    }
  };
  for (const dir of ['lambda/src', 'infrastructure']) walk(join(ROOT, dir));
  return texts.join('\n');
}
const SHIPPED = shippedText();
/** A declared name that nothing uses is a dead control: it says nothing to anyone. */
const usedTimes = (symbol: string): number => (SHIPPED.match(new RegExp(`\\b${symbol}\\b`, 'g')) ?? []).length;
const personaIds = new Set(loadPersonas().map((p) => p.id));

/** Why a test reference does not name a test that exists today; undefined when it does. */
function missingTest(ref: TestRef): string | undefined {
  if (!existsSync(join(ROOT, ref.file))) return `no file ${ref.file}`;
  // The golden test makes one test per persona from data: its names are the persona ids.
  if (ref.file === GOLDEN_TEST_FILE) {
    const id = ref.test.startsWith(`${GOLDEN_DESCRIBE} > `) ? ref.test.slice(GOLDEN_DESCRIBE.length + 3) : undefined;
    return id && personaIds.has(id) ? undefined : `no persona test "${ref.test}"`;
  }
  return testsInFile(ref.file).some((t) => t.name === ref.test) ? undefined : `no test "${ref.test}" in ${ref.file}`;
}

function problemsOf(h: Hazard): string[] {
  const out: string[] = [];
  if (h.controls.length === 0) out.push('no control');
  if (h.tests.length === 0) out.push('no test');
  for (const c of h.controls) {
    if (!existsSync(join(ROOT, c.file))) out.push(`no file ${c.file}`);
    else if (!declaredNames(c.file).has(c.symbol)) out.push(`no symbol ${c.symbol} in ${c.file}`);
    else if (c.file.startsWith('lambda/src/') && usedTimes(c.symbol) < 2) out.push(`${c.symbol} in ${c.file} is declared but never used`);
  }
  for (const t of h.tests) {
    const why = missingTest(t);
    if (why) out.push(why);
  }
  return out.map((p) => `${h.id}: ${p}`);
}

describe('the hazard log', () => {
  it('has at least 15 hazards, each with a unique id, a cause and an effect', () => {
    expect(hazards.length).toBeGreaterThanOrEqual(15);
    expect(new Set(hazards.map((h) => h.id)).size).toBe(hazards.length);
    expect(hazards.filter((h) => !h.title || !h.cause || !h.effect).map((h) => h.id)).toEqual([]);
  });

  it('scores every hazard on the 5 x 5 matrix, and no control makes a risk worse', () => {
    const scores = [1, 2, 3, 4, 5];
    const bad = hazards.filter(
      (h) =>
        ![h.before.severity, h.before.likelihood, h.after.severity, h.after.likelihood].every((s) => scores.includes(s)) ||
        riskRating(h.after) > riskRating(h.before),
    );
    expect(bad.map((h) => h.id)).toEqual([]);
  });

  it('leaves no hazard at an unacceptable risk once controlled', () => {
    expect(hazards.filter((h) => riskRating(h.after) >= 4).map((h) => `${h.id} rated ${riskRating(h.after)}`)).toEqual([]);
  });

  it('names controls that exist (file and symbol) and tests that exist (file and full name)', () => {
    expect(hazards.flatMap(problemsOf)).toEqual([]);
  });

  it('would notice a missing symbol, a missing test and a hazard with no test', () => {
    const planted: Hazard = {
      ...hazards[0]!,
      id: 'PLANTED',
      controls: [{ what: 'x', file: 'lambda/src/flow/transition.ts', symbol: 'noSuchGuard' }],
      tests: [],
    };
    expect(problemsOf(planted)).toEqual(['PLANTED: no test', 'PLANTED: no symbol noSuchGuard in lambda/src/flow/transition.ts']);
    expect(missingTest({ file: 'test/unit/flow.test.ts', test: 'the emergency screen > a test nobody wrote' })).toMatch(/^no test/);
    expect(missingTest({ file: GOLDEN_TEST_FILE, test: `${GOLDEN_DESCRIBE} > no-such-persona` })).toMatch(/^no persona test/);
    expect(missingTest(hazards[0]!.tests[0]!)).toBeUndefined();
  });
});
