/**
 * Golden transcripts: each persona in persona-scripts.json is run through the real skill and compared with
 * test/golden/<id>.txt. A change of wording or flow fails here and shows as a diff in review;
 * `npm run golden:update` rewrites the files (GOLDEN_UPDATE=1) after the change has been read.
 */
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../tools/dynamo/local';
import { GOLDEN_DESCRIBE, GOLDEN_DIR, loadPersonas, runPersona, transcriptPath } from './personas';

const UPDATE = process.env.GOLDEN_UPDATE === '1';
const TABLE = 'back-helper-golden';
const personas = loadPersonas();
let db: LocalDynamo;

beforeAll(async () => {
  db = await startLocalDynamo();
  await ensureTable(db.endpoint, TABLE);
});
afterAll(() => db.stop());

describe(GOLDEN_DESCRIBE, () => {
  it('has at least 40 personas with unique ids, in every locale', () => {
    expect(personas.length).toBeGreaterThanOrEqual(40);
    expect(new Set(personas.map((p) => p.id)).size).toBe(personas.length);
    expect([...new Set(personas.map((p) => p.locale))].sort()).toEqual(['en-AU', 'en-CA', 'en-GB', 'en-IN', 'en-US']);
  });

  it('keeps no transcript without a persona', () => {
    const ids = new Set(personas.map((p) => p.id));
    const orphans = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.txt') && !ids.has(f.slice(0, -4)));
    if (UPDATE) for (const f of orphans) unlinkSync(`${GOLDEN_DIR}/${f}`);
    else expect(orphans).toEqual([]);
  });

  for (const p of personas) {
    it(p.id, async () => {
      const actual = await runPersona(p, db.endpoint, TABLE);
      const file = transcriptPath(p.id);
      if (UPDATE) {
        writeFileSync(file, actual);
        return;
      }
      if (!existsSync(file)) throw new Error(`No transcript for persona ${p.id}: run npm run golden:update and read the new file.`);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
