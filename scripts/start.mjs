// `npm start`: (re)builds the skill bundle if needed, bundles the simulator CLI, and runs it in this process.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsStale, buildBundle, bundlePath } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliPath = join(root, '.sim', 'cli.js');

// Paths in the CLI (model, default bundle) are relative to the project root.
process.chdir(root);
// Stack traces from the skill point at lambda/src, not the minified bundle.
process.setSourceMapsEnabled(true);

// npm strips the `--` of `npm start -- --screen`; a direct `node scripts/start.mjs -- …` keeps it.
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

try {
  if (bundleIsStale()) {
    console.log('Building the skill bundle…');
    await buildBundle({ quiet: true });
  }
  await build({
    entryPoints: [join(root, 'tools', 'sim', 'cli.ts')],
    outfile: cliPath,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    // dynalite has a native LevelDB binding: dependencies load from node_modules, not the bundle.
    packages: 'external',
    logLevel: 'warning',
  });
} catch (err) {
  // esbuild has already printed the details of a failed build
  console.error(`Could not build: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
  process.exit(1);
}

// The AWS SDK warns about Node 20's end of life on every start; the simulator is not the place for it.
process.removeAllListeners('warning');
const require = createRequire(import.meta.url);
const cli = require(cliPath);
const code = await cli.main(['--bundle', bundlePath, ...args]);
// The skill may leave sockets or timers open (as Lambda would freeze them); the conversation is over.
process.exit(code);
