/**
 * An oracle for the movement flags that does not read them. The guard keeps every sentence marked
 * `moves: true` out of an emergency and out of the time before Q1-Q5 are cleared, and every sentence marked
 * `exercise: true` out of the time before Q6-Q11; every other test finds movement by the same flags. So a
 * movement sentence that loses its flag would pass the guard and every test. Here the sentences that move the
 * body are written out by where they live, and any sentence that reads like movement must be on one list or
 * the other: flagged here, or explained here as not movement.
 */
import { allClinical, contentModules } from '../support/clinicalWalk';
import { textFor } from '../../lambda/src/content/types';
import { localePack, SUPPORTED_LOCALES } from '../../lambda/src/locale';

/** Every position instruction, every tilt cue, every getting-up step but "sit for a moment", walking. */
const MOVES_ONLY = [
  // Reminders to get up and move a little.
  'alerts.ts:MOVE_ONCE_CONFIRM',
  'alerts.ts:MOVE_REMINDER_CONFIRM',
  'alerts.ts:MOVE_REMINDER_TEXT',
  // Position instructions (a resting position shared by two places is found once, where it is first listed).
  'guidance.ts:POSITIONS.STANDING.0',
  'guidance.ts:POSITIONS.STANDING.1',
  'guidance.ts:POSITIONS.SITTING.1',
  'guidance.ts:POSITIONS.BACK.0',
  'guidance.ts:POSITIONS.BACK.1',
  'guidance.ts:POSITIONS.BACK.2',
  'guidance.ts:POSITIONS.FLOOR.0',
  'guidance.ts:POSITIONS.FLOOR.2',
  'guidance.ts:POSITIONS.BED.1',
  'guidance.ts:POSITIONS.SIDE.0',
  'guidance.ts:POSITION_PREGNANT.0',
  // Down to the floor from standing or sitting.
  'guidance.ts:GET_DOWN.0',
  'guidance.ts:GET_DOWN.1',
  'guidance.ts:GET_DOWN.2',
  'guidance.ts:GET_DOWN.3',
  // Answers that give a position or daily activity (said only after a clear screen, never after an emergency).
  'answers.ts:ANSWERS.semiFowler.says.1',
  'answers.ts:ANSWERS.sleep.says.0',
  'answers.ts:ANSWERS.sleep.says.1',
  'answers.ts:ANSWERS.work.says.0',
  'answers.ts:ANSWERS.warmBath.says.2',
  // Walking, in the self-care plan.
  'selfcare.ts:KEEP_MOVING.0',
] as const;

/** Exercise and getting up: only after Q6-Q11 (and tilts never after a T2 answer). These move too. */
const EXERCISE = [
  // Getting up: the log roll, every step but "sit for a moment", and the first steps after it.
  'guidance.ts:LOG_ROLL.0',
  'guidance.ts:LOG_ROLL.1',
  'guidance.ts:LOG_ROLL.2',
  'guidance.ts:LOG_ROLL.3',
  'guidance.ts:LOG_ROLL.5',
  'guidance.ts:LOG_ROLL_DONE',
  // Getting up from the floor (S-NHSFALL).
  'guidance.ts:FLOOR_GET_UP.0',
  'guidance.ts:FLOOR_GET_UP.1',
  'guidance.ts:FLOOR_GET_UP.2',
  'guidance.ts:FLOOR_GET_UP.3',
  'guidance.ts:FLOOR_GET_UP.4',
  'guidance.ts:FLOOR_GET_UP.5',
  // Pelvic tilts: lying down for them, the cues, and "a few more" after them.
  'guidance.ts:TILTS_SETUP.0',
  'guidance.ts:TILTS_SETUP.2',
  'guidance.ts:TILTS_SETUP.3',
  'guidance.ts:TILTS_SETUP.4',
  'guidance.ts:TILT_CUES.flatten',
  'guidance.ts:TILT_CUES.arch',
  'guidance.ts:TILTS_FEEL.better',
] as const;

