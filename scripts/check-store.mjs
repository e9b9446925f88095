// What still stands between this skill package and Amazon's certification: placeholders, missing store
// fields, icons of the wrong size, and the privacy policy and terms that must be hosted.
//   npm run check:store             lists what is left and fails while anything is (exit 1)
//   npm run check:store -- --json   prints the same list as JSON (exit 0), for the tests
//   --root DIR                      checks another copy of the project
// Each item has a kind: 'url' and 'contact' are the deployer's own (hosted addresses, who runs the skill
// and how to reach them); anything else is the project's to fix. See docs/certification.md.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ICON_SIZES = { smallIconUri: 108, largeIconUri: 512 };
const STORE_FIELDS = ['name', 'summary', 'description', 'examplePhrases', 'keywords', 'smallIconUri', 'largeIconUri'];
const COMPLIANCE_URLS = ['privacyPolicyUrl', 'termsOfUseUrl'];
const DOCS = ['docs/privacy-policy.md', 'docs/terms-of-use.md'];
/** Bracketed blanks in docs/ that only the deployer can fill, by what they are. */
const DEPLOYER_BLANKS = {
  'your name or organisation': 'contact',
  'contact email': 'contact',
  'privacy policy address': 'url',
};
const PLACEHOLDER = /\[[^\]\n]+\]|\bTODO\b|\bTBD\b|\bFIXME\b|example\.(com|org|net)|lorem ipsum/i;

/** Width and height of a PNG, from its IHDR chunk; undefined if it is not a PNG. */
export function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function* strings(value, path) {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
}

export function checkStore(root) {
  const items = [];
  const add = (kind, where, what) => items.push({ kind, where, what });
  const manifest = JSON.parse(readFileSync(join(root, 'skill-package', 'skill.json'), 'utf8')).manifest;
  const publishing = manifest.publishingInformation ?? {};
  const locales = Object.keys(publishing.locales ?? {});
  if (!locales.length) add('store text', 'skill.json publishingInformation.locales', 'no locale has store text');

  for (const [path, text] of strings(manifest, 'skill.json manifest')) {
    if (PLACEHOLDER.test(text)) add('placeholder', path, `placeholder text: "${text.match(PLACEHOLDER)[0]}"`);
  }

  for (const locale of locales) {
    const info = publishing.locales[locale];
    for (const field of STORE_FIELDS) {
      const v = info[field];
      if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) {
        add(field.endsWith('IconUri') ? 'icon' : 'store text', `skill.json publishingInformation.locales.${locale}.${field}`, 'missing');
      }
    }
    for (const [field, size] of Object.entries(ICON_SIZES)) {
      const uri = info[field];
      if (typeof uri !== 'string' || !uri) continue;
      const where = `skill.json publishingInformation.locales.${locale}.${field}`;
      if (uri.startsWith('file://')) {
        const file = join(root, 'skill-package', uri.slice('file://'.length));
        if (!existsSync(file)) {
          add('icon', where, `${uri} does not exist in skill-package (npm run icons)`);
          continue;
        }
        const got = pngSize(readFileSync(file));
        if (!got) add('icon', where, `${uri} is not a PNG`);
        else if (got.width !== size || got.height !== size) add('icon', where, `${uri} is ${got.width} x ${got.height}, not ${size} x ${size}`);
      } else if (!/^https:\/\//.test(uri)) {
        add('icon', where, `${uri} is neither file://assets/... nor https://`);
      }
    }
    const compliance = manifest.privacyAndCompliance?.locales?.[locale] ?? {};
    for (const field of COMPLIANCE_URLS) {
      const url = compliance[field];
      const where = `skill.json privacyAndCompliance.locales.${locale}.${field}`;
      const hosted = field === 'privacyPolicyUrl' ? 'docs/privacy-policy.md' : 'docs/terms-of-use.md';
      if (typeof url !== 'string' || !url) add('url', where, `missing: the https address where you host ${hosted}`);
      else if (!/^https:\/\/[^\s/]+\.[^\s/]+/.test(url) || PLACEHOLDER.test(url)) add('url', where, `not a real https address: ${url}`);
    }
  }
  if (!publishing.testingInstructions) add('store text', 'skill.json publishingInformation.testingInstructions', 'missing');

  for (const doc of DOCS) {
    const file = join(root, doc);
    if (!existsSync(file)) {
      add('docs', doc, 'missing');
      continue;
    }
    // The comment at the top is a note to the deployer, not published text.
    const text = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
    for (const [n, line] of text.split('\n').entries()) {
      // [text](address) is a Markdown link, not a blank; a blank inside the address still counts.
      for (const m of line.matchAll(/\[([^\]\n]+)\](?!\()/g)) {
        add(DEPLOYER_BLANKS[m[1]] ?? 'placeholder', `${doc}:${n + 1}`, `fill in [${m[1]}]`);
      }
      for (const m of line.matchAll(/\b(TODO|TBD|FIXME)\b/g)) add('placeholder', `${doc}:${n + 1}`, m[0]);
    }
  }

  // The privacy policy names the AWS region the stack is deployed to: it must be the one ask-cli uses.
  const resources = JSON.parse(readFileSync(join(root, 'ask-resources.json'), 'utf8'));
  const region = resources.profiles?.default?.skillInfrastructure?.userConfig?.awsRegion;
  const policy = existsSync(join(root, DOCS[0])) ? readFileSync(join(root, DOCS[0]), 'utf8') : '';
  if (region && !new RegExp(`\\b${region}\\b`).test(policy)) add('docs', DOCS[0], `does not name ${region}, the AWS region ask-resources.json deploys to`);

  return items;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 ? resolve(args[at + 1]) : join(dirname(fileURLToPath(import.meta.url)), '..');
  const items = checkStore(root);
  if (args.includes('--json')) {
    console.log(JSON.stringify(items, null, 2));
  } else if (!items.length) {
    console.log('Ready for certification: no placeholders or missing store fields.');
  } else {
    const yours = items.filter((i) => i.kind === 'url' || i.kind === 'contact');
    console.log(`${items.length} item(s) to fill in before submitting (see docs/certification.md):`);
    for (const i of items) console.log(`  ${i.kind.padEnd(11)} ${i.where}: ${i.what}`);
    if (yours.length === items.length) console.log('All of them are your own: the addresses where you host the documents, and your contact.');
    process.exitCode = 1;
  }
}
