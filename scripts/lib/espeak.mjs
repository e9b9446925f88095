// Renders SSML with espeak-ng and measures the audio with sox: the honest check of a spoken pace.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createRequire } from 'node:module';

/** Words a minute for espeak-ng: close to Alexa's default voice (espeak's own default, 175, is faster). */
export const SPEAKING_RATE = 160;

export function requireTools() {
  for (const tool of ['espeak-ng', 'soxi']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      console.error(`${tool} is missing: apt-get install -y espeak-ng sox`);
      process.exit(1);
    }
  }
}

const work = mkdtempSync(join(tmpdir(), 'back-helper-audio-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
let n = 0;

/** Seconds of audio espeak-ng makes from this SSML. */
export function spokenSeconds(ssml) {
  const wav = join(work, `${n++}.wav`);
  execFileSync('espeak-ng', ['-m', '-s', String(SPEAKING_RATE), '-v', 'en-us', '-w', wav, ssml]);
  return Number(execFileSync('soxi', ['-D', wav]).toString().trim());
}

/** The pacing code of the skill itself, compiled from lambda/src. */
export async function loadPacing() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const out = join(work, 'pacing.cjs');
  await build({ entryPoints: [join(root, 'scripts', 'lib', 'pacing-entry.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  return createRequire(import.meta.url)(out);
}
