import { PACES } from '../content/breathing';
import { SCREEN } from '../content/screen';
import { textFor } from '../content/types';
import type { Part, Reply } from '../flow/reply';
import type { State } from '../flow/state';
import type { LocalePack } from '../locale';
import { speakingMs } from '../speech/pacing';
import type { ScreenView } from './apl';

const TITLES: Partial<Record<State['step'], string>> = {
  rescreen: 'Safety check',
  checkSign: 'Safety check',
  emergency: 'Get help now',
  position: 'Find a comfortable position',
  positionHold: 'Find a comfortable position',
  breathingOffer: 'Breathe with me',
  breathing: 'Breathe with me',
  more: 'A few more questions',
  final: 'A few more questions',
  tiltsOffer: 'Pelvic tilts',
  tiltsFeel: 'Pelvic tilts',
  getUpOffer: 'Getting up',
  care: 'Looking after your back',
  menu: 'What would you like?',
  resumeOffer: 'Welcome back',
  forgetConfirm: 'Your saved settings',
  reminderConfirm: 'Reminder',
};

const HINTS: Partial<Record<State['step'], string>> = {
  screen: 'Say "yes", "no" or "not sure"',
  rescreen: 'Say "yes", "no" or "not sure"',
  positionHold: 'Say "done" when you are settled',
  breathing: 'Say "slower", "five and five", or "stop"',
  getUp: 'Say "next" when you are ready',
  tiltsFeel: 'Say "better", "the same" or "worse"',
  menu: 'Breathing · Positions · Getting up · Heat or ice · Doctor',
};

function title(s: State | undefined, l: LocalePack): string {
  if (!s) return 'Back Helper';
  if (s.emergency && s.step === 'emergency') return `Call ${l.emergencyNumber} now`;
  if (s.step === 'screen') return `Safety question ${s.q + 1} of ${SCREEN.length}`;
  if (s.step === 'getUp') return `Getting up: step ${s.q + 1}`;
  return TITLES[s.step] ?? 'Back Helper';
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
  const hint = s ? HINTS[s.step] : undefined;
  const view: ScreenView = {
    title: title(s, l),
    lines,
    ...(s?.emergency && s.step === 'emergency' ? { urgent: true } : {}),
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
