import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { BUNDLE, ROOT } from '../support/paths';

const LAUNCH = {
  version: '1.0',
  session: { new: true, sessionId: 'amzn1.echo-api.session.t', application: { applicationId: 'amzn1.ask.skill.t' }, user: { userId: 'amzn1.ask.account.t' }, attributes: {} },
  context: { System: { application: { applicationId: 'amzn1.ask.skill.t' }, user: { userId: 'amzn1.ask.account.t' }, device: { deviceId: 'd', supportedInterfaces: {} }, apiEndpoint: 'https://api.amazonalexa.com' } },
  request: { type: 'LaunchRequest', requestId: 'amzn1.echo-api.request.t', timestamp: '2026-11-21T10:00:00Z', locale: 'en-US' },
};

/** Runs a bundle in a fresh node process, from a folder with no node_modules anywhere above it. */
function answerLaunchFrom(dir: string): { ssml: string } {
  const script = `require('./index.js').handler(${JSON.stringify(LAUNCH)}, {}).then(r => process.stdout.write(String.fromCharCode(10) + JSON.stringify({ ssml: r.response.outputSpeech.ssml })))`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
  // The skill logs one JSON line per request; the answer is the last line.
  return JSON.parse(out.toString().trim().split('\n').at(-1)!);
}

describe('the Lambda artifact', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'back-helper-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is one file that answers a LaunchRequest with no node_modules', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    copyFileSync(BUNDLE, join(dir, 'index.js'));
    const { ssml } = answerLaunchFrom(dir);
    expect(ssml).toContain('safety questions');
  });

  it('is what ask-cli deploys, through its own build flow and our hook', () => {
    // ask-cli's CodeBuilder picks hooks/build.sh the same way `ask deploy` does.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const CodeBuilder = require('ask-cli/dist/lib/controllers/skill-code-controller/code-builder');
    const zipFile = join(dir, 'build.zip');
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const builder = new CodeBuilder({ src: join(ROOT, 'lambda'), build: { folder: join(dir, 'build'), file: zipFile }, doDebug: false });
      expect(builder.BuildFlowClass.name).toBe('CustomBuildFlow');
      builder.execute((error: unknown) => {
        if (error) throw error;
      });
    } finally {
      process.chdir(cwd);
    }
    const zip = new AdmZip(zipFile);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['index.js', 'index.js.map']);
    expect(zip.readFile('index.js')!.equals(readFileSync(BUNDLE))).toBe(true);
    zip.extractEntryTo('index.js', join(dir, 'unzipped'), false, true);
    expect(answerLaunchFrom(join(dir, 'unzipped')).ssml).toContain('safety questions');
  });
});
