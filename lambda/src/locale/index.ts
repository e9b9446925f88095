import type { LocalePack } from './types';
import { enUS } from './en-US';

export type { LocalePack } from './types';

const PACKS: Readonly<Record<string, LocalePack>> = { 'en-US': enUS };

/** An unsupported locale still gets English, and the generic emergency wording stays in every sentence. */
export function localePack(locale: string | undefined): LocalePack {
  return (locale && PACKS[locale]) || enUS;
}

export const SUPPORTED_LOCALES = Object.keys(PACKS);
