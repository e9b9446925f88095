// The benchmark: one table, every number measured in this run. `npm run bench` builds the bundle first.
//
//   node scripts/bench.mjs                                   bundle size, cold start, warm latency, peak RSS
//   node scripts/bench.mjs --persistence <factory module>    adds a "persistence on" warm row
//   node scripts/bench.mjs --burst                           adds the 200-conversation burst rows (scripts/lib/bench-burst.mjs)
//
// A factory module default-exports `async () => ({ handler, close? })`: the Lambda handler to measure
// (e.g. the skill built with the DynamoDB adapter against an in-memory dynalite) and how to shut it down.
// It may also export `label` for the table (default: "persistence on (in-memory dynalite)").
// Each warm row runs in its own node process, so its peak RSS is that row's alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from './lib/random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = join(root, 'lambda', 'dist', 'index.js');
const modelPath = join(root, 'skill-package', 'interactionModels', 'custom', 'en-US.json');
const require = createRequire(import.meta.url);

export const GOALS = {
  bundleKiB: 250,
  coldOverBareMs: 30,
  warmP99Ms: 2,
  peakRssMiB: 100,
};
const COLD_RUNS = 25;
const COLD_WARMUP_ROUNDS = 3;
const WARM_REQUESTS = 10_000;
const WARM_WARMUP = 1_000;

// ---------------------------------------------------------------------------------------------
// Requests, shaped as Alexa sends them.

const IDS = {
  skill: 'amzn1.ask.skill.bench',
  user: 'amzn1.ask.account.BENCH',
  device: 'amzn1.ask.device.BENCH',
};

export function envelope(request, { attributes = {}, isNew = false } = {}) {
  const application = { applicationId: IDS.skill };
  const user = { userId: IDS.user };
  return {
    version: '1.0',
    session: { new: isNew, sessionId: 'amzn1.echo-api.session.bench', application, user, attributes },
    context: {
      System: { application, user, device: { deviceId: IDS.device, supportedInterfaces: {} }, apiEndpoint: 'https://api.amazonalexa.com' },
    },
    request: { requestId: 'amzn1.echo-api.request.bench', timestamp: '2026-11-21T10:00:00Z', locale: 'en-US', ...request },
  };
}

export const LAUNCH = envelope({ type: 'LaunchRequest' }, { isNew: true });

/** The warm mix: what people say most, from the model so a renamed intent fails loudly here. */
function requestMix() {
  const model = JSON.parse(readFileSync(modelPath, 'utf8')).interactionModel.languageModel;
  const has = (name) => {
    if (!model.intents.some((i) => i.name === name)) throw new Error(`the bench mix needs ${name}, which the en-US model no longer has`);
    return name;
  };
  const emergency = model.intents.find((i) => i.name === has('EmergencyStatementIntent'));
  const slot = emergency.slots[0];
  const value = model.types.find((t) => t.name === slot.type).values[0];
  const intent = (name, slots) => ({ type: 'IntentRequest', intent: { name: has(name), confirmationStatus: 'NONE', ...(slots ? { slots } : {}) } });
  return {
    launch: { type: 'LaunchRequest' },
    yes: intent('AMAZON.YesIntent'),
    no: intent('AMAZON.NoIntent'),
    notSure: intent('NotSureIntent'),
    help: intent('AMAZON.HelpIntent'),
    repeat: intent('AMAZON.RepeatIntent'),
    fallback: intent('AMAZON.FallbackIntent'),
    emergency: intent(emergency.name, {
      [slot.name]: {
        name: slot.name,
        value: value.name.value,
        confirmationStatus: 'NONE',
        resolutions: {
          resolutionsPerAuthority: [
            { authority: `amzn1.er-authority.echo-sdk.${IDS.skill}.${slot.type}`, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: value.name.value, id: value.id } }] },
          ],
        },
      },
    }),
    stop: intent('AMAZON.StopIntent'),
  };
}


// ---------------------------------------------------------------------------------------------
// Warm latency.

/** Persistence off: the bundle's own handler, exactly as Lambda loads it. */
export async function bundleHandlerFactory() {
  return { handler: require(bundlePath).handler };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];

/**
 * Warm in-process latency of one handler over a mixed conversation: session attributes carried from each
 * response to the next request as Alexa does (a JSON round trip), a new session whenever one ends.
 * `handlerFactory` is `async () => ({ handler, close? })`: pass a different one to measure persistence on.
 */
