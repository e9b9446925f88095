import type { IntentRequest, RequestEnvelope, ResponseEnvelope, SessionEndedRequest } from 'ask-sdk-model';
import { Conversation, type ConversationOptions } from '../../tools/sim/conversation';
import type { InteractionModel } from '../../tools/sim/model';
import { SKILL_ID, fixtureModel } from './fixture';

const REPROMPT = '<speak>Is your back out?</speak>';

/** A toy skill: counts requests in a session attribute and answers with the intent it got. */
function fakeSkill(overrides: Partial<Record<string, (env: RequestEnvelope) => ResponseEnvelope>> = {}) {
  const requests: RequestEnvelope[] = [];
  const invoke = async (env: RequestEnvelope): Promise<ResponseEnvelope> => {
    requests.push(structuredClone(env));
    const attrs = env.session?.attributes ?? {};
    // mutating what we were given must not leak back into the simulator
    attrs.count = ((attrs.count as number | undefined) ?? 0) + 1;
    const req = env.request;
    const key = req.type === 'IntentRequest' ? req.intent.name : req.type;
    const override = overrides[key];
    if (override) return override(env);
    if (req.type === 'SessionEndedRequest') return { version: '1.0', response: {} };
    if (key === 'AMAZON.StopIntent') {
      return { version: '1.0', sessionAttributes: attrs, response: { outputSpeech: { type: 'PlainText', text: 'Take care.' }, shouldEndSession: true } };
    }
    const said = req.type === 'LaunchRequest' ? 'Welcome.<break time="1s"/> Is your back out?' : `You said ${key}.`;
    return {
      version: '1.0',
      sessionAttributes: { ...attrs, last: key },
      response: {
        outputSpeech: { type: 'SSML', ssml: `<speak>${said}</speak>` },
        reprompt: { outputSpeech: { type: 'SSML', ssml: REPROMPT } },
        shouldEndSession: false,
      },
    };
  };
  return { requests, invoke };
}

function conversation(invoke: ConversationOptions['invoke'], extra: Partial<ConversationOptions> = {}): Conversation {
  let n = 0;
  return new Conversation({
    invoke,
    model: fixtureModel(),
    locale: 'en-US',
    skillId: SKILL_ID,
    clock: () => new Date('2024-05-01T12:00:00Z'),
    ids: () => `id-${++n}`,
    ...extra,
  });
}

