/** Everything that differs between English locales, kept as data so the bundle needs no file reads. */
export interface LocalePack {
  /** BCP-47 locale this pack speaks for. */
  readonly id: string;
  /**
   * The first sentence of emergency advice: the action, with the number (docs/clinical/reference.md, T1).
   * Always ends with "or your local emergency number", since a locale is not a country.
   */
  readonly callNow: string;
  /** The number as used inside other sentences, e.g. "call 911 right away". */
  readonly emergencyNumber: string;
  /** T2 wording: how to get medical advice today in this country. */
  readonly adviceToday: string;
  /** What a family doctor is called in everyday speech. */
  readonly doctor: string;
}
