// The ignorer for scripts/mutation-sample.mjs: inside a sampled mutant's node (its mutate range), the
// nodes nested in it are not mutated, unless they are sampled too or hold a sampled node. Without it, a
// sampled "empty this block" would bring every mutant inside the block into the run.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const { sample } = JSON.parse(readFileSync(process.env.MUTATION_SAMPLE, 'utf8'));
// Babel locations: 1-based lines, 0-based columns.
const byFile = new Map();
for (const { file, location: { start, end } } of sample) {
  const list = byFile.get(file) ?? [];
  list.push({ start: { line: start.line + 1, column: start.column }, end: { line: end.line + 1, column: end.column } });
  byFile.set(file, list);
}
const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
const within = (outer, inner) => before(outer.start, inner.start) && before(inner.end, outer.end);
const same = (a, b) => within(a, b) && within(b, a);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'sampled-only', {
    shouldIgnore(path) {
      const loc = path.node.loc;
      const file = path.hub?.file?.opts?.filename;
      if (!loc || !file) return undefined;
      const ranges = byFile.get(relative(process.cwd(), file)) ?? [];
      if (ranges.some((r) => same(r, loc))) return undefined;
      if (!ranges.some((r) => within(r, loc))) return undefined;
      if (ranges.some((r) => within(loc, r))) return undefined;
      return 'not in the mutation sample';
    },
  }),
];
