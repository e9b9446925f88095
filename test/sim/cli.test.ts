import { formatTurn, parseArgs } from '../../tools/sim/cli';
import type { Turn } from '../../tools/sim/conversation';

describe('cli', () => {
  it('parses its arguments', () => {
    expect(parseArgs(['--', '--locale', 'en-GB', '--screen', '--bundle=x.js'])).toMatchObject({
      locale: 'en-GB',
      screen: true,
      bundle: 'x.js',
    });
    expect(parseArgs([])).toMatchObject({ locale: 'en-US', screen: false, bundle: 'lambda/dist/index.js' });
    expect(() => parseArgs(['--nope'])).toThrow(/Unknown argument/);
  });

  const base: Turn = { action: 'say', speech: 'Are you lying down?', listening: true, extras: [], warnings: [], reprompt: 'Lying down?' };

  it('prints what was heard, the reply and whether Alexa listens', () => {
    const turn: Turn = {
      ...base,
      request: { version: '1.0', context: { System: { application: { applicationId: 'a' }, user: { userId: 'u' }, apiEndpoint: 'e' } }, request: { type: 'IntentRequest', requestId: 'r', timestamp: 't', dialogState: 'STARTED', intent: { name: 'X', confirmationStatus: 'NONE' } } },
      heard: { intent: 'PainIntent', sample: 'my pain is {level}', slots: { level: { name: 'level', value: '7' }, other: { name: 'other' } } },
      extras: ['[card: Back Helper]', '[directive: Alexa.Presentation.APL.RenderDocument]'],
    };
    expect(formatTurn(turn, { screen: false })).toEqual([
      '  heard: PainIntent {level=7}',
      'Alexa: Are you lying down?',
      '  [card: Back Helper]',
      '  (Alexa is listening…)',
      '  reprompt: Lying down?',
    ]);
    expect(formatTurn(turn, { screen: true })).toContain('  [directive: Alexa.Presentation.APL.RenderDocument]');
  });

  it('explains a fallback with phrases that would work', () => {
    const turn: Turn = {
      ...base,
      heard: null,
      suggestions: ['my back went out', 'help'],
      request: { version: '1.0', context: { System: { application: { applicationId: 'a' }, user: { userId: 'u' }, apiEndpoint: 'e' } }, request: { type: 'IntentRequest', requestId: 'r', timestamp: 't', dialogState: 'STARTED', intent: { name: 'AMAZON.FallbackIntent', confirmationStatus: 'NONE' } } },
    };
    expect(formatTurn(turn, { screen: false })[0]).toBe(
      '  no sample matches that; Alexa would send AMAZON.FallbackIntent. Phrases that would work: "my back went out", "help"',
    );
  });
});
