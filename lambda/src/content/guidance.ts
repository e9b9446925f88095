import type { Clinical } from './types';

/** Said when Q1-Q5 were all no: reassurance, honestly worded. */
export const CLEAR: readonly Clinical[] = [
  { say: 'Good. None of those warning signs.', sources: ['S-NHS'] },
  { say: 'This sounds like a back spasm. It hurts a lot, but it is rarely serious.', sources: ['S-SEED0'] },
];
