// A seeded random sample of the mutation-testing scope, for a whole-flow score in minutes instead of hours:
// `npm run test:mutation:sample [-- --size 300 --seed 1]`.
//
// The whole scope (stryker.config.mjs `mutate`) is several thousand mutants, and every one reruns the
// dialog tests, so a full `npm run test:mutation` takes hours on two cores. This lists every mutant with
// Stryker's own instrumenter, draws `size` of them uniformly at random (seeded, so a rerun draws the
// same ones), and runs Stryker on exactly those: the mutate ranges are the sampled mutants' own
// locations, and an ignorer plugin (scripts/lib/mutation-sample-ignorer.mjs) keeps the nodes nested
// inside a sampled node from being mutated too. The score counts only the sampled mutants, with a 95%
// interval (Wilson) for the whole scope's score. Reports: reports/mutation/sample/ (git-ignored).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import config from '../stryker.config.mjs';
import { mulberry32 } from './lib/random.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SIZE = Number(arg('size', '300'));
const SEED = Number(arg('seed', '1'));
const CONCURRENCY = arg('concurrency', String(config.concurrency ?? 2));
const OUT = 'reports/mutation/sample';
const root = process.cwd();

/** The files the full run mutates: the config's patterns, `**` and `*` only (what it uses). */
function scope() {
  const toRegex = (glob) =>
    new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(.+/)?').replace(/\*/g, '[^/]*')}$`);
  const patterns = config.mutate.map(toRegex);
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (patterns.some((p) => p.test(relative(root, path)))) files.push(relative(root, path));
    }
  };
  walk('lambda/src');
  return files.sort();
}


const SCORE_ONLY = process.argv.includes('--score-only');
// The report names every test that kills each mutant (Stryker's jest runner runs all covering tests anyway:
// jest cannot bail when run programmatically), so the score can be given without the flow atlas too.
const ALL_TESTS = process.argv.includes('--all-tests');
const quiet = { debug() {}, info() {}, trace() {}, warn: console.warn, error: console.error, isDebugEnabled: () => false, isTraceEnabled: () => false };
const files = scope();
const { mutants } = await new Instrumenter(quiet).instrument(
  files.map((name) => ({ name, mutate: true, content: readFileSync(name, 'utf8') })),
  { plugins: null, excludedMutations: config.mutator?.excludedMutations ?? [], ignorers: [], noHeader: false },
);

// Partial Fisher-Yates: the first SIZE of a seeded shuffle.
const pick = mutants.map((m) => ({ file: m.fileName, location: m.location, mutatorName: m.mutatorName, replacement: m.replacement }));
const draw = mulberry32(SEED);
const size = Math.min(SIZE, pick.length);
for (let i = 0; i < size; i++) {
  const j = i + Math.floor(draw() * (pick.length - i));
  [pick[i], pick[j]] = [pick[j], pick[i]];
}
let sample = pick.slice(0, size);

mkdirSync(OUT, { recursive: true });
const samplePath = join(OUT, 'sample.json');
if (SCORE_ONLY) {
  // Score the last run's report again (`--score-only`), with the sample it ran.
  ({ sample } = JSON.parse(readFileSync(samplePath, 'utf8')));
} else {
  writeFileSync(samplePath, JSON.stringify({ seed: SEED, scope: mutants.length, files, sample }, null, 1));
}
// Stryker's range syntax: 1-based lines, 0-based columns, compared with the node's own location (whose
// end column is one past its last character); the instrumenter's locations have 0-based lines.
const range = ({ file, location: { start, end } }) => `${file}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
const configPath = join(OUT, 'stryker.sample.mjs');
writeFileSync(
  configPath,
  `import base from '../../../stryker.config.mjs';
