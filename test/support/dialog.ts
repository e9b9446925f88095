import type { SkillServices } from '../../lambda/src/handlers/conversation';
import { Conversation, loadModel, type Clock, type Turn } from '../../tools/sim';
import { buildSkill } from '../../lambda/src/skill';
import { checked } from './responseChecks';
import { ROOT } from './paths';

export const TEST_SKILL_ID = 'amzn1.ask.skill.back-helper-test';

/** A conversation with the real skill, heard through the real model; every response is checked. */
export interface TalkOptions {
  readonly apl?: boolean;
  readonly memory?: SkillServices['memory'];
  /** The database back-off's clock and length; the real ones when absent. */
  readonly services?: Omit<SkillServices, 'memory'>;
  readonly clock?: Clock;
  readonly apiEndpoint?: string;
  readonly userId?: string;
}

export function talkTo(locale = 'en-US', options: TalkOptions = {}): Dialog {
  const skill = buildSkill({ skillId: TEST_SKILL_ID, memory: options.memory, ...options.services });
  const convo = new Conversation({
    invoke: checked((env) => skill.invoke(env)),
    model: loadModel(locale, ROOT),
    locale,
    skillId: TEST_SKILL_ID,
    userId: options.userId ?? 'amzn1.ask.account.test-person',
    apl: options.apl,
    clock: options.clock,
    // Never Amazon: a closed local port unless a test brings its own stand-in.
    apiEndpoint: options.apiEndpoint ?? 'http://127.0.0.1:9',
  });
  return new Dialog(convo);
}

/** Speaks like a person and fails when the model could not hear the phrase as the intended intent. */
export class Dialog {
  readonly turns: Turn[] = [];
  constructor(readonly convo: Conversation) {}

  private keep(turn: Turn): Turn {
    this.turns.push(turn);
    return turn;
  }

  async user(text: string, expectIntent?: string): Promise<Turn> {
    const turn = this.keep(await this.convo.say(text));
    if (expectIntent && turn.heard?.intent !== expectIntent) {
      throw new Error(`"${text}" was heard as ${turn.heard?.intent ?? 'nothing'}, not ${expectIntent}`);
    }
    return turn;
  }

  async silence(): Promise<Turn> {
    return this.keep(await this.convo.silence());
  }

  /** Everything Alexa said since (and including) turn `from`. */
  spokenSince(from: number): string {
    return this.turns.slice(from).map((t) => `${t.speech} ${t.reprompt ?? ''}`).join(' ');
  }

  get last(): Turn {
    return this.turns[this.turns.length - 1]!;
  }
}
