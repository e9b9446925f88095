// `npm run review`: builds the clinical review pack (static HTML) under .review/pack/.
// The builder is TypeScript shared with the tests; esbuild strips its types on load, as the jest transform does.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const require = createRequire(import.meta.url);
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: filename });
  module._compile(code, filename);
};
// The AWS SDK warns about Node 20's end of life on load; the review is not the place for it.
process.removeAllListeners('warning');

const args = process.argv.slice(2).filter((a) => a !== '--');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;

const { buildReview } = require('../tools/review/build.ts');
const summary = await buildReview({ out });
const t = summary.hazardTests;
console.log(`Review pack: ${summary.out}`);
console.log(
  `  ${summary.steps} steps, ${summary.edges} transitions (${summary.statesExplored} states explored); ` +
    `${summary.clinicalSentences} clinical sentences reached, ${summary.unreached} not reached; ` +
    `${summary.hazards} hazards, control tests ${t.passed} passed, ${t.failed} failed, ${t['not run']} not run; ` +
    `${summary.transcripts} transcripts`,
);
