import type { Clinical } from './types';

/**
 * Offered after the heat or cold advice. Fifteen minutes is inside both ranges: heat fifteen to twenty minutes
 * (S-SEED2, S-SEED4), cold ten to fifteen (S-SEED0), so one timer never outlasts cold.
 */
export const TIMER_OFFER: Clinical = {
  say: 'Would you like a fifteen minute timer, so you know when to take it off?',
  sources: ['S-SEED2', 'S-SEED4', 'S-SEED0'],
};
export const TIMER_MINUTES = 15;
/** What Alexa says when the timer ends; the label must be unique among the person's timers. */
export const TIMER_ANNOUNCE: Clinical = { say: 'Time to take the heat or ice pack off.', sources: ['S-SEED2', 'S-COCH-HEAT'] };
export const TIMER_LABEL = 'heat or ice pack';

/** Short walks, little and often (S-SEED0, S-COCH-REST); no health details, as reminders show on shared screens. */
export const MOVE_REMINDER_TEXT: Clinical = { say: 'Time to get up and move a little.', sources: ['S-SEED0', 'S-COCH-REST'], moves: true };
/** Amazon's reminder guidelines: short, about the task, no skill name and no "Alexa, open ..." in it. */
export const CHECK_IN_REMINDER_TEXT: Clinical = { say: 'Time to check how you are feeling today.', sources: ['S-SEED0'] };
/** Hourly movement reminders stop here, in the evening. */
export const MOVE_UNTIL_HOUR = 20;
/** ...and never start before the morning. */
export const MOVE_FROM_HOUR = 8;
export const CHECK_IN_HOUR = 9;

/** Spoken back before a reminder is set (docs/platform.md: services; each needs an explicit yes, with its time). */
export const MOVE_REMINDER_CONFIRM: Clinical = {
  say: "I'll remind you every hour, from {from} until {until}, to get up and move a little. Shall I set that?",
  sources: ['S-SEED0', 'S-COCH-REST'],
  moves: true,
};
export const MOVE_ONCE_CONFIRM: Clinical = {
  say: "It's late, so I'll remind you once, in an hour, to get up and move a little. Shall I set that?",
  sources: ['S-SEED0', 'S-COCH-REST'],
  moves: true,
};
export const CHECK_IN_CONFIRM: Clinical = {
  say: "I'll check in with you tomorrow at {at}. Shall I set that?",
  sources: ['S-SEED0'],
};

/** Said once a reminder is set, with its time again (after a permission round trip the person may have lost it). */
export const MOVE_REMINDER_SET: Clinical = {
  say: "Done. I'll remind you every hour, from {from} until {until}.",
  sources: ['S-SEED0', 'S-COCH-REST'],
};
export const MOVE_ONCE_SET: Clinical = { say: "Done. I'll remind you in an hour.", sources: ['S-SEED0', 'S-COCH-REST'] };
export const CHECK_IN_SET: Clinical = { say: "Done. I'll check in with you tomorrow at {at}.", sources: ['S-SEED0'] };
