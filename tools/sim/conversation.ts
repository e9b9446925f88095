// Plays the part of Alexa around a skill: sessions, attributes, reprompts on silence, and which requests get sent.
import { randomUUID } from 'node:crypto';
import type { RequestEnvelope, ResponseEnvelope, SessionEndedReason } from 'ask-sdk-model';
import {
  buildCanFulfillIntentRequest,
  buildIntentRequest,
  buildLaunchRequest,
  buildSessionEndedRequest,
  startSession,
  type DeviceOptions,
  type IdGenerator,
  type SessionState,
} from './envelope';
import { FALLBACK_INTENT, declaresIntent, matchUtterance, normalize, parseInvocation, suggestPhrases, type Match } from './matcher';
import type { InteractionModel } from './model';
import { describeResponse, speechText, ssmlProblems } from './render';

export type Invoke = (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;

export interface ConversationOptions extends DeviceOptions {
  invoke: Invoke;
  model: InteractionModel;
  /**
   * On a real device "exit" / "quit" never reach the skill as an intent: Alexa closes the session and sends
   * SessionEndedRequest (USER_INITIATED). Default true; set false to send AMAZON.StopIntent instead.
   */
  exitEndsSession?: boolean;
}

export type TurnAction = 'launch' | 'oneShot' | 'nameFree' | 'say' | 'silence' | 'end';

export interface Turn {
  action: TurnAction;
  /** What the user typed, when the turn came from text. */
  input?: string;
  /** The intent the utterance matched; null when nothing matched (Fallback or nothing was sent). */
  heard?: Match | null;
  /** Closest phrases, when nothing matched. */
  suggestions?: string[];
  request?: RequestEnvelope;
  response?: ResponseEnvelope;
  /** What Alexa says, as readable text ("" when nothing is spoken). */
  speech: string;
  ssml?: string;
  reprompt?: string;
  repromptSsml?: string;
  /** True when the session is still open and the microphone is on. */
  listening: boolean;
  /** True when no session was open, so Alexa itself (not the skill) would answer; no request was sent. */
  outsideSkill?: boolean;
  /** Cards and directives, one line each (see describeResponse). */
  extras: string[];
  /** What the simulator did on Alexa's behalf, for people reading a transcript. */
  note?: string;
  /** Things in the response that Alexa would reject or ignore. */
  warnings: string[];
  /** Spoken with no skill named: the intent Alexa asked the skill about, and its CanFulfillIntentRequest answer. */
  nameFree?: { intent: string; answer: string };
}

const EXIT_PHRASES = new Set(['exit', 'quit', 'exit please', 'quit please']);

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class Conversation {
  readonly model: InteractionModel;
  readonly locale: string;
  readonly skillId: string;
  readonly invocationName: string;
  readonly transcript: Turn[] = [];
  lastTurn: Turn | undefined;

  private readonly invoke: Invoke;
  private readonly device: DeviceOptions;
  private readonly ids: IdGenerator;
  private readonly exitEndsSession: boolean;
  private readonly apl: boolean;
  private session: SessionState | null = null;
  private lastResponse: ResponseEnvelope | undefined;
  private silences = 0;

  constructor(options: ConversationOptions) {
    this.invoke = options.invoke;
    this.model = options.model;
    this.locale = options.locale;
    this.skillId = options.skillId;
    this.invocationName = options.model.interactionModel.languageModel.invocationName;
    this.ids = options.ids ?? randomUUID;
    this.apl = options.apl ?? false;
    this.exitEndsSession = options.exitEndsSession ?? true;
    this.device = {
      skillId: options.skillId,
      locale: options.locale,
      userId: options.userId,
      deviceId: options.deviceId,
      apiEndpoint: options.apiEndpoint,
      apiAccessToken: options.apiAccessToken,
      apl: this.apl,
      clock: options.clock,
      ids: this.ids,
    };
  }

  get sessionOpen(): boolean {
    return this.session !== null;
  }

  get sessionId(): string | undefined {
    return this.session?.sessionId;
  }

  /** A copy of the session attributes Alexa would send next; {} when no session is open. */
  get attributes(): Record<string, unknown> {
    return this.session ? clone(this.session.attributes) : {};
  }

  /** "Alexa, open <invocation name>": a LaunchRequest in a new session (an open session is simply replaced). */
  async launch(input?: string): Promise<Turn> {
    this.session = startSession(this.ids);
    return this.send('launch', input, buildLaunchRequest(this.device, this.session), {});
  }

  /** "Alexa, ask <invocation name> <utterance>": an IntentRequest in a new session. */
  async oneShot(utterance: string, input = utterance): Promise<Turn> {
    this.session = startSession(this.ids);
    const heard = matchUtterance(this.model, utterance, { skillId: this.skillId });
    if (heard) return this.send('oneShot', input, buildIntentRequest(this.device, this.session, heard.intent, heard.slots), { heard });
    const suggestions = suggestPhrases(this.model, utterance);
    if (declaresIntent(this.model, FALLBACK_INTENT)) {
      return this.send('oneShot', input, buildIntentRequest(this.device, this.session, FALLBACK_INTENT), { heard: null, suggestions });
    }
    // With no FallbackIntent to send, the simulator opens the skill rather than guess an intent.
    return this.send('oneShot', input, buildLaunchRequest(this.device, this.session), { heard: null, suggestions });
  }

  /** Whatever the user says to the device; an empty string is silence. */
  async say(text: string): Promise<Turn> {
    if (text.trim() === '') return this.silence();
    const parsed = parseInvocation(text, this.invocationName);
    if (parsed.kind === 'utterance' && parsed.utterance === '') return this.silence(); // just "Alexa"
    if (parsed.kind === 'launch') return this.launch(text);
    if (parsed.kind === 'oneShot') return this.oneShot(parsed.utterance, text);
    if (!this.session) {
      const nameFree = await this.nameFree(parsed.utterance, text);
      if (nameFree) return nameFree;
      return this.record({
        action: 'say',
        input: text,
        speech: '',
        listening: false,
        outsideSkill: true,
        extras: [],
        warnings: [],
        note: `No session is open, so Alexa itself would answer this, not the skill. Start with "open ${this.invocationName}" or "ask ${this.invocationName}, …".`,
      });
    }
    if (this.exitEndsSession && EXIT_PHRASES.has(normalize(parsed.utterance))) {
      return this.end('USER_INITIATED', text, 'On "exit" Alexa closes the session itself and only tells the skill, with a SessionEndedRequest.');
    }
    const heard = matchUtterance(this.model, parsed.utterance, { skillId: this.skillId });
    if (heard) return this.send('say', text, buildIntentRequest(this.device, this.session, heard.intent, heard.slots), { heard });
    const suggestions = suggestPhrases(this.model, parsed.utterance);
    if (declaresIntent(this.model, FALLBACK_INTENT)) {
      return this.send('say', text, buildIntentRequest(this.device, this.session, FALLBACK_INTENT), { heard: null, suggestions });
    }
    return this.record({
      action: 'say',
      input: text,
      heard: null,
      suggestions,
      speech: '',
      listening: true,
      extras: [],
      warnings: ['Nothing matches and the model declares no AMAZON.FallbackIntent: Alexa would force the closest intent.'],
      note: 'No request sent.',
    });
  }

  /**
   * "Alexa, my back went out" with no session and no skill named: Alexa first sends the skill a
   * CanFulfillIntentRequest for the intent it heard, and only on YES opens a new session with that intent.
   * Built-in intents (yes, stop, ...) are Alexa's own and never routed this way. Undefined: nothing matched.
   */
  private async nameFree(utterance: string, input: string): Promise<Turn | undefined> {
    const heard = matchUtterance(this.model, utterance, { skillId: this.skillId });
    if (!heard || heard.intent.startsWith('AMAZON.')) return undefined;
    const probe = buildCanFulfillIntentRequest(this.device, startSession(this.ids), heard.intent, heard.slots);
    const reply = await this.invoke(clone(probe));
    const answer = String(reply?.response?.canFulfillIntent?.canFulfill ?? 'no answer');
    if (answer === 'YES') {
      const turn = await this.oneShot(utterance, input);
      turn.action = 'nameFree';
      turn.nameFree = { intent: heard.intent, answer };
      return turn;
    }
    return this.record({
      action: 'nameFree',
      input,
      heard,
      request: probe,
      response: reply,
      speech: '',
      listening: false,
      outsideSkill: true,
      extras: [],
      warnings: reply?.response?.outputSpeech ? ['A CanFulfillIntentRequest answer must not speak.'] : [],
      nameFree: { intent: heard.intent, answer },
      note: `No skill was named: Alexa asked ${this.invocationName} about ${heard.intent} (CanFulfillIntentRequest) and it answered ${answer}, so Alexa itself would answer this.`,
    });
  }

  /** The user says nothing: first Alexa replays the reprompt, then it gives up and ends the session. */
  async silence(): Promise<Turn> {
    if (!this.session) {
      return this.record({ action: 'silence', speech: '', listening: false, extras: [], warnings: [], note: 'No session is open: nothing happens.' });
    }
    const reprompt = this.lastResponse?.response.reprompt?.outputSpeech;
    if (this.silences === 0 && reprompt) {
      this.silences = 1;
      const text = speechText(reprompt);
      const ssml = reprompt.type === 'SSML' ? reprompt.ssml : undefined;
      return this.record({
        action: 'silence',
        speech: text,
        ssml,
        reprompt: text,
        repromptSsml: ssml,
        listening: true,
        extras: [],
        warnings: [],
        note: 'You stayed silent: Alexa plays the reprompt itself; no request is sent.',
      });
    }
    return this.end('EXCEEDED_MAX_REPROMPTS', undefined, 'You stayed silent again: Alexa ends the session and tells the skill.', 'silence');
  }

  /** Alexa ends the open session from its side and sends SessionEndedRequest; the skill cannot speak any more. */
  async end(reason: SessionEndedReason = 'USER_INITIATED', input?: string, note?: string, action: TurnAction = 'end'): Promise<Turn> {
    if (!this.session) {
      return this.record({ action, input, speech: '', listening: false, extras: [], warnings: [], note: 'No session is open: nothing to end.' });
    }
    return this.send(action, input, buildSessionEndedRequest(this.device, this.session, reason), { note });
  }

  private record(turn: Turn): Turn {
    this.transcript.push(turn);
    this.lastTurn = turn;
    return turn;
  }

  private async send(
    action: TurnAction,
    input: string | undefined,
    request: RequestEnvelope,
    extra: Pick<Turn, 'heard' | 'suggestions' | 'note'>,
  ): Promise<Turn> {
    const session = this.session;
    if (!session) throw new Error('send() needs an open session');
    session.new = false; // only the first request of a session says new: true
    this.silences = 0;
    const sessionEnded = request.request.type === 'SessionEndedRequest';
    let raw: ResponseEnvelope;
    try {
      // the skill gets its own copy, as over the wire, so turn.request stays what was sent
      raw = await this.invoke(clone(request));
    } catch (error) {
      this.session = null; // Alexa drops the session when the endpoint fails
      throw error;
    }
    if (sessionEnded) this.session = null;
    if (!sessionEnded && (raw === null || typeof raw !== 'object' || typeof raw.response !== 'object')) {
      this.session = null;
      throw new Error(`The skill returned no response envelope for ${request.request.type}: ${JSON.stringify(raw)}`);
    }
    // What crosses the wire is JSON; anything that does not survive serialisation is lost, as on Alexa.
    const response = raw === undefined || raw === null ? undefined : clone(raw);
    const r = response?.response;
    const warnings: string[] = [];
    if (r?.outputSpeech?.type === 'SSML') warnings.push(...ssmlProblems(r.outputSpeech.ssml).map((p) => `speech: ${p}`));
    const rp = r?.reprompt?.outputSpeech;
    if (rp?.type === 'SSML') warnings.push(...ssmlProblems(rp.ssml).map((p) => `reprompt: ${p}`));
    if (!this.apl && r?.directives?.some((d) => d.type.startsWith('Alexa.Presentation.APL'))) {
      warnings.push('APL directive sent to a device without Alexa.Presentation.APL: Alexa would reject this response.');
    }

    if (sessionEnded) {
      if (r?.outputSpeech) warnings.push('A response to SessionEndedRequest is never spoken.');
      this.lastResponse = response;
      return this.record({ action, input, ...extra, request, response, speech: '', listening: false, extras: describeResponse(response), warnings });
    }

    // Alexa keeps the session only when the skill says shouldEndSession: false.
    const open = r?.shouldEndSession === false;
    if (r?.shouldEndSession === true && rp) warnings.push('The reprompt is never played: shouldEndSession is true.');
    if (open) session.attributes = clone((response?.sessionAttributes ?? {}) as Record<string, unknown>);
    else this.session = null;
    this.lastResponse = response;
    return this.record({
      action,
      input,
      ...extra,
      request,
      response,
      speech: speechText(r?.outputSpeech),
      ssml: r?.outputSpeech?.type === 'SSML' ? r.outputSpeech.ssml : undefined,
      reprompt: rp ? speechText(rp) : undefined,
      repromptSsml: rp?.type === 'SSML' ? rp.ssml : undefined,
      listening: open,
      extras: describeResponse(response),
      warnings,
    });
  }
}
