/** Everything that differs between locales, kept as data so the bundle needs no file reads. */
export interface LocalePack {
  /** BCP-47 locale this pack speaks for. */
  readonly id: string;
  /**
   * The first sentence of emergency advice: the action, with the number (docs/clinical/reference.md: T1).
   * Always ends with "or your local emergency number", since a locale is not a country.
   */
  readonly callNow: string;
  /** The number as used inside other sentences, e.g. "call 911 right away". One number only. */
  readonly emergencyNumber: string;
  /**
   * A second country this locale serves, said as its own sentence after any sentence that gives the number
   * (en-AU also serves New Zealand: "In New Zealand, call 111."). Never joined to the first number with "or".
   */
  readonly otherCountry?: string;
  /** Where someone is taken for an emergency, in everyday words ("the emergency department", UK "A and E"). */
  readonly emergencyDept: string;
  /** T2 wording: how to get medical advice today in this country. */
  readonly adviceToday: string;
  /** What a family doctor is called in everyday speech. */
  readonly doctor: string;
  /** Paracetamol by the name people use here (US, CA "acetaminophen, or Tylenol"; UK, AU, IN "paracetamol"). */
  readonly paracetamol: string;
  /** The anti-inflammatories sold without a prescription here (UK: ibuprofen only; naproxen needs a prescription). */
  readonly antiInflammatory: string;
  /** What a physiotherapist is called here (US "physical therapist"). */
  readonly physio: string;
}

/** A sentence that gives the emergency number, followed by the other country's number where the locale has one. */
export function withOtherCountry(l: LocalePack, sentence: string): string {
  return l.otherCountry ? `${sentence} ${l.otherCountry}` : sentence;
}
