// The burst rows of `npm run bench`: 200 conversations against dynalite (in its own process), each
// request handed to an idle copy of the bundle (a Lambda container: one request at a time, a new one
// when all are busy), with a share of database calls failing on purpose through a local proxy.
// Prints one JSON line: node scripts/lib/bench-burst.mjs [--bundle path] [--in-flight N] [--failures 0.15]
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const TABLE = 'back-helper-burst';
const SKILL_ID = 'amzn1.ask.skill.bench';

/** The burst harness and failure proxy the tests use, compiled from tools/dynamo. */
async function loadHarness() {
  // Inside the project (git-ignored .sim/), so its external packages resolve from node_modules.
  const out = join(root, '.sim', 'bench-burst.cjs');
  await build({
    stdin: { contents: "export * from './tools/dynamo/burst'; export * from './tools/dynamo/flaky';", resolveDir: root, loader: 'ts' },
    outfile: out, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning',
  });
  return require(out);
}

/**
 * dynalite and the failure proxy in a process of their own, as a real database is: the skill's 200
 * containers in this process do not slow the database's own work. It prints the proxy's port, and the
 * proxy's tally of fates when asked on stdin.
 */
async function startFlakyDatabase(harness, failures, seed) {
  const code = `
    const h = require(${JSON.stringify(harness)});
    const s = require('dynalite')({ createTableMs: 0 });
    s.listen(0, '127.0.0.1', async () => {
      const db = 'http://127.0.0.1:' + s.address().port;
      const proxy = await h.startFlakyProxy(db, { fate: h.transientFailures(${failures}, h.seeded(${seed})), delayMs: 1000 });
      console.log(JSON.stringify({ db, proxy: proxy.endpoint }));
      process.stdin.on('data', () => console.log(JSON.stringify({ calls: proxy.calls, fates: proxy.fates })));
    });`;
  const child = spawn(process.execPath, ['-e', code], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = [];
  let waiting;
  child.stdout.setEncoding('utf8').on('data', (d) => {
    for (const l of d.split('\n').filter(Boolean)) (waiting ? (waiting(JSON.parse(l)), (waiting = undefined)) : lines.push(JSON.parse(l)));
  });
  const next = () => (lines.length ? Promise.resolve(lines.shift()) : new Promise((r) => (waiting = r)));
  const endpoints = await next();
  return {
    ...endpoints,
    tally: () => {
      child.stdin.write('report\n');
      return next();
    },
    stop: () => child.kill(),
  };
}

export async function measureBurst({ bundle = join(root, 'lambda', 'dist', 'index.js'), people = 200, inFlight = people, failures = 0.15, seed = 7 } = {}) {
  const h = await loadHarness();
  const db = await startFlakyDatabase(join(root, '.sim', 'bench-burst.cjs'), failures, seed);
  const client = new DynamoDBClient({ endpoint: db.db, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }));
    process.env.BACK_HELPER_TABLE = TABLE;
    process.env.AWS_REGION = 'local';
    process.env.SKILL_ID = SKILL_ID;
    process.removeAllListeners('warning');
    const log = console.log;
    console.log = () => {};
    /** A new container: the bundle loaded afresh, as a cold Lambda would, pointed at `endpoint`. */
    const container = (endpoint) => () => {
      process.env.BACK_HELPER_DYNAMO_ENDPOINT = endpoint;
      delete require.cache[resolve(bundle)];
      return require(resolve(bundle)).handler;
    };
    let started;
    try {
      // What a healthy database keeps for this conversation (everyone says the same).
      await h.runBurst(new h.ContainerPool(container(db.db)), { people: 1, userPrefix: 'healthy', skillId: SKILL_ID });
      const pool = new h.ContainerPool(container(db.proxy));
      await h.runBurst(pool, { people, skillId: SKILL_ID, thinkMs: 20, seed: 2, concurrency: inFlight });
      started = pool.started;
    } finally {
      console.log = log;
    }
    const stored = await h.storedByKey(db.db, TABLE);
    const expected = stored.get(hashOf('amzn1.ask.account.healthy-0000'));
    const lost = h.countLost(stored, expected, people);
    const { calls, fates } = await db.tally();
    if (process.env.BURST_DEBUG) {
      const kinds = {};
      for (const v of stored.values()) kinds[JSON.stringify(v)] = (kinds[JSON.stringify(v)] ?? 0) + 1;
      process.stderr.write(`${JSON.stringify({ expected, kinds, fates }, null, 1)}\n`);
    }
    const injected = fates.error + fates.reset + fates.slow;
    return { people, inFlight, failures, calls, injected, containers: started, ...lost };
  } finally {
    client.destroy();
    db.stop();
  }
}

function hashOf(id) {
  return require('node:crypto').createHash('sha256').update(id, 'utf8').digest('hex');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const result = await measureBurst({
    bundle: option('--bundle', undefined),
    inFlight: Number(option('--in-flight', 200)),
    failures: Number(option('--failures', 0.15)),
  });
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
  process.exit(0);
}
