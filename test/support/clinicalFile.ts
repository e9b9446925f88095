import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/** The project's clinical file: sources and hazards as data, read by tests and by the review pack. */
export const CLINICAL_DIR = join(ROOT, 'docs', 'clinical');

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly citation: string;
  /** null when no stable address is known; the citation then says where the text came from. */
  readonly url: string | null;
  /** YYYY-MM-DD: when the entry was last compared with the source. */
  readonly checked: string;
  readonly supports: readonly string[];
  /** Kept for the reasoning in reference.md; no spoken sentence needs to cite it. */
  readonly background?: boolean;
}

export function loadSources(): Source[] {
  return (JSON.parse(readFileSync(join(CLINICAL_DIR, 'sources.json'), 'utf8')) as { sources: Source[] }).sources;
}

/** A score on DCB0129's 5-point scales: 1 (minor / very low) to 5 (catastrophic / very high). */
export type Score = 1 | 2 | 3 | 4 | 5;

export interface Risk {
  readonly severity: Score;
  readonly likelihood: Score;
}

/** Where a control lives: a file and a symbol exported or declared in it. */
export interface Control {
  readonly what: string;
  readonly file: string;
  readonly symbol: string;
}

/** A jest test: its file and its full name, describe blocks and the test joined by " > ". */
export interface TestRef {
  readonly file: string;
  readonly test: string;
}

export interface Hazard {
  readonly id: string;
  readonly title: string;
  readonly cause: string;
  readonly effect: string;
  readonly before: Risk;
  readonly after: Risk;
  readonly controls: readonly Control[];
  readonly tests: readonly TestRef[];
  /** Set while the controls are being rebuilt: what will change, so the tests get re-pointed. */
  readonly awaiting?: string;
}

export function loadHazards(): Hazard[] {
  return (JSON.parse(readFileSync(join(CLINICAL_DIR, 'hazards.json'), 'utf8')) as { hazards: Hazard[] }).hazards;
}

/** DCB0129's risk matrix: 1 acceptable, 2 acceptable where reduced as far as practicable, 3 undesirable, 4-5 unacceptable. */
export function riskRating({ severity, likelihood }: Risk): number {
  const m: readonly (readonly number[])[] = [
    // likelihood: very low, low, medium, high, very high (rows: severity minor..catastrophic)
    [1, 1, 2, 2, 3],
    [1, 2, 2, 3, 3],
    [2, 2, 3, 3, 4],
    [2, 3, 3, 4, 5],
    [3, 3, 4, 5, 5],
  ];
  return m[severity - 1]![likelihood - 1]!;
}
