import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BUNDLE = join(ROOT, 'lambda', 'dist', 'index.js');
export const modelPath = (locale: string): string =>
  join(ROOT, 'skill-package', 'interactionModels', 'custom', `${locale}.json`);
