/**
 * Conversational lines that carry no clinical claim: greetings, apologies, navigation.
 * Clinical sentences live in the other content files with their source ids.
 */
export const TALK = {
  greeting: "I'm sorry your back hurts. First, a few quick safety questions.",
  greetingAgain: "Let's start again from the top.",
  newSessionNoContext: "Let's start with a few quick safety questions.",
  answerHint: 'Just say yes, no, or not sure.',
  helpScreen: "I'm checking for warning signs before we do anything else.",
  helpEmergency: 'You told me about a warning sign, so getting help comes first.',
  helpBreathing: 'We are breathing slowly together, to help the muscles let go.',
  notUnderstood: "Sorry, I didn't catch that.",
  finishScreenFirst: "I hear you. Let's finish these safety questions first, so I know it's safe.",
  notAvailableHere: "Sorry, I can't do that here.",
  goodbye: 'Okay. Take it slowly.',
  error: "Sorry, something went wrong on my side.",
  errorRetry: 'Please say that again.',
} as const;
