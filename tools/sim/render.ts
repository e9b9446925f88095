// Turns what the skill returns into text a person can read in a terminal or assert on in a test.
import type { Response, ResponseEnvelope, ui } from 'ask-sdk-model';
import type { Match } from './matcher';

/** Rough lengths of strength-only breaks (Alexa does not document them in seconds). */
const STRENGTH_SECONDS: Readonly<Record<string, number>> = {
  none: 0,
  'x-weak': 0,
  weak: 0.35,
  medium: 0.35,
  strong: 0.75,
  'x-strong': 1.25,
};

/** Alexa rejects a <break> longer than this. */
export const MAX_BREAK_SECONDS = 10;

const PAUSE = '\u0001'; // marker that cannot occur in SSML text, so breaks survive tag stripping

function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1].toLowerCase()] = m[2] ?? m[3] ?? '';
  return out;
}

/** Seconds a <break> lasts: time="4s" / "1500ms", else strength, else medium (SSML default). */
export function breakSeconds(rawAttributes: string): number {
  const attrs = attributes(rawAttributes);
  const time = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/i.exec(attrs.time ?? '');
  if (time) return time[2].toLowerCase() === 'ms' ? Number(time[1]) / 1000 : Number(time[1]);
  const strength = (attrs.strength ?? 'medium').toLowerCase();
  return Object.hasOwn(STRENGTH_SECONDS, strength) ? STRENGTH_SECONDS[strength] : STRENGTH_SECONDS.medium;
}

export function formatSeconds(seconds: number): string {
  return `${Number(seconds.toFixed(2))}s`;
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&'); // last, so "&amp;lt;" stays "&lt;"
}

/** SSML → readable text: breaks become "[pause 1.5s]" (consecutive ones summed), other tags keep their text. */
export function ssmlToText(ssml: string): string {
  let s = ssml;
  s = s.replace(/<break\b([^>]*?)\/?>/gi, (_, attrs: string) => ` ${PAUSE}${breakSeconds(attrs)}${PAUSE} `);
  s = s.replace(/<\/break\s*>/gi, ' ');
  s = s.replace(/<audio\b([^>]*?)\/?>/gi, (_, attrs: string) => ` [audio: ${attributes(attrs).src ?? '?'}] `);
  // <sub alias="…"> is spoken as its alias
  s = s.replace(/<sub\b([^>]*)>([\s\S]*?)<\/sub\s*>/gi, (_, attrs: string, inner: string) => ` ${attributes(attrs).alias ?? inner} `);
  s = s.replace(/<[^>]*>/g, ' ');
  s = s.replace(new RegExp(`(?:${PAUSE}[\\d.]+${PAUSE}\\s*)+`, 'g'), (run) => {
    let total = 0;
    for (const m of run.matchAll(new RegExp(`${PAUSE}([\\d.]+)${PAUSE}`, 'g'))) total += Number(m[1]);
    return total > 0 ? ` [pause ${formatSeconds(total)}] ` : ' ';
  });
  s = unescapeXml(s);
  return s
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.!?;:])/g, '$1')
    .trim();
}

/** One stretch of speech and the silence after it, as a voice would time it. */
export interface SpokenSegment {
  /** What is said, tags stripped and entities unescaped; '' for silence before any words. */
  readonly text: string;
  /** The silence after the words, in ms: consecutive breaks summed. */
  readonly pauseMs: number;
}

/** SSML → the words and timed silences a voice would produce, in order: what the pace benchmark renders. */
export function spokenSegments(ssml: string): SpokenSegment[] {
  const segments: Array<{ text: string; pauseMs: number }> = [];
  const words = (fragment: string): string =>
    unescapeXml(
      fragment
        .replace(/<sub\b([^>]*)>([\s\S]*?)<\/sub\s*>/gi, (_, attrs: string, inner: string) => ` ${attributes(attrs).alias ?? inner} `)
        .replace(/<[^>]*>/g, ' '),
    )
      .replace(/\s+/g, ' ')
      .trim();
  const addWords = (fragment: string): void => {
    const text = words(fragment);
    if (text) segments.push({ text, pauseMs: 0 });
  };
  let from = 0;
  for (const m of ssml.matchAll(/<break\b([^>]*?)\/?>/gi)) {
    addWords(ssml.slice(from, m.index));
    from = m.index + m[0].length;
    const ms = Math.round(breakSeconds(m[1]) * 1000);
    if (ms === 0) continue;
    if (segments.length === 0) segments.push({ text: '', pauseMs: 0 });
    segments[segments.length - 1].pauseMs += ms;
  }
  addWords(ssml.slice(from));
  return segments;
}

