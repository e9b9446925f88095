import { breakTag, escapeXml, SpeechBuilder, SpeechLimitError } from '../../lambda/src/speech/ssml';
import { check } from 'ssml-check-core';

describe('the speech module', () => {
  it('escapes every character that would break SSML', () => {
    expect(escapeXml(`Tom & Jerry's <b> "x"`)).toBe('Tom &amp; Jerry&apos;s &lt;b&gt; &quot;x&quot;');
  });

  it('produces valid Alexa SSML from hostile text', async () => {
    const ssml = new SpeechBuilder().text('a < b && c > "d" </speak><audio src="x"/>').pause(1500).build();
    expect(await check(ssml, { platform: 'amazon' })).toBeUndefined();
    expect(ssml).not.toContain('<audio');
  });

  it('refuses a single break over 10 seconds', () => {
    expect(() => breakTag(10_001)).toThrow(SpeechLimitError);
    expect(breakTag(10_000)).toBe('<break time="10000ms"/>');
  });

  it('chains breaks for longer silences', () => {
    const ssml = new SpeechBuilder().pause(23_000).build();
    expect(ssml.match(/<break time="(\d+)ms"\/>/g)).toEqual([
      '<break time="10000ms"/>', '<break time="10000ms"/>', '<break time="3000ms"/>',
    ]);
  });

  it('refuses speech of 8000 characters or more', () => {
    const b = new SpeechBuilder().text('word '.repeat(1700));
    expect(() => b.build()).toThrow(SpeechLimitError);
  });
});
