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
  helpBreathing: 'We are breathing slowly together, to help the muscles let go. Say slower, or five and five, to change the pace.',
  helpPosition: 'Tell me where you are: standing, sitting, lying down, or on the floor.',
  helpWaiting: 'Take your time. Say next when you are ready, or go back.',
  helpQuestions: 'These questions tell me if you should see a doctor soon.',
  helpTilts: 'Tell me how the tilts felt: better, the same, or worse.',
  helpMenu: 'You can say breathing, positions, getting up, heat or ice, or when to see a doctor.',
  notUnderstood: "Sorry, I didn't catch that.",
  takeYourTime: "That's okay. Take your time.",
  finishScreenFirst: "I hear you. Let's finish these safety questions first, so I know it's safe.",
  afterScreen: "I'll get to that right after these safety questions.",
  cannotSkipScreen: "I can't skip these safety questions. They only take a moment.",
  stillHere: "I'm still here with you.",
  menu: 'Is there anything else? You can say breathing, positions, getting up, heat or ice, or when to see a doctor. Or say stop.',
  menuShort: 'What would you like? Breathing, positions, getting up, heat or ice, or when to see a doctor?',
  goodbye: 'Okay, take it slowly.',
  okay: 'Okay, thank you.',
  welcomeBack: 'Welcome back.',
  carryOn: "Good. Let's carry on.",
  freshStart: "Okay, let's start fresh.",
  forgetAsk: 'Do you want me to delete your saved settings and where we left off?',
  forgetDone: "Done. I've deleted all I saved about you.",
  forgetFailed: "Sorry, I couldn't delete it just now. Please ask me again later.",
  forgetKept: "Okay, I'll keep them.",
  error: 'Sorry, something went wrong on my side.',
  errorRetry: 'Please say that again.',
} as const;

/** "Shall we carry on with ...?", by the step the last conversation stopped at. */
export const RESUME_ASK: Readonly<Record<string, string>> = {
  position: 'Shall we carry on finding a comfortable position?',
  breathing: 'Shall we carry on with the slow breathing?',
  questions: 'Shall we carry on with the questions?',
  tilts: 'Shall we carry on with the pelvic tilts?',
  getUp: 'Shall we carry on with getting up?',
  care: 'Shall we carry on with the self-care tips?',
};
