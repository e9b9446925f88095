/**
 * `npm run check:store` and `npm run icons`, run as a deployer runs them. What is left before certification
 * must be the deployer's own: the addresses where they host the privacy policy and terms, and their contact.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

interface Item {
  kind: string;
  where: string;
  what: string;
}

const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { encoding: 'utf8' });
const list = (root = ROOT): Item[] => {
  const r = run('check-store.mjs', '--json', '--root', root);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};
const manifestOf = (root: string) => JSON.parse(readFileSync(join(root, 'skill-package', 'skill.json'), 'utf8'));
const LOCALES = Object.keys(manifestOf(ROOT).manifest.publishingInformation.locales);

/** A copy of what the check reads, so a test can break or finish it. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bh-store-'));
  for (const part of ['skill-package/skill.json', 'skill-package/assets', 'docs', 'ask-resources.json']) {
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  }
  return dir;
}

/** What a deployer does: hosted addresses in skill.json, their name and email in docs/. */
function fillInDeployerItems(dir: string) {
  const json = manifestOf(dir);
  json.manifest.privacyAndCompliance.locales = Object.fromEntries(
    LOCALES.map((l) => [l, { privacyPolicyUrl: 'https://backhelper.test/privacy', termsOfUseUrl: 'https://backhelper.test/terms' }]),
  );
  writeFileSync(join(dir, 'skill-package', 'skill.json'), JSON.stringify(json, null, 2));
  for (const doc of ['privacy-policy.md', 'terms-of-use.md']) {
    const file = join(dir, 'docs', doc);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replaceAll('[your name or organisation]', 'Pat Doe')
        .replaceAll('[contact email]', 'pat@backhelper.test')
        .replaceAll('[privacy policy address]', 'https://backhelper.test/privacy'),
    );
  }
}

describe('npm run check:store', () => {
  const items = list();

  it('lists only the deployer’s own items: hosted document addresses and their contact', () => {
    const notYours = items.filter((i) => i.kind !== 'url' && i.kind !== 'contact');
    expect(notYours).toEqual([]);
  });

  it('lists exactly the two hosted addresses for every locale, and the name and email in both documents', () => {
    const urls = items.filter((i) => i.kind === 'url' && i.where.startsWith('skill.json')).map((i) => i.where).sort();
    expect(urls).toEqual(
      LOCALES.flatMap((l) => [`skill.json privacyAndCompliance.locales.${l}.privacyPolicyUrl`, `skill.json privacyAndCompliance.locales.${l}.termsOfUseUrl`]).sort(),
    );
    const inDocs = items.filter((i) => i.where.startsWith('docs/')).map((i) => `${i.kind} ${i.where.split(':')[0]} ${i.what}`).sort();
    expect(inDocs).toEqual([
      'contact docs/privacy-policy.md fill in [contact email]',
      'contact docs/privacy-policy.md fill in [your name or organisation]',
      'contact docs/terms-of-use.md fill in [contact email]',
      'contact docs/terms-of-use.md fill in [your name or organisation]',
      'url docs/terms-of-use.md fill in [privacy policy address]',
    ]);
  });

  it('fails while anything is left, and says so', () => {
    const r = run('check-store.mjs');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${items.length} item(s) to fill in`);
  });

  it('passes once the deployer has filled in their items', () => {
    const dir = copyProject();
    try {
      fillInDeployerItems(dir);
      expect(list(dir)).toEqual([]);
      const r = run('check-store.mjs', '--root', dir);
      expect([r.status, r.stdout.trim()]).toEqual([0, 'Ready for certification: no placeholders or missing store fields.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('catches a placeholder, a missing icon, an icon of the wrong size, a blank in docs/ and a region the policy does not name', () => {
    const dir = copyProject();
    try {
      fillInDeployerItems(dir);
      const json = manifestOf(dir);
      const locales = json.manifest.publishingInformation.locales;
      locales['en-US'].summary = 'TODO write a summary';
      delete locales['en-GB'].largeIconUri;
      locales['en-AU'].smallIconUri = locales['en-AU'].largeIconUri;
      json.manifest.privacyAndCompliance.locales['en-IN'].termsOfUseUrl = 'https://example.com/terms';
      writeFileSync(join(dir, 'skill-package', 'skill.json'), JSON.stringify(json));
      const terms = join(dir, 'docs', 'terms-of-use.md');
      writeFileSync(terms, readFileSync(terms, 'utf8').replace('Last updated: ', 'Last updated: [date] '));
      const resources = JSON.parse(readFileSync(join(dir, 'ask-resources.json'), 'utf8'));
      resources.profiles.default.skillInfrastructure.userConfig.awsRegion = 'eu-west-1';
      writeFileSync(join(dir, 'ask-resources.json'), JSON.stringify(resources));

      const found = list(dir).map((i) => `${i.kind} ${i.where.replace(/:\d+$/, '')}`).sort();
      expect(found).toEqual([
        'docs docs/privacy-policy.md',
        'icon skill.json publishingInformation.locales.en-AU.smallIconUri',
        'icon skill.json publishingInformation.locales.en-GB.largeIconUri',
        'placeholder docs/terms-of-use.md',
        'placeholder skill.json manifest.privacyAndCompliance.locales.en-IN.termsOfUseUrl',
        'placeholder skill.json manifest.publishingInformation.locales.en-US.summary',
        'url skill.json privacyAndCompliance.locales.en-IN.termsOfUseUrl',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run icons', () => {
  it('committed icons are exactly what assets/icon.svg renders to, at 108 and 512 px', () => {
    const r = run('icons.mjs', '--check');
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('every locale points at them with file:// paths that ask-cli uploads from the skill package', () => {
    const locales = manifestOf(ROOT).manifest.publishingInformation.locales;
    for (const l of LOCALES) {
      expect([l, locales[l].smallIconUri, locales[l].largeIconUri]).toEqual([l, 'file://assets/images/icon-108.png', 'file://assets/images/icon-512.png']);
    }
  });
});