/** Sentences that use a movement word but do not ask the person to move, each with the reason. */
const NOT_MOVEMENT: Readonly<Record<string, string>> = {
  'guidance.ts:LOG_ROLL.4': 'sit for a moment: a rest between getting-up steps, not a movement',
  'guidance.ts:POSITIONS.SITTING.0': 'a statement about sitting; the instruction after it carries the flag',
  'guidance.ts:POSITIONS.STANDING.2': 'a caution: what not to do (twist or bend)',
  'guidance.ts:LIE_DOWN_OFFER': 'an offer: the way down comes only when asked for',
  'alerts.ts:MOVE_ONCE_SET': 'confirms a reminder was set; the reminder text and its question carry the flag',
  'alerts.ts:MOVE_REMINDER_SET': 'confirms a reminder was set; the reminder text and its question carry the flag',
  'answers.ts:ANSWERS.semiFowler.says.0': 'explains a word: what semi-Fowler means',
  'answers.ts:ANSWERS.semiFowler.says.2': '"lower back" is a place, not a movement',
  'answers.ts:ANSWERS.therapy.says.2': 'later advice: a physiotherapist once it settles',
  'guidance.ts:POSITION_PREGNANT.1': 'what to avoid (lying flat); said with POSITION_PREGNANT.0, which carries the flag',
  'guidance.ts:ASK_POSITION': 'a question: where the person is now',
  'guidance.ts:GETUP_OFFER': 'an offer, answered yes or no; the steps come after',
  'guidance.ts:TILTS_OFFER': 'an offer, answered yes or no; the tilts come after',
  'guidance.ts:TILTS_OFFER_AGAIN': 'the same offer, short, after other words',
  'guidance.ts:TILTS_FEEL.worse': 'stops the tilts: rest in the easiest position',
  'guidance.ts:TILTS_SKIP_PREGNANT': 'skips the tilts',
  'guidance.ts:TILTS_SKIP_T2': 'skips the exercises',
  'guidance.ts:TILTS_SKIP_UPRIGHT': 'skips the tilts for someone standing or sitting',
  'emergency.ts:WHILE_YOU_WAIT.fall': 'emergency advice: do not get up, stay as you are',
  'emergency.ts:WHILE_YOU_WAIT.unknown': 'emergency advice: do not get up, stay as you are',
  'emergency.ts:WHILE_YOU_WAIT.heart': 'emergency advice: rest where you are while help comes',
  'emergency.ts:WHILE_YOU_WAIT.breathing': 'emergency advice: rest where you are while help comes',
  'emergency.ts:WHILE_YOU_WAIT.faint': 'emergency first aid for feeling faint, said with the call to the emergency number',
  'emergency.ts:PREGNANT_NOTED':
    'acknowledges a pregnancy whenever it is said: how to lie when the person next lies down, not a movement now (open question: said after an emergency too)',
  'screen.ts:MORE_QUESTIONS.6.ask': 'a question about the pain',
  'screen.ts:MORE_QUESTIONS.7.askAgain': '"lower back" is a place, not a movement',
  'screen.ts:SCREEN.11.ask': 'a question about weak legs',
  'screen.ts:SCREEN.11.askAgain': 'a question about weak legs',
  'talk.ts:RESUME_ASK.tilts': 'a question: carry on with the tilts?',
  'talk.ts:RESUME_ASK.getUp': 'a question: carry on with getting up?',
  'talk.ts:TALK.helpPosition': 'help: how to say where the person is',
  'talk.ts:TALK.helpTilts': 'help: how to say how the tilts felt',
  'talk.ts:TALK.helpMenu': 'help: the topics one can ask for',
  'talk.ts:TALK.menu': 'the menu of topics',
  'talk.ts:TALK.menuShort': 'the menu of topics',
};

/** Words that ask a body to move or take a position. */
const MOVEMENT_WORDS =
  /\b(?:lie|lying|lay|roll|rolling|push|pushing|stand|standing|walk|walking|bend|bending|bent|lower|slide|kneel|crawl|flatten|flat|arch|curl|curled|sit|sitting|get up|getting up|getting in|move|moving|twist|turn|lift|press|tilts?|exercises?|stretch|hold|hands|knees|pillows?|go to work)\b/i;

const found = allClinical();
const byWhere = new Map(found.map((c) => [c.where, c.clinical]));
const MOVES = new Set<string>([...MOVES_ONLY, ...EXERCISE]);

/** Every other string in the content modules that is a sentence (has a space): these can carry no flag at all. */
function plainSentences(): Array<{ where: string; text: string }> {
  const clinical = new Set<unknown>(found.map((c) => c.clinical));
  const out: Array<{ where: string; text: string }> = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, where: string): void => {
    if (typeof v === 'string') {
      if (/\s/.test(v.trim())) out.push({ where, text: v });
      return;
    }
    if (typeof v !== 'object' || v === null || seen.has(v) || clinical.has(v)) return;
    seen.add(v);
    for (const [k, x] of Object.entries(v as object)) walk(x, `${where}.${k}`);
  };
  for (const m of contentModules()) for (const [name, v] of Object.entries(m.exports)) walk(v, `${m.file}:${name}`);
  return out;
}

describe('the movement oracle', () => {
  it('names only sentences that exist, and each on one list only', () => {
    const named = [...MOVES_ONLY, ...EXERCISE, ...Object.keys(NOT_MOVEMENT)];
    const plain = new Set(plainSentences().map((s) => s.where));
    expect(named.filter((w) => !byWhere.has(w) && !plain.has(w))).toEqual([]);
    expect(named.filter((w, i) => named.indexOf(w) !== i)).toEqual([]);
  });

  it.each([...MOVES])('%s carries moves: true', (where) => {
    expect(byWhere.get(where)?.moves).toBe(true);
  });

  it.each([...EXERCISE])('%s carries exercise: true', (where) => {
    expect(byWhere.get(where)?.exercise).toBe(true);
  });

  it('finds no movement flag on a sentence it does not list', () => {
    expect(found.filter((c) => c.clinical.moves === true && !MOVES.has(c.where)).map((c) => c.where)).toEqual([]);
  });

  it('finds no exercise flag on a sentence it does not list as exercise', () => {
    const exercise = new Set<string>(EXERCISE);
    expect(found.filter((c) => c.clinical.exercise === true && !exercise.has(c.where)).map((c) => c.where)).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)('finds every sentence that reads like movement on a list (%s)', (locale) => {
    const l = localePack(locale);
    const sentences = [
      ...found.map((c) => ({ where: c.where, text: textFor(c.clinical.say, l) })),
      ...plainSentences(),
    ];
    const unlisted = sentences
      .filter((s) => MOVEMENT_WORDS.test(s.text) && !MOVES.has(s.where) && !(s.where in NOT_MOVEMENT))
      .map((s) => `${s.where}: ${s.text}`);
    expect(unlisted).toEqual([]);
  });

  it('reads every listed movement sentence as movement, so the word list itself is checked', () => {
    const en = localePack('en-US');
    const missed = [...MOVES].filter((w) => !MOVEMENT_WORDS.test(textFor(byWhere.get(w)!.say, en)));
    // Sentences that move the body without one of the words: kept short and explicit.
    expect(missed).toEqual(['guidance.ts:TILTS_SETUP.4']);
  });
});
