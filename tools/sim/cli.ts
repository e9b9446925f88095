// Interactive (or piped) voice-free conversation with the built skill bundle: what `npm start` runs.
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureTable, startLocalDynamo } from '../dynamo/local';
import { startLocalAlexaApi } from './alexaApi';

/** The table name the simulator uses in its local database. */
const LOCAL_TABLE = 'back-helper-local';
import * as readline from 'node:readline';
import { Conversation, type Invoke, type Turn } from './conversation';
import { DEFAULT_SKILL_ID } from './envelope';
import { lambdaInvoker, loadHandler } from './lambda';
import { loadModel } from './model';
import { describeMatch } from './render';

export interface CliOptions {
  locale: string;
  bundle: string;
  screen: boolean;
  skillId: string;
  help: boolean;
  logs: boolean;
  /** Forget what the local database remembers before starting. */
  fresh: boolean;
  /** Run with no database at all, as a skill deployed without a table would. */
  memory: boolean;
  /** Where the on-disk memory lives. */
  data: string;
  /** Piped input: use the on-disk memory (by default a pipe starts fresh, so a script replays the same). */
  resume: boolean;
}

const USAGE = `Usage: npm start -- [--locale en-US] [--bundle lambda/dist/index.js] [--screen] [--skill-id amzn1.ask.skill.…]
  --locale    which interaction model and request locale to use (default en-US)
  --bundle    the built Lambda bundle to talk to (default lambda/dist/index.js)
  --screen    pretend to be a device with a screen (APL) and print directives
  --skill-id  applicationId sent in requests (default $SKILL_ID or a placeholder)
  --logs      show the skill's own log lines (hidden by default)
  --fresh     forget what the local database remembers (preferences, where you left off)
  --no-memory run without a database, as a deployment without a table would
  --resume    with piped input, remember across runs too (by default a pipe starts fresh each time)
  --data      where the on-disk memory lives (default .local-data/dynamo)`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = {
    locale: 'en-US',
    bundle: 'lambda/dist/index.js',
    screen: false,
    skillId: process.env.SKILL_ID || DEFAULT_SKILL_ID,
    help: false,
    logs: false,
    fresh: false,
    memory: true,
    resume: false,
    data: join('.local-data', 'dynamo'),
  };
  const args = argv[0] === '--' ? argv.slice(1) : argv.slice();
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--locale':
        opts.locale = value();
        break;
      case '--bundle':
        opts.bundle = value();
        break;
      case '--skill-id':
        opts.skillId = value();
        break;
      case '--screen':
        opts.screen = true;
        break;
      case '--logs':
        opts.logs = true;
        break;
      case '--fresh':
        opts.fresh = true;
        break;
      case '--no-memory':
        opts.memory = false;
        break;
      case '--resume':
        opts.resume = true;
        break;
      case '--data':
        opts.data = value();
        break;
      case '--help':
      case '-h':
        opts.help = true;
        break;
      default:
        throw new Error(`Unknown argument ${args[i]}\n${USAGE}`);
    }
  }
  return opts;
}

type Print = (line: string) => void;

/** The skill logs one line per request; the conversation reads better with them shown apart, or not at all. */
function withSkillLogs(invoke: Invoke, show: Print): Invoke {
  return async (envelope) => {
    const original = console.log;
    const lines: string[] = [];
    console.log = (...parts: unknown[]) => lines.push(parts.map(String).join(' '));
    try {
      return await invoke(envelope);
    } finally {
      console.log = original;
      lines.forEach(show);
    }
  };
}

/** The lines the CLI prints for one turn (exported so it can be checked without a terminal). */
export function formatTurn(turn: Turn, options: { screen: boolean }): string[] {
  const out: string[] = [];
  if (turn.outsideSkill) {
    out.push(`  (${turn.note ?? 'No session is open: Alexa itself would answer this.'})`);
    return out;
  }
  const requestType = turn.request?.request.type;
  if (turn.nameFree) {
    out.push(`  name-free: no skill named, so Alexa asked the skill first (CanFulfillIntentRequest for ${turn.nameFree.intent}): ${turn.nameFree.answer}; it opens a new session with that intent`);
  }
  if (turn.action === 'launch') out.push('  heard: LaunchRequest');
  else if (turn.heard) out.push(`  heard: ${describeMatch(turn.heard)}`);
  else if (turn.heard === null) {
    const phrases = (turn.suggestions ?? []).map((p) => `"${p}"`).join(', ');
    const what =
      requestType === 'IntentRequest'
        ? 'Alexa would send AMAZON.FallbackIntent'
        : requestType === 'LaunchRequest'
          ? 'Alexa would just open the skill (LaunchRequest)'
          : 'the model has no AMAZON.FallbackIntent, so nothing was sent';
    out.push(`  no sample matches that; ${what}.${phrases ? ` Phrases that would work: ${phrases}` : ''}`);
  }
  if (turn.note && (turn.action === 'silence' || requestType === 'SessionEndedRequest' || !turn.request)) out.push(`  (${turn.note})`);
  if (requestType === 'SessionEndedRequest') {
    out.push(`  → SessionEndedRequest (${turn.request?.request.type === 'SessionEndedRequest' ? turn.request.request.reason : ''})`);
  } else if (turn.request || turn.speech) {
    out.push(`Alexa: ${turn.speech || '(says nothing)'}`);
  }
  for (const extra of turn.extras) {
    if (!options.screen && extra.startsWith('[directive:')) continue;
    out.push(`  ${extra}`);
  }
  for (const warning of turn.warnings) out.push(`  ! ${warning}`);
  if (turn.listening) {
    out.push('  (Alexa is listening…)');
    if (turn.reprompt && turn.action !== 'silence') out.push(`  reprompt: ${turn.reprompt}`);
  } else if (turn.request || turn.action === 'silence') {
    out.push('  (session ended)');
  }
  return out;
}

