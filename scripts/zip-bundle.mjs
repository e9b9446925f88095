// Writes the Lambda upload: the bundle and its source map at the zip's root, nothing else.
import AdmZip from 'adm-zip';
import { existsSync } from 'node:fs';

import { bundlePath } from './build.mjs';

const target = process.argv[2];
if (!target) {
  console.error('usage: node scripts/zip-bundle.mjs <zip path>');
  process.exit(2);
}
const zip = new AdmZip();
for (const file of [bundlePath, `${bundlePath}.map`]) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: run npm run build first`);
    process.exit(1);
  }
  zip.addLocalFile(file);
}
zip.writeZip(target);
console.log(`wrote ${target}`);
