// The offline voices a Debian machine can have, each rendering plain text to a WAV file, and the sox
// measurement of how long the speech in a WAV lasts once the silence around it is trimmed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'back-helper-voices-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
let serial = 0;
const scratch = (ext) => join(work, `${serial++}.${ext}`);

const has = (command) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** espeak-ng's -s settings tried when looking for a measured rate; -s is not words a minute on real text. */
const ESPEAK_NG_SETTINGS = Array.from({ length: 21 }, (_, i) => 100 + 5 * i);
/** The rates, in words a minute measured on the skill's text, that the pace scripts set espeak-ng to. */
export const ESPEAK_NG_WPM = [145, 160, 175, 190];

const FLITE_VOICES = ['kal', 'kal16', 'awb', 'rms', 'slt'];
const FESTIVAL_VOICES = [
  { name: 'kal_diphone', package: 'festvox-kallpc16k' },
  { name: 'ked_diphone', package: 'festvox-kdlpc16k' },
  { name: 'cmu_us_slt_arctic_hts', package: 'festvox-us-slt-hts' },
];
const FREETTS_JAR = '/usr/share/java/freetts.jar';

const espeakVoice = (command, rate) => {
  const args = ['-v', 'en-us', ...(rate === undefined ? [] : ['-s', String(rate)])];
  return {
    id: rate === undefined ? command : `${command} -s ${rate}`,
    render: (text, wav) => run(command, [...args, '-w', wav, text]),
    // eSpeak reads SSML itself (-m), breaks included: a check on laying the pauses between separately rendered cues.
    renderSsml: (ssml, wav) => run(command, [...args, '-m', '-w', wav, ssml]),
  };
};

/** What espeak-ng's -s settings really give on this passage: [{ setting, wpm }], slowest first. */
export function espeakNgRates(passage) {
  if (!has('espeak-ng')) return [];
  return ESPEAK_NG_SETTINGS.map((setting) => ({ setting, wpm: wordsPerMinute(espeakVoice('espeak-ng', setting), passage) }));
}

/** The espeak-ng setting whose measured rate on the passage is nearest to `wpm`. */
export function espeakNgAt(wpm, rates) {
  const best = rates.reduce((a, b) => (Math.abs(b.wpm - wpm) < Math.abs(a.wpm - wpm) ? b : a));
  return espeakVoice('espeak-ng', best.setting);
}

/**
 * Every voice this bench knows, with whether the machine has it: espeak-ng at the settings that measure
 * nearest each of `wpmTargets` on the passage, then each other engine's voices at their own default rate.
 * A missing voice comes back as { id, missing } with the Debian package that provides it.
 */
export function knownVoices(passage, wpmTargets) {
  const voices = [];
  const add = (voice, missing) => voices.push(missing ? { id: voice.id, missing } : voice);

  const rates = espeakNgRates(passage);
  for (const wpm of wpmTargets) {
    add(rates.length ? espeakNgAt(wpm, rates) : { id: `espeak-ng at ${wpm} wpm` }, rates.length ? null : 'apt-get install -y espeak-ng');
  }
  // Classic eSpeak (1.48) is its own program in Debian's espeak package; espeak-ng-espeak only borrows the name.
  const classic = has('espeak') && !execFileSync('espeak', ['--version']).toString().includes('eSpeak NG');
  add(espeakVoice('espeak'), classic ? null : 'apt-get install -y espeak');

  const flite = has('flite') ? execFileSync('flite', ['-lv']).toString() : '';
  for (const v of FLITE_VOICES) {
    add(
      { id: `flite ${v}`, render: (text, wav) => run('flite', ['-voice', v, '-t', text, '-o', wav]) },
      new RegExp(`\\b${v}\\b`).test(flite) ? null : 'apt-get install -y flite',
    );
  }

  const festival = has('text2wave') ? festivalVoices() : [];
  for (const v of FESTIVAL_VOICES) {
    add(
      {
        id: `festival ${v.name}`,
        render: (text, wav) => {
          const txt = scratch('txt');
          writeFileSync(txt, text);
          run('text2wave', ['-eval', `(voice_${v.name})`, '-o', wav, txt]);
        },
      },
      festival.includes(v.name) ? null : `apt-get install -y festival ${v.package}`,
    );
  }

  add(
    { id: 'freetts kevin16', render: (text, wav) => run('java', ['-jar', FREETTS_JAR, '-voice', 'kevin16', '-dumpAudio', wav, '-text', text]) },
    has('java') && existsSync(FREETTS_JAR) ? null : 'apt-get install -y freetts',
  );
  return voices;
}

function festivalVoices() {
  try {
    const out = execFileSync('festival', ['--batch', '(print (voice.list))'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return out.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

export function requireSox() {
  if (has('sox') && has('soxi')) return;
  console.error('sox is missing: apt-get install -y sox');
  process.exit(1);
}

/** Below this level (dB under full scale) a sample counts as silence when trimming. */
const SILENCE = '-45d';

/** Seconds of speech in a WAV, the silence before and after it trimmed off with sox. */
export function trimmedSeconds(wav) {
  const trimmed = scratch('wav');
  // silence at the start, then the same at the end by reversing: sox's usual idiom for trimming both ends.
  run('sox', [wav, trimmed, 'silence', '1', '0.01', SILENCE, 'reverse', 'silence', '1', '0.01', SILENCE, 'reverse']);
  return Number(execFileSync('soxi', ['-D', trimmed]).toString().trim());
}

/** Seconds a voice takes to say this text, silence around it trimmed; cached, since sets repeat their cues. */
export function speechSeconds(voice, text) {
  voice.cache ??= new Map();
  if (!voice.cache.has(text)) {
    const wav = scratch('wav');
    voice.render(text, wav);
    voice.cache.set(text, trimmedSeconds(wav));
  }
  return voice.cache.get(text);
}

/** Seconds from the first sound to the last when the voice reads this SSML whole, its own way. */
export function ssmlSeconds(voice, ssml) {
  const wav = scratch('wav');
  voice.renderSsml(ssml, wav);
  return trimmedSeconds(wav);
}

/** Words a minute the voice really speaks at over this passage, from the first sound to the last. */
export function wordsPerMinute(voice, passage) {
  const words = passage.split(/\s+/).filter(Boolean).length;
  return (words * 60) / speechSeconds(voice, passage);
}
