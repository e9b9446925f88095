// Bundles lambda/src into one CommonJS file that Lambda (nodejs22.x) runs with no node_modules.
import { build } from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundlePath = join(root, 'lambda', 'dist', 'index.js');

/** Everything the bundle is made from: a change to any of these makes it stale. */
function inputs() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(join(root, 'lambda', 'src'));
  files.push(join(root, 'package-lock.json'));
  return files;
}

export function bundleIsStale() {
  if (!existsSync(bundlePath)) return true;
  const built = statSync(bundlePath).mtimeMs;
  return inputs().some((f) => statSync(f).mtimeMs > built);
}

export async function buildBundle({ quiet = false } = {}) {
  const result = await build({
    entryPoints: [join(root, 'lambda', 'src', 'index.ts')],
    outfile: bundlePath,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    keepNames: true,
    minify: true,
    legalComments: 'linked',
    // The nodejs22.x runtime ships AWS SDK v3; it is loaded only when a table is configured (README).
    external: ['@aws-sdk/*', '@smithy/*'],
    metafile: true,
    logLevel: quiet ? 'warning' : 'info',
  });
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildBundle();
}