function banner(invocationName: string, opts: CliOptions, bundlePath: string): string[] {
  return [
    `Alexa skill simulator: "${invocationName}", ${opts.locale}, ${opts.screen ? 'device with a screen (APL)' : 'voice-only device'}`,
    `  bundle: ${bundlePath}`,
    'Type what you would say to Alexa, for example:',
    `  alexa, ask ${invocationName}, my back went out`,
    `  open ${invocationName}`,
    '  alexa, my back went out   (no skill name: Alexa asks the skill first, as it would on a device)',
    'Once a session is open, just type your answer. An empty line means you stayed silent. "quit" leaves.',
    '',
  ];
}

const QUIT = new Set(['quit', '.quit', '.exit', 'q']);

/** Runs the REPL until "quit" or end of input; lines are handled strictly one after another. */
export async function main(argv: readonly string[] = process.argv.slice(2), print: Print = (l) => console.log(l)): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  if (opts.help) {
    print(USAGE);
    return 0;
  }
  const bundlePath = resolve(process.cwd(), opts.bundle);
  if (!existsSync(bundlePath)) {
    console.error(`No skill bundle at ${bundlePath}. Build it with "npm run build" (npm start does this for you).`);
    return 1;
  }
  const interactive = process.stdin.isTTY === true;
  if (opts.memory) {
    // The same adapter as in Lambda, pointed at a real DynamoDB-compatible database: on disk when typing
    // (or with --resume), in memory for a pipe, so a piped script gives the same transcript every run.
    const onDisk = interactive || opts.resume;
    const path = resolve(process.cwd(), opts.data);
    if (opts.fresh) rmSync(path, { recursive: true, force: true });
    const local = await startLocalDynamo(onDisk ? { path } : {});
    await ensureTable(local.endpoint, LOCAL_TABLE);
    process.env.BACK_HELPER_TABLE = LOCAL_TABLE;
    process.env.BACK_HELPER_DYNAMO_ENDPOINT = local.endpoint;
    process.env.AWS_REGION ??= 'local';
    print(
      onDisk
        ? `  memory: dynalite in ${opts.data}${opts.fresh ? ' (forgotten)' : ''}; --fresh forgets, --no-memory runs without it`
        : '  memory: dynalite in memory, starting fresh (piped input); --resume remembers across runs',
    );
  }
  // Timers, reminders and the time zone go to a local stand-in that prints each call.
  // Written straight to stdout: during a request console.log belongs to the skill's own logs.
  const alexaApi = await startLocalAlexaApi((l) => process.stdout.write(`${l}\n`));
  let conversation: Conversation;
  try {
    const model = loadModel(opts.locale);
    conversation = new Conversation({
      invoke: withSkillLogs(lambdaInvoker(loadHandler(bundlePath)), opts.logs ? (l) => print(`  log: ${l}`) : () => undefined),
      model,
      locale: opts.locale,
      skillId: opts.skillId,
      apl: opts.screen,
      apiEndpoint: alexaApi.endpoint,
    });
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
  for (const line of banner(conversation.invocationName, opts, bundlePath)) print(line);

  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: interactive, prompt: 'You: ' });
  let quitting = false;
  let failures = 0;

  const handle = async (raw: string): Promise<void> => {
    if (quitting) return;
    const line = raw.replace(/^\s*you:\s*/i, '').trim();
    if (line.startsWith('#')) return; // comments in piped scripts
    if (!interactive) print(`You: ${line || '(silence)'}`);
    if (QUIT.has(line.toLowerCase())) {
      quitting = true;
      rl.close();
      return;
    }
    try {
      const turn = await conversation.say(line);
      for (const out of formatTurn(turn, { screen: opts.screen })) print(out);
    } catch (err) {
      failures++;
      print(`  error: the skill failed, so Alexa would say "There was a problem with the requested skill's response".`);
      print(`  ${((err as Error).stack ?? String(err)).split('\n').join('\n  ')}`);
      print('  (session ended)');
    }
    print('');
    if (interactive && !quitting) rl.prompt();
  };

  // readline emits lines faster than the skill answers; chaining keeps replies in input order.
  let chain: Promise<void> = Promise.resolve();
  rl.on('line', (line) => {
    chain = chain.then(() => handle(line));
  });
  rl.on('SIGINT', () => rl.close());
  const closed = new Promise<void>((done) => rl.once('close', () => done()));
  if (interactive) rl.prompt();
  await closed;
  await chain;
  return failures > 0 && !interactive ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