export default {
  ...base,
  mutate: ${JSON.stringify([...new Set(sample.map(range))], null, 1)},
  plugins: ['@stryker-mutator/*', '${join(root, 'scripts/lib/mutation-sample-ignorer.mjs')}'],
  ignorers: ['sampled-only'],
  incremental: false,
  concurrency: ${Number(CONCURRENCY)},
  disableBail: ${ALL_TESTS},
  reporters: ['progress', 'json', 'html'],
  htmlReporter: { fileName: '${OUT}/index.html' },
  jsonReporter: { fileName: '${OUT}/mutation.json' },
};
`,
);

console.log(`mutation sample: ${size} of ${mutants.length} mutants in ${files.length} files, seed ${SEED}`);
const run = SCORE_ONLY ? { status: 0 } : spawnSync('npx', ['stryker', 'run', configPath], {
  stdio: 'inherit',
  env: { ...process.env, FLOW_DEPTH: '3', FLOW_DEEP: '5', MUTATION_SAMPLE: join(root, samplePath) },
});
if (run.status !== 0) process.exit(run.status ?? 1);

// Score the sampled mutants only (a sampled node's own other mutants may have run too).
const report = JSON.parse(readFileSync(join(OUT, 'mutation.json'), 'utf8'));
const key = (file, line, column, mutatorName, replacement) => `${file}|${line}|${column}|${mutatorName}|${replacement}`;
const results = new Map();
for (const [file, { mutants: ms }] of Object.entries(report.files)) {
  for (const m of ms) results.set(key(file, m.location.start.line, m.location.start.column, m.mutatorName, m.replacement), m);
}
const counts = {};
const outcome = [];
for (const s of sample) {
  const m = results.get(key(s.file, s.location.start.line + 1, s.location.start.column + 1, s.mutatorName, s.replacement));
  const status = m?.status ?? 'NotRun';
  counts[status] = (counts[status] ?? 0) + 1;
  outcome.push({ ...s, status, line: s.location.start.line + 1 });
}
const killed = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const covered = killed + (counts.Survived ?? 0);
const wilson = (k, n, z = 1.96) => {
  if (n === 0) return [0, 0];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [c - h, c + h];
};
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const [lo, hi] = wilson(killed, covered);
console.log(`\nmutation sample, seed ${SEED}: ${size} of ${mutants.length} mutants`);
console.log(`  ${JSON.stringify(counts)}`);
const valid = covered + (counts.NoCoverage ?? 0);
const [alo, ahi] = wilson(killed, valid);
console.log(`  killed (timeouts included) of covered: ${killed}/${covered} = ${pct(covered ? killed / covered : 0)} (95% interval ${pct(lo)} to ${pct(hi)})`);
console.log(`  killed of all (not covered counted as survived): ${killed}/${valid} = ${pct(valid ? killed / valid : 0)} (95% interval ${pct(alo)} to ${pct(ahi)})`);
// Which of the kills need the flow atlas (test/golden/atlas.test.ts), a change detector: the rest are rules.
const testFile = new Map(Object.entries(report.testFiles ?? {}).flatMap(([file, { tests }]) => tests.map((t) => [t.id, file])));
const atlasOnly = outcome.filter((o) => {
  if (o.status !== 'Killed') return false;
  const m = results.get(key(o.file, o.location.start.line + 1, o.location.start.column + 1, o.mutatorName, o.replacement));
  const by = (m?.killedBy ?? []).map((id) => testFile.get(id) ?? '');
  return by.length > 0 && by.every((f) => f.endsWith('test/golden/atlas.test.ts'));
});
for (const o of atlasOnly) o.atlasOnly = true;
writeFileSync(join(OUT, 'outcome.json'), JSON.stringify({ seed: SEED, scope: mutants.length, counts, outcome }, null, 1));
if (report.testFiles && ALL_TESTS) {
  const k = killed - atlasOnly.length;
  const [rlo, rhi] = wilson(k, covered);
  console.log(`  killed by tests other than the flow atlas: ${k}/${covered} = ${pct(covered ? k / covered : 0)} (95% interval ${pct(rlo)} to ${pct(rhi)}); ${atlasOnly.length} by the atlas alone`);
}
for (const o of outcome.filter((o) => o.status === 'Survived' || o.status === 'NoCoverage' || o.status === 'NotRun')) {
  console.log(`  ${o.status}: ${o.file}:${o.line} ${o.mutatorName} -> ${o.replacement.replace(/\s+/g, ' ').slice(0, 80)}`);
}
// A sampled mutant missing from the report means the ranges or the ignorer lost it: the score would lie.
if (counts.NotRun) {
  console.error(`${counts.NotRun} sampled mutants were not in Stryker's report`);
  process.exit(1);
}
