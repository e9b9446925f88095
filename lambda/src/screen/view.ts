import { PACES } from '../content/breathing';
import { textFor } from '../content/types';
import type { Part, Reply } from '../flow/reply';
import type { State } from '../flow/state';
import { STEPS } from '../flow/steps';
import type { LocalePack } from '../locale';
import { speakingMs } from '../speech/pacing';
import type { ScreenView } from './apl';

function title(s: State | undefined, l: LocalePack): string {
  if (!s) return 'Back Helper';
  // After a warning sign the call stays on screen, whatever the step (breathing while help comes included).
  if (s.emergency) return `Call ${l.emergencyNumber} now`;
  const t = STEPS[s.step].screen.title;
  return typeof t === 'function' ? t(s, l) : t;
}

function words(p: Part, l: LocalePack): string | undefined {
  if ('line' in p) return textFor(p.line.say, l).replace(/\{(\w+)\}/g, (w, k: string) => p.vars?.[k] ?? w);
  if ('talk' in p) return p.talk;
  return undefined;
}

/** What an Echo Show shows for this reply: the same words in large type, and the breathing circle. */
export function screenView(s: State | undefined, reply: Reply, l: LocalePack): ScreenView {
  const parts = [...reply.say, ...(reply.ask ?? [])];
  const lines = parts.map((p) => words(p, l)).filter((t): t is string => !!t);
  const set = parts.findIndex((p) => 'breathe' in p);
  // A closing screen shows no hint: nothing is listening any more.
  const hint = s && !reply.end ? STEPS[s.step].screen.hint ?? undefined : undefined;
  const view: ScreenView = {
    title: title(s, l),
    lines,
    ...(s?.emergency ? { urgent: true } : {}),
    ...(hint ? { hint } : {}),
  };
  if (set < 0) return view;
  const { pace, breaths } = (parts[set] as Extract<Part, { breathe: unknown }>).breathe;
  // The circle starts with the voice: after the words said before the first "Breathe in".
  const before = parts.slice(0, set).map((p) => words(p, l) ?? '').join(' ');
  return {
    ...view,
    breathing: { inMs: PACES[pace].inSeconds * 1000, outMs: PACES[pace].outSeconds * 1000, breaths, startDelayMs: speakingMs(before) },
  };
}