/** Speech of an OutputSpeech object as readable text. */
export function speechText(speech: ui.OutputSpeech | undefined): string {
  if (!speech) return '';
  return speech.type === 'SSML' ? ssmlToText(speech.ssml) : speech.text.replace(/\s+/g, ' ').trim();
}

/** Mistakes in SSML that make Alexa reject the whole response rather than speak it. */
export function ssmlProblems(ssml: string): string[] {
  const problems: string[] = [];
  if (!/^\s*<speak\b[^>]*>[\s\S]*<\/speak>\s*$/i.test(ssml)) problems.push('SSML is not wrapped in <speak>…</speak>');
  if (/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-f]+;)/i.test(ssml)) problems.push('SSML contains an unescaped "&"');
  for (const m of ssml.matchAll(/<break\b([^>]*?)\/?>/gi)) {
    const seconds = breakSeconds(m[1]);
    if (seconds > MAX_BREAK_SECONDS) problems.push(`<break> of ${formatSeconds(seconds)} is longer than ${MAX_BREAK_SECONDS}s`);
  }
  return problems;
}

function describeCard(card: ui.Card): string {
  switch (card.type) {
    case 'Simple':
    case 'Standard':
      return `[card: ${card.title ?? card.type}]`;
    case 'AskForPermissionsConsent':
      return `[card: AskForPermissionsConsent ${card.permissions.join(', ')}]`;
    default:
      return `[card: ${card.type}]`;
  }
}

/** One line per card and directive, e.g. "[card: Title]", "[directive: Alexa.Presentation.APL.RenderDocument]". */
export function describeResponse(response: Response | ResponseEnvelope | undefined): string[] {
  if (!response) return [];
  const r: Response = 'response' in response && typeof response.response === 'object' ? response.response : (response as Response);
  const lines: string[] = [];
  if (r.card) lines.push(describeCard(r.card));
  for (const d of r.directives ?? []) lines.push(...describeDirective(d));
  return lines;
}

/** A screen is shown as its words; any other directive by its type. */
function describeDirective(d: { type: string }): string[] {
  const data = (d as { datasources?: Record<string, unknown> }).datasources;
  const screen = data && typeof data === 'object' ? (Object.values(data)[0] as Record<string, unknown> | undefined) : undefined;
  if (d.type !== 'Alexa.Presentation.APL.RenderDocument' || !screen || typeof screen.title !== 'string') return [`[directive: ${d.type}]`];
  const out = [`[screen${screen.urgent ? ', urgent' : ''}: ${screen.title}]`];
  for (const line of Array.isArray(screen.lines) ? screen.lines : []) out.push(`[screen]   ${String(line)}`);
  const b = screen.breathing as { inMs?: number; outMs?: number; startDelayMs?: number; repeatCount?: number } | null | undefined;
  if (b) out.push(`[screen]   (circle grows ${(b.inMs ?? 0) / 1000}s, shrinks ${(b.outMs ?? 0) / 1000}s, ${(b.repeatCount ?? 0) + 1} times, after ${((b.startDelayMs ?? 0) / 1000).toFixed(1)}s)`);
  if (typeof screen.hint === 'string' && screen.hint) out.push(`[screen]   ${screen.hint}`);
  return out;
}

/** "IntentName {slot=value → Canonical, other=words (no match)}", for transcripts. */
export function describeMatch(match: Match): string {
  const slots = Object.values(match.slots)
    .filter((s) => s.value !== undefined)
    .map((s) => {
      const res = s.resolutions?.resolutionsPerAuthority?.[0];
      if (res?.status.code === 'ER_SUCCESS_MATCH') {
        const names = res.values.map((v) => v.value.name);
        return names.length === 1 && names[0] === s.value ? `${s.name}=${s.value}` : `${s.name}=${s.value} → ${names.join(' | ')}`;
      }
      if (res?.status.code === 'ER_SUCCESS_NO_MATCH') return `${s.name}=${s.value} (no match)`;
      return `${s.name}=${s.value}`;
    });
  return slots.length > 0 ? `${match.intent} {${slots.join(', ')}}` : match.intent;
}
