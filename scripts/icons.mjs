// Renders the store icons (108 and 512 px PNGs) from the one source image, assets/icon.svg.
// `npm run icons` writes them into the skill package; `--check` fails if the committed ones differ.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = join(ROOT, 'assets', 'icon.svg');
/** Amazon's sizes: smallIconUri 108 x 108, largeIconUri 512 x 512 (file:// paths are inside skill-package). */
export const ICONS = [
  { size: 108, file: join(ROOT, 'skill-package', 'assets', 'images', 'icon-108.png') },
  { size: 512, file: join(ROOT, 'skill-package', 'assets', 'images', 'icon-512.png') },
];

export function render(size) {
  const svg = readFileSync(SOURCE);
  // No system fonts: the icon has no text, and the output must not depend on the machine.
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { size, file } of ICONS) {
    const png = render(size);
    const name = file.slice(ROOT.length + 1);
    if (check) {
      let committed;
      try {
        committed = readFileSync(file);
      } catch {
        committed = undefined;
      }
      if (!committed || !committed.equals(png)) {
        stale += 1;
        console.error(`${name} is missing or differs from assets/icon.svg: run npm run icons`);
      }
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
      console.log(`${name}: ${size} x ${size}, ${png.length} bytes`);
    }
  }
  if (check && !stale) console.log('icons match assets/icon.svg');
  process.exitCode = stale ? 1 : 0;
}
