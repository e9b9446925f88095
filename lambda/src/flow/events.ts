import type { SignId } from '../content/emergency';

/** What the person did, in the flow's terms: handlers turn requests into these. */
export type FlowEvent =
  | { readonly kind: 'launch' }
  | { readonly kind: 'entry' } // "my back went out"
  | { readonly kind: 'emergency'; readonly sign?: SignId } // a red flag said at any moment
  | { readonly kind: 'yes' }
  | { readonly kind: 'no' }
  | { readonly kind: 'notSure' }
  | { readonly kind: 'help' }
  | { readonly kind: 'repeat' }
  | { readonly kind: 'startOver' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'fallback' }
  | { readonly kind: 'unsupported' }; // a request or intent this skill has no answer for

export type EventKind = FlowEvent['kind'];
