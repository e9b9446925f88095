/**
 * Source ids the content may cite. docs/clinical/sources.json says what each one is (citation, link,
 * what it supports); test/clinical/sources.test.ts keeps the two lists equal.
 */
export const SOURCE_IDS = [
  'S-SEED0', 'S-SEED1', 'S-SEED2', 'S-SEED3', 'S-SEED4',
  'S-NG59', 'S-ACP', 'S-NHS', 'S-CKS', 'S-BMJCES', 'S-AHCPR',
  'S-COCH-HEAT', 'S-COCH-REST', 'S-JAFARI', 'S-VANDIEST', 'S-BUSCH',
  'S-LOGROLL', 'S-NSAID', 'S-AMAZON-CALL', 'S-NHSFALL', 'S-NHSPREG', 'S-NHSHEART',
] as const;

export type SourceId = (typeof SOURCE_IDS)[number];
