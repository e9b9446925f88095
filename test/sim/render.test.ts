import type { ResponseEnvelope } from 'ask-sdk-model';
import { SpeechBuilder } from '../../lambda/src/speech/ssml';
import { describeResponse, speechText, spokenSegments, ssmlProblems, ssmlToText } from '../../tools/sim/render';

describe('ssmlToText', () => {
  it('strips <speak> and shows breaks as pauses', () => {
    expect(ssmlToText('<speak>Breathe in.<break time="4s"/> And out.</speak>')).toBe('Breathe in. [pause 4s] And out.');
    expect(ssmlToText('<speak>Hold<break time="1500ms"/>there</speak>')).toBe('Hold [pause 1.5s] there');
  });

  it('merges consecutive breaks into one pause with the summed length', () => {
    expect(ssmlToText('<speak>In.<break time="2s"/> <break time="1500ms"/><break time=\'500ms\' />Out.</speak>')).toBe(
      'In. [pause 4s] Out.',
    );
    // breaks separated only by tags still run together when spoken
    expect(ssmlToText('<speak><p>One.<break time="1s"/></p><p><break time="2s"/>Two.</p></speak>')).toBe('One. [pause 3s] Two.');
  });

  it('keeps breaks apart when words come between them', () => {
    expect(ssmlToText('<speak>a<break time="1s"/>b<break time="1s"/>c</speak>')).toBe('a [pause 1s] b [pause 1s] c');
  });

  it('turns strength into an approximate length and drops strength="none"', () => {
    expect(ssmlToText('<speak>a<break strength="strong"/>b</speak>')).toBe('a [pause 0.75s] b');
    expect(ssmlToText('<speak>a<break/>b</speak>')).toBe('a [pause 0.35s] b');
    expect(ssmlToText('<speak>a <break strength="none"/> b</speak>')).toBe('a b');
  });

  it('unescapes XML entities once', () => {
    expect(ssmlToText('<speak>Heat &amp; ice &lt;3 &quot;now&quot; it&apos;s &amp;lt;</speak>')).toBe(
      'Heat & ice <3 "now" it\'s &lt;',
    );
  });

  it('keeps the text of other tags and collapses whitespace', () => {
    const ssml =
      '<speak>\n  <prosody rate="slow">Slowly</prosody>, <emphasis level="strong">now</emphasis>.\n' +
      '<amazon:effect name="whispered">quiet</amazon:effect> <say-as interpret-as="cardinal">3</say-as> <s>times</s>' +
      ' <sub alias="ibuprofen">Advil</sub></speak>';
    expect(ssmlToText(ssml)).toBe('Slowly, now. quiet 3 times ibuprofen');
  });

  it('shows audio clips', () => {
    expect(ssmlToText('<speak><audio src="soundbank://x/y"/>Done</speak>')).toBe('[audio: soundbank://x/y] Done');
  });
});

describe('spokenSegments', () => {
  it('pairs each stretch of words with the silence after it, summing chained breaks', () => {
    expect(spokenSegments('<speak>In. <break time="3759ms"/> And out. <break time="10s"/><break time="1.5s"/></speak>')).toEqual([
      { text: 'In.', pauseMs: 3759 },
      { text: 'And out.', pauseMs: 11500 },
    ]);
  });

  it('keeps words that follow each other without a break as one segment, and silence before any words on its own', () => {
    expect(spokenSegments('<speak><break time="2s"/><p>Lie down.</p> <s>Knees bent.</s><break strength="none"/></speak>')).toEqual([
      { text: '', pauseMs: 2000 },
      { text: 'Lie down. Knees bent.', pauseMs: 0 },
    ]);
  });

  it('speaks what a voice would say: entities unescaped, <sub> as its alias', () => {
    expect(spokenSegments('<speak>Heat &amp; ice<break time="1s"/><sub alias="ibuprofen">Advil</sub> it&apos;s fine</speak>')).toEqual([
      { text: 'Heat & ice', pauseMs: 1000 },
      { text: "ibuprofen it's fine", pauseMs: 0 },
    ]);
  });

  it('reads back what the speech builder wrote, pause for pause', () => {
    const ssml = new SpeechBuilder().text('Breathe in.').pause(3500).text('And out.').pause(24_000).build();
    expect(spokenSegments(ssml)).toEqual([
      { text: 'Breathe in.', pauseMs: 3500 },
      { text: 'And out.', pauseMs: 24_000 },
    ]);
  });
});

describe('speechText', () => {
  it('reads plain text and SSML', () => {
    expect(speechText({ type: 'PlainText', text: ' Hello  there ' })).toBe('Hello there');
    expect(speechText({ type: 'SSML', ssml: '<speak>Hi<break time="1s"/></speak>' })).toBe('Hi [pause 1s]');
    expect(speechText(undefined)).toBe('');
  });
});

describe('ssmlProblems', () => {
  it('flags what Alexa would reject', () => {
    expect(ssmlProblems('<speak>fine</speak>')).toEqual([]);
    expect(ssmlProblems('<speak>heat & ice</speak>')).toEqual(['SSML contains an unescaped "&"']);
    expect(ssmlProblems('<speak><break time="12s"/></speak>')).toEqual(['<break> of 12s is longer than 10s']);
    expect(ssmlProblems('no speak tag')).toEqual(['SSML is not wrapped in <speak>…</speak>']);
  });
});

describe('describeResponse', () => {
  it('lists the card and directives', () => {
    const envelope: ResponseEnvelope = {
      version: '1.0',
      response: {
        card: { type: 'Simple', title: 'Back Helper', content: 'Lie on your back.' },
        directives: [
          { type: 'Alexa.Presentation.APL.RenderDocument', token: 't', document: {} },
          { type: 'Dialog.ElicitSlot', slotToElicit: 'level' },
        ],
      },
    };
    expect(describeResponse(envelope)).toEqual([
      '[card: Back Helper]',
      '[directive: Alexa.Presentation.APL.RenderDocument]',
      '[directive: Dialog.ElicitSlot]',
    ]);
    expect(describeResponse(envelope.response)).toHaveLength(3);
    expect(describeResponse({ version: '1.0', response: {} })).toEqual([]);
  });
});
