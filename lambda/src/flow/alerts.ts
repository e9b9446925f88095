/** Timers and reminders: the flow decides and speaks; the handler calls Alexa and reports back with an event. */
import {
  CHECK_IN_CONFIRM, CHECK_IN_HOUR, CHECK_IN_SET, MOVE_FROM_HOUR, MOVE_ONCE_CONFIRM, MOVE_ONCE_SET, MOVE_REMINDER_CONFIRM, MOVE_REMINDER_SET,
  MOVE_UNTIL_HOUR,
} from '../content/alerts';
import { TALK } from '../content/talk';
import type { AlertOutcome } from './events';
import { enter, reply, type LocalTime, type Outcome } from './outcome';
import { carryOnOffer, restored, returnTo } from './plan';
import { line, talk, type Part, type Reply } from './reply';
import type { AlertPlan, State } from './state';

export function withoutAlert(s: State): State {
  const out = { ...s };
  delete (out as { alert?: AlertPlan }).alert;
  return out;
}

export function setAlert(s: State, plan: AlertPlan): Outcome {
  const state: State = { ...s, alert: plan };
  return { state, reply: { say: [], end: false }, effect: { kind: 'alert', plan } };
}

/** "3 PM", "9 AM": how a time is said. */
function clockTime(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 ? 'AM' : 'PM'}`;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function offerReminder(s: State, plan: 'move' | 'checkIn', local: LocalTime | undefined): Outcome {
  if (!local) return returnTo(s, [talk(TALK.noLocalTime)]);
  let alert: AlertPlan;
  if (plan === 'checkIn') alert = { p: 'checkIn', d: nextDay(local.date), h: CHECK_IN_HOUR };
  else if (local.hour + 1 <= MOVE_UNTIL_HOUR - 1) alert = { p: 'move', d: local.date, h: Math.max(local.hour + 1, MOVE_FROM_HOUR) };
  else alert = { p: 'once' };
  return enter({ ...s, step: 'reminderConfirm', q: 0, alert }, []);
}

export function reminderConfirmLine(alert: AlertPlan | undefined): Part {
  if (alert?.p === 'move') return line(MOVE_REMINDER_CONFIRM, { from: clockTime(alert.h), until: clockTime(MOVE_UNTIL_HOUR) });
  if (alert?.p === 'checkIn') return line(CHECK_IN_CONFIRM, { at: clockTime(alert.h) });
  return line(MOVE_ONCE_CONFIRM);
}

const ALERT_WORDS: Readonly<Record<Exclude<AlertOutcome, 'ok' | 'noPermission'>, string>> = {
  offline: TALK.alertOffline,
  limit: TALK.alertLimit,
  invalid: TALK.alertFailed,
  failed: TALK.alertFailed,
};

/** After a timer or reminder: say how it went and go back to where the person was. */
export function alertDone(s: State, result: AlertOutcome): Outcome {
  const scope = s.alert?.p === 'timer' ? 'timers' : 'reminders';
  if (result === 'noPermission') {
    // Voice permission once per session (Alexa takes the turn); after that, a card in the Alexa app.
    if (!s.asked) return { state: { ...s, asked: true }, reply: { say: [talk(TALK.permissionNeeded)], end: false, permission: { scope, how: 'voice' } } };
    return afterAlert(s, [talk(TALK.permissionCard)], { scope, how: 'card' });
  }
  if (result === 'ok') return afterAlert(s, [alertSetLine(s.alert)]);
  return afterAlert(s, [talk(ALERT_WORDS[result])]);
}

/** "Done", with the time said again: after a permission round trip the person may have lost it. */
function alertSetLine(alert: AlertPlan | undefined): Part {
  if (alert?.p === 'move') return line(MOVE_REMINDER_SET, { from: clockTime(alert.h), until: clockTime(MOVE_UNTIL_HOUR) });
  if (alert?.p === 'checkIn') return line(CHECK_IN_SET, { at: clockTime(alert.h) });
  if (alert?.p === 'once') return line(MOVE_ONCE_SET);
  return talk(TALK.timerSet);
}

export function permissionAnswer(s: State, answer: 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED'): Outcome {
  if (!s.alert) return reply(s, [], { body: false });
  if (answer === 'ACCEPTED') return setAlert(s, s.alert);
  return afterAlert(s, [talk(TALK.permissionCard)], { scope: s.alert.p === 'timer' ? 'timers' : 'reminders', how: 'card' });
}

function afterAlert(s: State, opening: readonly Part[], permission?: Reply['permission']): Outcome {
  const target = restored(withoutAlert(s), s.step);
  // The heat-or-ice timer moves the plan on to its next tip, offered first so that tip is a turn of its own.
  const out = target.step === 'care' && target.q === 1 ? carryOnOffer(target, opening) : reply(target, opening, { body: false });
  return permission ? { ...out, reply: { ...out.reply, permission } } : out;
}
