/**
 * Conversational lines that carry no clinical claim: greetings, apologies, navigation.
 * Clinical sentences live in the other content files with their source ids.
 */
export const TALK = {
  greeting: "I'm sorry your back hurts.",
  safetyIntro: 'Now a few quick safety questions: just say yes or no.',
  greetingAgain: "Let's start again from the top.",
  newSessionNoContext: "Let's start with a few quick safety questions.",
  answerHint: 'Just say yes or no.',
  helpScreen: "I'm checking for warning signs before we do anything else.",
  helpEmergency: 'You told me about a warning sign, so getting help comes first.',
  helpBreathing: 'We are breathing slowly together, to help the muscles let go. Say slower, or five and five, to change the pace.',
  helpPosition: 'Tell me where you are: standing, sitting, lying down, or on the floor.',
  helpWaiting: 'Take your time. Say next when you are ready, or go back.',
  helpQuestions: 'These questions tell me if you should see a doctor soon.',
  helpTilts: 'Tell me how the tilts felt: better, the same, or worse.',
  helpCan: 'You can also ask me things, like how long this lasts, or say call for help.',
  helpCanEarly: 'You can also say call for help at any time.',
  sorryItHurts: "I'm sorry it hurts. Take your time.",
  helpMenu: 'You can say breathing, positions, getting up, heat or ice, or when to see a doctor.',
  notUnderstood: "Sorry, I didn't catch that.",
  takeYourTime: "That's okay. Take your time.",
  answerFirst: 'First, please answer this. Just say yes or no.',
  finishScreenFirst: "I hear you. Let's finish these safety questions first, so I know it's safe.",
  afterScreen: "I'll get to that right after these safety questions.",
  cannotSkipScreen: "I can't skip these safety questions. They only take a moment.",
  stillHere: "I'm still here with you.",
  menu: 'What else? Say breathing, positions, getting up, heat or ice, or when to see a doctor. Or say stop.',
  menuShort: 'What would you like? Breathing, positions, getting up, heat or ice, or when to see a doctor?',
  goodbye: 'Okay, take it slowly.',
  okay: 'Okay, thank you.',
  welcomeBack: 'Welcome back.',
  backToPlan: "Now, let's carry on.",
  laterFirst: 'Before that, a few more safety questions.',
  cannotSkipLater: "I can't skip these. They only take a moment, and they keep you safe.",
  yesOrNo: 'Sorry, is that a yes, or a no?',
  timerSet: 'Done. Your twenty minute timer is set.',
  noReminder: "Okay, I won't set it.",
  reminderStill: 'Shall I still set that reminder?',
  alreadyUp: "You're up already.",
  whyAsk: 'I ask so I can spot the rare signs that need help straight away. Most people have none. It only takes a moment.',
  whyPlan: 'Each step is there to ease the spasm safely. You can say skip, or stop, at any time.',
  whyEmergency: 'What you told me can be serious, so it needs help now.',
  permissionNeeded: 'To set it, I need your permission.',
  permissionCard: "No problem. If you change your mind, open the Alexa app and allow it for Back Helper. I've sent a card there.",
  alertOffline: "Your device seems to be offline, so I couldn't set it. Please try again in a moment.",
  alertLimit: 'You have too many timers already. Please cancel one, then ask me again.',
  alertFailed: "Sorry, I couldn't set that just now. You can ask Alexa directly, outside this skill.",
  noLocalTime: "Sorry, I can't tell the time where you are, so I can't set that reminder.",
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
  // Only within a conversation (the way down and the close are not resumed later).
  getDown: 'Shall we carry on getting down to the floor?',
  close: 'Shall we carry on with when to see a doctor?',
};

/** After the safety questions, advice asked for before them: named, then one question. */
export const TOPIC_ASK: Readonly<Record<string, string>> = {
  heatIce: 'You asked about heat or ice. Shall we start with that?',
  painRelief: 'You asked about pain relief. Shall we start with that?',
  doctor: 'You asked when to see a doctor. Shall we start with that?',
  breathing: 'You asked about slow breathing. Shall we start with that?',
};
