import { enAU, enCA, enGB, enIN, enUS, generic } from './packs';
import type { LocalePack } from './types';

export type { LocalePack } from "./types";
export { withOtherCountry } from "./types";

const PACKS: Readonly<Record<string, LocalePack>> = {
  'en-US': enUS, 'en-CA': enCA, 'en-GB': enGB, 'en-AU': enAU, 'en-IN': enIN,
};

export const SUPPORTED_LOCALES = Object.keys(PACKS);

/** An unsupported locale still gets English, with the generic "your local emergency number". */
export function localePack(locale: unknown): LocalePack {
  return (typeof locale === 'string' && Object.hasOwn(PACKS, locale) && PACKS[locale]) || generic;
}
