// Persistence on, for `npm run bench`: the bundle as Lambda loads it, with its DynamoDB adapter pointed
// at an in-memory dynalite on 127.0.0.1. Used as: node scripts/bench.mjs --persistence scripts/lib/bench-dynalite.mjs
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

export const label = 'persistence on (in-memory dynalite)';
const TABLE = 'back-helper-bench';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** dynalite in its own process, as the real database is: the warm row's peak RSS is the skill's alone. */
export async function startDatabase() {
  const code = "const s=require('dynalite')({createTableMs:0});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))";
  const child = spawn(process.execPath, ['-e', code], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(Number(String(d).trim())));
    child.once('exit', (c) => reject(new Error(`dynalite exited with ${c}`)));
  });
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

export default async function handlerFactory() {
  const db = await startDatabase();
  const endpoint = db.endpoint;
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await client.send(new CreateTableCommand({
    TableName: TABLE,
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  }));
  // The bundle reads its table at load time, as in Lambda.
  process.env.BACK_HELPER_TABLE = TABLE;
  process.env.BACK_HELPER_DYNAMO_ENDPOINT = endpoint;
  process.env.AWS_REGION = 'local';
  process.removeAllListeners('warning');
  const { handler } = createRequire(import.meta.url)(join(root, 'lambda', 'dist', 'index.js'));
  return { handler, close: async () => db.stop() };
}
