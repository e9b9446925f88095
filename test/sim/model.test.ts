import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../tools/sim/model';
import { fixtureModel } from './fixture';

describe('loadModel', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sim-model-'));
    mkdirSync(join(root, 'skill-package', 'interactionModels', 'custom'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const write = (locale: string, body: unknown) =>
    writeFileSync(join(root, 'skill-package', 'interactionModels', 'custom', `${locale}.json`), JSON.stringify(body));

  it('reads the locale file', () => {
    const gb = fixtureModel();
    gb.interactionModel.languageModel.invocationName = 'back helper uk';
    write('en-US', fixtureModel());
    write('en-GB', gb);
    expect(loadModel('en-GB', root).interactionModel.languageModel.invocationName).toBe('back helper uk');
  });

  it('falls back to en-US when the locale has no model', () => {
    write('en-US', fixtureModel());
    expect(loadModel('en-AU', root).interactionModel.languageModel.invocationName).toBe('back helper');
  });

  it('explains what is missing or malformed', () => {
    expect(() => loadModel('en-US', root)).toThrow(/No interaction model/);
    write('en-US', { interactionModel: {} });
    expect(() => loadModel('en-US', root)).toThrow(/languageModel/);
  });
});