describe('Conversation', () => {
  it('launches a new session and carries attributes from turn to turn', async () => {
    const skill = fakeSkill();
    const convo = conversation(skill.invoke);

    const first = await convo.launch();
    expect(first.request?.request.type).toBe('LaunchRequest');
    expect(first.request?.session?.new).toBe(true);
    expect(first.request?.session?.attributes).toEqual({});
    expect(first.speech).toBe('Welcome. [pause 1s] Is your back out?');
    expect(first.reprompt).toBe('Is your back out?');
    expect(first.repromptSsml).toBe(REPROMPT);
    expect(first.listening).toBe(true);
    expect(convo.sessionOpen).toBe(true);
    expect(convo.attributes).toEqual({ count: 1, last: 'LaunchRequest' });

    const second = await convo.say('yeah');
    expect(second.heard?.intent).toBe('AMAZON.YesIntent');
    expect(second.request?.session?.new).toBe(false);
    expect(second.request?.session?.sessionId).toBe(first.request?.session?.sessionId);
    expect(second.request?.session?.attributes).toEqual({ count: 1, last: 'LaunchRequest' });
    expect(second.speech).toBe('You said AMAZON.YesIntent.');

    await convo.say('my lumbar went out');
    const third = skill.requests[2].request as IntentRequest;
    expect(third.intent.name).toBe('BackWentOutIntent');
    expect(third.intent.slots?.bodyPart.value).toBe('lumbar');
    expect(skill.requests[2].session?.attributes).toEqual({ count: 2, last: 'AMAZON.YesIntent' });
    expect(convo.transcript).toHaveLength(3);
    expect(convo.lastTurn).toBe(convo.transcript[2]);
  });

  it('replays the reprompt on the first silence, then ends the session on the second', async () => {
    const skill = fakeSkill();
    const convo = conversation(skill.invoke);
    await convo.launch();

    const quiet = await convo.silence();
    expect(skill.requests).toHaveLength(1); // Alexa plays the reprompt itself
    expect(quiet.request).toBeUndefined();
    expect(quiet.speech).toBe('Is your back out?');
    expect(quiet.listening).toBe(true);
    expect(convo.sessionOpen).toBe(true);

    const gone = await convo.silence();
    expect(skill.requests).toHaveLength(2);
    const ended = skill.requests[1];
    expect((ended.request as SessionEndedRequest).reason).toBe('EXCEEDED_MAX_REPROMPTS');
    expect(ended.session?.new).toBe(false);
    expect(ended.session?.attributes).toEqual({ count: 1, last: 'LaunchRequest' });
    expect(gone.listening).toBe(false);
    expect(gone.speech).toBe('');
    expect(convo.sessionOpen).toBe(false);
  });

  it('counts only consecutive silences', async () => {
    const skill = fakeSkill();
    const convo = conversation(skill.invoke);
    await convo.launch();
    await convo.say('');
    await convo.say('no');
    const again = await convo.silence();
    expect(again.request).toBeUndefined();
    expect(again.speech).toBe('Is your back out?');
    expect(convo.sessionOpen).toBe(true);
  });

  it('ends the session on the first silence when there is no reprompt', async () => {
    const skill = fakeSkill({
      LaunchRequest: () => ({ version: '1.0', response: { outputSpeech: { type: 'PlainText', text: 'Hi.' }, shouldEndSession: false } }),
    });
    const convo = conversation(skill.invoke);
    await convo.launch();
    const turn = await convo.silence();
    expect(turn.request?.request.type).toBe('SessionEndedRequest');
    expect(convo.sessionOpen).toBe(false);
  });

  it('leaves the answer to Alexa when no session is open', async () => {
    const skill = fakeSkill();
    const convo = conversation(skill.invoke);
    const turn = await convo.say('yes');
    expect(turn.outsideSkill).toBe(true);
    expect(turn.listening).toBe(false);
    expect(skill.requests).toHaveLength(0);
  });

  it('closes the session when shouldEndSession is true or missing', async () => {
    const skill = fakeSkill({
      'AMAZON.NoIntent': () => ({ version: '1.0', response: { outputSpeech: { type: 'PlainText', text: 'Okay.' } } }),
    });
    const convo = conversation(skill.invoke);
    await convo.launch();
    const stop = await convo.say('stop');
    expect(stop.heard?.intent).toBe('AMAZON.StopIntent');
    expect(stop.speech).toBe('Take care.');
    expect(stop.listening).toBe(false);
    expect(convo.sessionOpen).toBe(false);

    await convo.launch();
    const no = await convo.say('no');
    expect(no.listening).toBe(false);
    expect((await convo.say('yes')).outsideSkill).toBe(true);
  });

  it('starts a fresh session for a one-shot, with new: true and no old attributes', async () => {
    const skill = fakeSkill();
    const convo = conversation(skill.invoke);
    await convo.launch();
    const turn = await convo.say('alexa, ask back helper, my back went out');
    expect(turn.action).toBe('oneShot');
    expect(turn.heard?.intent).toBe('BackWentOutIntent');
    expect(turn.request?.session?.new).toBe(true);
    expect(turn.request?.session?.attributes).toEqual({});
    expect(turn.request?.session?.sessionId).not.toBe(skill.requests[0].session?.sessionId);
    expect((turn.request?.request as IntentRequest).intent.name).toBe('BackWentOutIntent');
  });

  it('routes "open back helper" to a LaunchRequest', async () => {
    const skill = fakeSkill();
    const convo = conversation(skill.invoke);
    const turn = await convo.say('Alexa, open Back Helper');
    expect(turn.request?.request.type).toBe('LaunchRequest');
    expect(turn.heard).toBeUndefined();
  });

  it('sends AMAZON.FallbackIntent with suggestions when nothing matches', async () => {
    const skill = fakeSkill();
    const convo = conversation(skill.invoke);
    await convo.launch();
    const turn = await convo.say('my back is out');
    expect(turn.heard).toBeNull();
    expect((turn.request?.request as IntentRequest).intent).toEqual({ name: 'AMAZON.FallbackIntent', confirmationStatus: 'NONE', slots: {} });
    expect(turn.suggestions?.[0]).toBe('my back went out');
    expect(turn.listening).toBe(true);
  });

  it('sends nothing for an unmatched phrase when the model has no FallbackIntent', async () => {
    const model: InteractionModel = fixtureModel();
    model.interactionModel.languageModel.intents = model.interactionModel.languageModel.intents.filter(
      (i) => i.name !== 'AMAZON.FallbackIntent',
    );
    const skill = fakeSkill();
    const convo = conversation(skill.invoke, { model });
    await convo.launch();
    const turn = await convo.say('the weather in paris');
    expect(turn.request).toBeUndefined();
    expect(skill.requests).toHaveLength(1);
    expect(turn.warnings.join(' ')).toMatch(/FallbackIntent/);
  });

  it('treats "exit" as Alexa does: SessionEndedRequest USER_INITIATED, unless told otherwise', async () => {
    const skill = fakeSkill();
    const convo = conversation(skill.invoke);
    await convo.launch();
    const turn = await convo.say('exit');
    expect((turn.request?.request as SessionEndedRequest).reason).toBe('USER_INITIATED');
    expect(convo.sessionOpen).toBe(false);

    const plain = conversation(fakeSkill().invoke, { exitEndsSession: false });
    await plain.launch();
    expect((await plain.say('exit')).heard?.intent).toBe('AMAZON.StopIntent');
  });

  it('sends the device options: APL, apiEndpoint, user and device ids', async () => {
    const skill = fakeSkill();
    const convo = conversation(skill.invoke, { apl: true, apiEndpoint: 'https://api.fe.amazonalexa.com', userId: 'u1', deviceId: 'd1' });
    await convo.launch();
    const env = skill.requests[0];
    expect(env.context.System.device?.supportedInterfaces['Alexa.Presentation.APL']).toBeDefined();
    expect(env.context.Viewport).toBeDefined();
    expect(env.context.System.apiEndpoint).toBe('https://api.fe.amazonalexa.com');
    expect(env.context.System.user.userId).toBe('u1');
    expect(env.session?.user.userId).toBe('u1');
    expect(env.context.System.device?.deviceId).toBe('d1');
    expect(env.context.System.application.applicationId).toBe(SKILL_ID);
    expect(env.request.timestamp).toBe('2024-05-01T12:00:00Z');
  });

  it('warns about responses Alexa would reject', async () => {
    const skill = fakeSkill({
      LaunchRequest: () => ({
        version: '1.0',
        response: {
          outputSpeech: { type: 'SSML', ssml: '<speak>Heat & ice</speak>' },
          reprompt: { outputSpeech: { type: 'SSML', ssml: REPROMPT } },
          directives: [{ type: 'Alexa.Presentation.APL.RenderDocument', token: 't', document: {} }],
          shouldEndSession: false,
        },
      }),
    });
    const turn = await conversation(skill.invoke).launch();
    expect(turn.warnings).toEqual([
      'speech: SSML contains an unescaped "&"',
      'APL directive sent to a device without Alexa.Presentation.APL: Alexa would reject this response.',
    ]);
    expect(turn.extras).toEqual(['[directive: Alexa.Presentation.APL.RenderDocument]']);
  });

  it('closes the session and rethrows when the skill fails', async () => {
    const convo = conversation(async () => {
      throw new Error('boom');
    });
    await expect(convo.launch()).rejects.toThrow('boom');
    expect(convo.sessionOpen).toBe(false);
  });
});
