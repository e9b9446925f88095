// The skill's own pacing code and content, compiled from lambda/src on the fly for the pace scripts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createRequire } from 'node:module';

export async function loadPacing() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const work = mkdtempSync(join(tmpdir(), 'back-helper-pacing-'));
  const out = join(work, 'pacing.cjs');
  try {
    await build({ entryPoints: [join(root, 'scripts', 'lib', 'pacing-entry.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    return createRequire(import.meta.url)(out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