export async function measureWarm(handlerFactory, { requests = WARM_REQUESTS, warmup = WARM_WARMUP, seed = 20261121 } = {}) {
  const { handler, close } = await handlerFactory();
  const mix = requestMix();
  const kinds = Object.keys(mix);
  const random = mulberry32(seed);
  // The skill logs one JSON line per request with console.log: keep the bench quiet and the timing honest.
  const log = console.log;
  console.log = () => {};
  const samples = new Float64Array(requests);
  let attributes;
  let sessions = 0;
  try {
    for (let i = 0; i < warmup + requests; i++) {
      const kind = kinds[Math.floor(random() * kinds.length)];
      const fresh = attributes === undefined || kind === 'launch';
      if (fresh) sessions++;
      const event = envelope(mix[kind], { attributes: fresh ? {} : attributes, isNew: fresh });
      const start = process.hrtime.bigint();
      const out = await handler(event, {});
      const ns = process.hrtime.bigint() - start;
      if (!out?.response) throw new Error(`no response to ${kind}`);
      attributes = out.response.shouldEndSession ? undefined : JSON.parse(JSON.stringify(out.sessionAttributes ?? {}));
      if (i >= warmup) samples[i - warmup] = Number(ns) / 1e6;
    }
  } finally {
    console.log = log;
    await close?.();
  }
  const sorted = Float64Array.from(samples).sort();
  return {
    requests,
    sessions,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1],
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

const LAMBDA_NODE_FLAGS = ['--max-old-space-size=96', '--max-semi-space-size=4'];

/** Runs measureWarm in a fresh node process (so peak RSS is this row's) with the factory from a module, or the bundle's. */
function warmRow(factoryModule) {
  // The heap cap the deployed function runs with (NODE_OPTIONS in the CloudFormation template), so peak
  // RSS is what a 128 MB Lambda would see rather than what V8 takes when nothing limits it.
  const args = [...LAMBDA_NODE_FLAGS, fileURLToPath(import.meta.url), '--warm-child', ...(factoryModule ? ['--factory', resolve(factoryModule)] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`warm run failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

async function warmChild(factoryModule) {
  let factory = bundleHandlerFactory;
  if (factoryModule) {
    const mod = await import(pathToFileURL(factoryModule).href);
    factory = mod.default ?? mod.handlerFactory;
    if (typeof factory !== 'function') throw new Error(`${factoryModule} must default-export async () => ({ handler, close })`);
  }
  const result = await measureWarm(factory);
  process.stdout.write(`\n${JSON.stringify({ ...result, label: factoryModule ? await labelOf(factoryModule) : undefined })}\n`);
}

async function labelOf(factoryModule) {
  const mod = await import(pathToFileURL(factoryModule).href);
  return typeof mod.label === 'string' ? mod.label : 'persistence on (in-memory dynalite)';
}

// ---------------------------------------------------------------------------------------------
// Cold start: whole-process wall time of a fresh node.

/** The ask-cli hello-world starter cut to one handler, requiring ask-sdk-core unbundled from our node_modules. */
function writeStarter(dir) {
  const core = require.resolve('ask-sdk-core', { paths: [root] });
  writeFileSync(
    join(dir, 'index.js'),
    `const Alexa = require(${JSON.stringify(core)});

const LaunchRequestHandler = {
  canHandle(handlerInput) {
    return Alexa.getRequestType(handlerInput.requestEnvelope) === 'LaunchRequest';
  },
  handle(handlerInput) {
    const speakOutput = 'Welcome, you can say Hello or Help. Which would you like to try?';
    return handlerInput.responseBuilder.speak(speakOutput).reprompt(speakOutput).getResponse();
  },
};

const ErrorHandler = {
  canHandle() {
    return true;
  },
  handle(handlerInput, error) {
    const speakOutput = 'Sorry, I had trouble doing what you asked. Please try again.';
    console.log(\`~~~~ Error handled: \${JSON.stringify(error)}\`);
    return handlerInput.responseBuilder.speak(speakOutput).reprompt(speakOutput).getResponse();
  },
};

exports.handler = Alexa.SkillBuilders.custom()
  .addRequestHandlers(LaunchRequestHandler)
  .addErrorHandlers(ErrorHandler)
  .withCustomUserAgent('sample/hello-world/v1.2')
  .lambda();
`,
  );
  return join(dir, 'index.js');
}

function coldCommands(starterPath) {
  const event = JSON.stringify(LAUNCH);
  // Exit code 3 means no speech came back: a broken run must not pass as a fast one.
  return {
    bare: ['-e', '0'],
    bundle: ['-e', `require(${JSON.stringify(bundlePath)}).handler(${event}, {}).then((r) => { if (!r.response.outputSpeech) process.exit(3); })`],
    starter: ['-e', `require(${JSON.stringify(starterPath)}).handler(${event}, {}, (e, r) => { if (e || !r.response.outputSpeech) process.exit(3); })`],
  };
}

function timeProcess(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ').slice(0, 80)} exited ${run.status}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median wall time of each command, interleaved and rotated each round so drift and cache hit all three alike. */
export function measureCold(runs = COLD_RUNS) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-starter-'));
  try {
    const commands = coldCommands(writeStarter(dir));
    const names = Object.keys(commands);
    const times = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = -COLD_WARMUP_ROUNDS; round < runs; round++) {
      const order = names.map((_, i) => names[(i + Math.max(round, 0)) % names.length]);
      for (const name of order) {
        const ms = timeProcess(commands[name]);
        if (round >= 0) times[name].push(ms);
      }
    }
    return Object.fromEntries(names.map((n) => [n, median(times[n])]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The burst: 200 conversations at once against dynalite, with database calls failing on purpose.

export const BURST = { people: 200, failures: 0.15 };

/** Runs in its own node process: it loads a copy of the bundle per simulated Lambda container. */
function burstRow() {
  const script = join(root, 'scripts', 'lib', 'bench-burst.mjs');
  const run = spawnSync(process.execPath, [script, '--in-flight', String(BURST.people), '--failures', String(BURST.failures)], {
    encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`burst run failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

// ---------------------------------------------------------------------------------------------
// The table.

const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const f = (n, digits = 1) => n.toFixed(digits);

export async function main({ persistenceFactory, burst = false } = {}) {
  const raw = readFileSync(bundlePath);
  const rawKiB = statSync(bundlePath).size / 1024;
  const gzKiB = gzipSync(raw, { level: 9 }).length / 1024;
  const cold = measureCold();
  const warm = warmRow();
  const persisted = persistenceFactory ? warmRow(persistenceFactory) : undefined;
  const burstResult = burst ? burstRow() : undefined;

  const rows = [
    ['Bundle size, raw', `${f(rawKiB)} KiB`, `<= ${GOALS.bundleKiB} KiB`, verdict(rawKiB <= GOALS.bundleKiB)],
    ['Bundle size, gzip -9', `${f(gzKiB)} KiB`, '', ''],
    [`Cold start, bare \`node -e 0\` (median of ${COLD_RUNS})`, `${f(cold.bare)} ms`, '', ''],
    [
      'Cold start, bundle + LaunchRequest',
      `${f(cold.bundle)} ms (+${f(cold.bundle - cold.bare)})`,
      `<= bare + ${GOALS.coldOverBareMs} ms`,
      verdict(cold.bundle - cold.bare <= GOALS.coldOverBareMs),
    ],
    [
      'Cold start, ask-sdk-core starter unbundled',
      `${f(cold.starter)} ms (+${f(cold.starter - cold.bare)})`,
      'bundle faster',
      verdict(cold.bundle < cold.starter),
    ],
    [`Warm p50, persistence off (${warm.requests} mixed, ${warm.sessions} sessions)`, `${f(warm.p50Ms, 3)} ms`, '', ''],
    ['Warm p99, persistence off', `${f(warm.p99Ms, 3)} ms`, `<= ${GOALS.warmP99Ms} ms`, verdict(warm.p99Ms <= GOALS.warmP99Ms)],
    ['Peak RSS of the warm process, persistence off', `${f(warm.peakRssMiB)} MiB`, `<= ${GOALS.peakRssMiB} MiB`, verdict(warm.peakRssMiB <= GOALS.peakRssMiB)],
  ];
  if (persisted) {
    rows.push(
      [`Warm p50, ${persisted.label}`, `${f(persisted.p50Ms, 3)} ms`, '', ''],
      [`Warm p99, ${persisted.label}`, `${f(persisted.p99Ms, 3)} ms`, '', ''],
      [`Peak RSS of the warm process, ${persisted.label}`, `${f(persisted.peakRssMiB)} MiB`, `<= ${GOALS.peakRssMiB} MiB`, verdict(persisted.peakRssMiB <= GOALS.peakRssMiB)],
    );
  }

  if (burstResult) {
    const b = burstResult;
    const what = `${b.people} at once, ${Math.round(b.failures * 100)}% of ${b.calls} DB calls failing`;
    rows.push(
      [`Burst (${what}): nothing stored`, `${b.nothing} of ${b.people}`, '0', verdict(b.nothing === 0)],
      ['Burst: last change lost', `${b.stale} of ${b.people}`, '0', verdict(b.stale === 0)],
    );
  }

  const header = ['Measure', 'Value', 'Goal', 'Result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`Back Helper benchmark: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model.trim()}, ${new Date().toISOString()}`);
  console.log(`Warm rows run with ${LAMBDA_NODE_FLAGS.join(' ')}, as the deployed function does.`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  const failed = rows.filter((r) => r[3] === 'FAIL').length;
  if (failed) console.log(`${failed} goal(s) missed.`);
  return { rows, failed };
}

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (argv.includes('--warm-child')) await warmChild(option('--factory'));
  else if ((await main({ persistenceFactory: option('--persistence'), burst: argv.includes('--burst') })).failed) process.exitCode = 1;
}
