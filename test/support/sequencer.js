// Jest test sequencer: the long proofs start first, one per worker, so that on a fresh clone (no timing cache
// yet, when Jest would order files by size) the short files fill in around them instead of a proof starting
// last and running alone. Otherwise Jest's own order (slowest and failed first, from its cache).
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = ['flowModelReturning.test.ts', 'flowModel.test.ts', 'flowModelPlan.test.ts', 'fuzz.test.ts', 'exhaustive.test.ts', 'reviewPack.test.ts', 'flowModelDeep.test.ts', 'durable.test.ts'];
const rank = (path) => {
  const i = FIRST.findIndex((name) => path.endsWith(`/${name}`));
  return i === -1 ? FIRST.length : i;
};

class ProofsFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return [...ordered].sort((a, b) => rank(a.path) - rank(b.path));
  }
}

module.exports = ProofsFirst;
