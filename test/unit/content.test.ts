import { SOURCE_IDS } from '../../lambda/src/content/sources';
import { TALK } from '../../lambda/src/content/talk';
import { textFor } from '../../lambda/src/content/types';
import { localePack, SUPPORTED_LOCALES } from '../../lambda/src/locale';
import { allClinical } from '../support/clinicalWalk';
import { grade, sentences } from '../support/readability';

describe('what the skill says', () => {
  const entries = allClinical();

  it('finds the content it checks', () => {
    expect(entries.length).toBeGreaterThan(80);
  });

  it('gives every clinical sentence at least one known source id', () => {
    const known = new Set<string>(SOURCE_IDS);
    const bad = entries.filter((e) => e.clinical.sources.length === 0 || e.clinical.sources.some((s) => !known.has(s)));
    expect(bad.map((e) => e.where)).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)('keeps every sentence at or below grade 8 in %s', (locale) => {
    const l = localePack(locale);
    const texts = [...entries.map((e) => textFor(e.clinical.say, l)), ...Object.values(TALK)];
    const hard = texts.flatMap(sentences).map((s) => ({ s, g: grade(s) })).filter((x) => x.g > 8);
    expect(hard).toEqual([]);
  });

  it('can tell a hard sentence from an easy one', () => {
    expect(grade('Lie on your back and bend your knees.')).toBeLessThan(4);
    expect(grade('Intermittent radiculopathy necessitates comprehensive neurological evaluation immediately.')).toBeGreaterThan(12);
  });
});
