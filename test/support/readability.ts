import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/** The words of a sentence as the grade counts them. */
export const wordsOf = (sentence: string): string[] => sentence.match(/[A-Za-z0-9']+/g) ?? [];

/** The U.S. school grade of one sentence, by Flesch-Kincaid (wooorm's maintained implementation). */
export function grade(sentence: string): number {
  return fleschKincaid({ sentence: 1, word: wordsOf(sentence).length, syllable: syllable(sentence) });
}

/** A spoken text cut into sentences, the unit the grade limit applies to. */
export const sentences = (text: string): string[] => text.split(/(?<=[.?!:])\s+/).filter((s) => /[A-Za-z]/.test(s));
