import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SOURCE_IDS } from '../../lambda/src/content/sources';
import { allClinical } from '../support/clinicalWalk';
import { CLINICAL_DIR, loadSources } from '../support/clinicalFile';
import { ROOT } from '../support/paths';

const sources = loadSources();
const used = new Set(allClinical().flatMap((c) => c.clinical.sources as readonly string[]));

describe('the sources file', () => {
  it('defines exactly the ids the content may cite', () => {
    expect(sources.map((s) => s.id).sort()).toEqual([...SOURCE_IDS].sort());
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
  });

  it('defines every id a clinical sentence cites', () => {
    const defined = new Set(sources.map((s) => s.id));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
  });

  it('marks every id no sentence cites as background', () => {
    expect(sources.filter((s) => !used.has(s.id) && s.background !== true).map((s) => s.id)).toEqual([]);
  });

  it('gives every source a citation, a link or a reason for none, a check date and what it supports', () => {
    const bad = sources.filter(
      (s) =>
        s.title.trim() === '' ||
        s.citation.trim().length < 20 ||
        !(s.url === null || /^https:\/\/[^\s]+$/.test(s.url)) ||
        !/^\d{4}-\d{2}-\d{2}$/.test(s.checked) ||
        Number.isNaN(Date.parse(s.checked)) ||
        s.supports.length === 0 ||
        s.supports.some((x) => x.trim() === ''),
    );
    expect(bad.map((s) => s.id)).toEqual([]);
  });

  it('is explained in the clinical reference: every id appears there', () => {
    const reference = readFileSync(join(CLINICAL_DIR, 'reference.md'), 'utf8');
    expect(sources.filter((s) => !new RegExp(`\\b${s.id}\\b`).test(reference)).map((s) => s.id)).toEqual([]);
  });
});

describe('what the code cites', () => {
  // Built from parts so this file does not name them itself.
  const outside = ['CLINICAL', 'PLATFORM'].map((n) => `${n}.md`);

  it('points only at files in the project, never at the shared notes a clone does not contain', () => {
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|js|mjs)$/.test(name)) {
          readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
            if (outside.some((o) => line.includes(o))) hits.push(`${relative(ROOT, p)}:${i + 1}`);
          });
        }
      }
    };
    for (const dir of ['lambda/src', 'tools', 'test', 'scripts']) walk(join(ROOT, dir));
    expect(hits).toEqual([]);
  });
});
