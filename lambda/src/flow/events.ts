import type { QuestionId } from '../content/answers';
import type { PaceId } from '../content/breathing';
import type { FactId, SignId } from '../content/emergency';
import type { PositionId } from '../content/guidance';
import type { TopicId } from './state';

export type Feeling = 'better' | 'same' | 'worse';
export type AlertOutcome = 'ok' | 'noPermission' | 'offline' | 'invalid' | 'limit' | 'failed';

/** What the person did, in the flow's terms: handlers turn requests into these. */
export type FlowEvent =
  | { readonly kind: 'launch' }
  | { readonly kind: 'entry' } // "my back went out"
  | { readonly kind: 'emergency'; readonly sign?: SignId; readonly urgent?: true } // a T1 sign said at any moment (no sign: not placed; urgent: "it's an emergency")
  | { readonly kind: 'fact'; readonly fact: FactId } // a T2 fact said at any moment: "I have a fever"
  | { readonly kind: 'pregnant' } // a T3 fact said at any moment
  | { readonly kind: 'age'; readonly years?: number } // "I'm 70"
  | { readonly kind: 'call'; readonly urgent: boolean } // "call 911", "call my wife": the skill can't
  | { readonly kind: 'helpComing' } // "I've called them", "they're on their way"
  | { readonly kind: 'helpHere' } // "the ambulance is here"
  | { readonly kind: 'alone' } // "I'm alone", "I can't reach my phone"
  | { readonly kind: 'company' } // "someone is with me", "my son is here"
  | { readonly kind: 'scared' }
  | { readonly kind: 'ack' } // "okay", "uh huh": heard, but not a yes to a safety question
  | { readonly kind: 'why' } // "why are you asking me all this?", "how many more questions?"
  | { readonly kind: 'yes'; readonly meant?: true } // meant: "I meant yes", a correction of the answer just given
  | { readonly kind: 'no' }
  | { readonly kind: 'notSure' }
  | { readonly kind: 'done' } // "done", "I'm settled", "next"
  | { readonly kind: 'skip' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'position'; readonly pos?: PositionId }
  | { readonly kind: 'pace'; readonly pace: PaceId }
  | { readonly kind: 'dizzy' } // "I feel dizzy", "I'm lightheaded"
  | { readonly kind: 'question'; readonly question: QuestionId } // "how long will this last?" (content/answers.ts)
  | { readonly kind: 'feel'; readonly feeling: Feeling } // "better", "worse", "ouch", "that hurts"
  | { readonly kind: 'longer' } // "another minute", "a bit longer"
  | { readonly kind: 'topic'; readonly topic: TopicId; readonly pos?: PositionId } // "how do I get out of bed": the place too
  | { readonly kind: 'menu' }
  | { readonly kind: 'forget' } // "forget me"
  | { readonly kind: 'timer' } // "set a timer"
  | { readonly kind: 'reminder'; readonly plan: 'move' | 'checkIn' }
  | { readonly kind: 'alertDone'; readonly result: AlertOutcome } // the result of a timer or reminder effect
  | { readonly kind: 'permission'; readonly answer: 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED' } // Connections.Response
  | { readonly kind: 'forgotten'; readonly ok: boolean } // the result of the forget effect
  | { readonly kind: 'help' }
  | { readonly kind: 'repeat' }
  | { readonly kind: 'startOver' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'fallback' }
  | { readonly kind: 'unsupported' }; // a request or intent this skill has no answer for

export type EventKind = FlowEvent['kind'];
