/** Everything that differs between English locales, kept as data so the bundle needs no file reads. */
export interface LocalePack {
  /** BCP-47 locale this pack speaks for. */
  readonly id: string;
  /** The emergency number as it should be spoken, e.g. "911". */
  readonly emergencyNumber: string;
  /** T2 wording: how to get medical advice today in this country. */
  readonly adviceToday: string;
  /** What a doctor is called in everyday speech. */
  readonly doctor: string;
}
