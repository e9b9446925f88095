/** The one place that writes SSML: every piece of text is escaped, every limit is checked. */

/** Alexa rejects a single <break> over 10 s (docs/platform.md: speech and SSML). */
export const MAX_BREAK_MS = 10_000;
/** Output speech must stay under 8000 characters (docs/platform.md: speech and SSML). */
export const MAX_SPEECH_CHARS = 8000;

export class SpeechLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpeechLimitError';
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
};

/** Our own escaper: ask-sdk's escapeXmlCharacters mangles &apos; (docs/platform.md: speech and SSML). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** One <break>; refuses anything Alexa would reject rather than letting Alexa fail at run time. */
export function breakTag(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_BREAK_MS) {
    throw new SpeechLimitError(`a break of ${ms} ms is outside 0..${MAX_BREAK_MS} ms`);
  }
  return `<break time="${Math.round(ms)}ms"/>`;
}

/** Builds one <speak> document from text and pauses. */
export class SpeechBuilder {
  private readonly parts: string[] = [];

  text(text: string): this {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) this.parts.push(escapeXml(clean));
    return this;
  }

  /** A silence of any length: chained breaks of at most 10 s each. */
  pause(ms: number): this {
    let left = Math.round(ms);
    while (left > 0) {
      const chunk = Math.min(left, MAX_BREAK_MS);
      this.parts.push(breakTag(chunk));
      left -= chunk;
    }
    return this;
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  build(): string {
    const ssml = `<speak>${this.parts.join(' ')}</speak>`;
    if (ssml.length >= MAX_SPEECH_CHARS) {
      throw new SpeechLimitError(`speech of ${ssml.length} characters is over Alexa's limit`);
    }
    return ssml;
  }
}
