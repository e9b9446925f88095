// The clinical review pack: one static HTML page a clinician can read without running anything.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { instance } from '@viz-js/viz';
import { textFor, type Clinical } from '../../lambda/src/content/types';
import { localePack } from '../../lambda/src/locale';
import { allClinical } from '../../test/support/clinicalWalk';
import { loadHazards, loadSources, riskRating, type Hazard, type Risk, type TestRef } from '../../test/support/clinicalFile';
import { ROOT } from '../../test/support/paths';
import { grade, sentences, wordsOf } from '../../test/support/readability';
import { GOLDEN_TEST_FILE, loadPersonas, transcriptPath } from '../../test/golden/personas';
import { END, exploreFlow, simplify, START, toDot } from './flowGraph';

export const REVIEW_DIR = join(ROOT, '.review');
export const RESULTS_FILE = join(REVIEW_DIR, 'test-results.json');
export const DEFAULT_OUT = join(REVIEW_DIR, 'pack');
/** The sections every pack has, in order: the browser test checks each renders. */
export const SECTIONS = ['summary', 'diagram', 'sentences', 'hazards', 'sources', 'transcripts'] as const;
/** The locale sentences are shown in (each locale's own wording is in the golden transcripts). */
const LOCALE = 'en-US';
const GRADE_LIMIT = 8;

type Status = 'passed' | 'failed' | 'not run';
interface Results {
  readonly updated?: string;
  readonly files: Readonly<Record<string, { readonly failedToRun?: boolean; readonly tests: Readonly<Record<string, string>> }>>;
}

export function readResults(file = RESULTS_FILE): Results {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Results;
  } catch {
    return { files: {} };
  }
}

const PATTERN = /%[sdifjop#%]|\$\{[^}]*\}/g;
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A test's status in the last run; a title from it.each or a template matches every name it expands to. */
export function statusOf(ref: TestRef, results: Results): Status {
  const file = results.files[ref.file];
  if (!file || file.failedToRun) return file?.failedToRun ? 'failed' : 'not run';
  const names = Object.keys(file.tests);
  let matching: string[];
  if (PATTERN.test(ref.test)) {
    PATTERN.lastIndex = 0;
    const re = new RegExp(`^${ref.test.split(PATTERN).map(escapeRegex).join('.*?')}$`);
    matching = names.filter((n) => re.test(n));
  } else {
    matching = names.filter((n) => n === ref.test);
  }
  PATTERN.lastIndex = 0;
  if (matching.length === 0) return 'not run';
  if (matching.some((n) => file.tests[n] === 'failed')) return 'failed';
  return matching.every((n) => file.tests[n] === 'passed') ? 'passed' : 'not run';
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const anchor = (id: string): string => `src-${id.replace(/[^A-Za-z0-9-]/g, '-')}`;

const RATING_WORD = ['', 'acceptable', 'acceptable if reduced as far as practicable', 'undesirable', 'unacceptable', 'unacceptable'];
const riskCell = (r: Risk): string => {
  const rating = riskRating(r);
  return `<td class="risk r${rating}">S${r.severity} × L${r.likelihood} = <b>${rating}</b><br><small>${RATING_WORD[rating]}</small></td>`;
};

interface SentenceRow {
  readonly text: string;
  readonly grade: number;
  readonly words: number;
}

function sentenceRows(text: string): SentenceRow[] {
  return sentences(text).map((s) => ({ text: s, grade: Math.round(grade(s) * 10) / 10, words: wordsOf(s).length }));
}

export interface ReviewSummary {
  readonly out: string;
  readonly steps: number;
  readonly edges: number;
  readonly statesExplored: number;
  readonly clinicalSentences: number;
  readonly unreached: number;
  readonly hazards: number;
  readonly hazardTests: Readonly<Record<Status, number>>;
  readonly transcripts: number;
}

export async function buildReview(options: { out?: string; results?: string; now?: Date } = {}): Promise<ReviewSummary> {
  const out = options.out ?? DEFAULT_OUT;
  const results = readResults(options.results);
  const pack = localePack(LOCALE);
  const graph = exploreFlow();
  const viz = await instance();
  const svg = viz.renderString(toDot(graph), { format: 'svg', engine: 'dot' });
  const drawn = simplify(graph);
  const globalRows = drawn.global
    .map((m) => `<tr><td><code>${esc(m.event)}</code></td><td><code>${esc(m.to)}</code></td><td>${m.from.length} of ${graph.steps.length - 1}</td></tr>`)
    .join('');
  const loopRows = [...drawn.loops.entries()]
    .map(([step, ev]) => `<tr><td><code>${esc(step)}</code></td><td>${[...ev].sort().map((k) => `<code>${esc(k)}</code>`).join(' ')}</td></tr>`)
    .join('');

  const sources = loadSources();
  const known = new Set(sources.map((s) => s.id));
  const sourceLinks = (ids: readonly string[]): string =>
    ids.map((id) => (known.has(id) ? `<a href="#${anchor(id)}">${esc(id)}</a>` : `<span class="bad">${esc(id)} (undefined)</span>`)).join(', ');

  // ---- sentences by step
  const where = new Map<Clinical, string>(allClinical().map((c) => [c.clinical, c.where]));
  const byStep = new Map<string, Array<{ c: Clinical; where: string }>>();
  for (const [c, steps] of graph.clinical) {
    for (const step of steps) {
      const list = byStep.get(step) ?? byStep.set(step, []).get(step)!;
      list.push({ c, where: where.get(c) ?? '(built in the flow)' });
    }
  }
  const unreached = allClinical().filter((c) => !graph.clinical.has(c.clinical));
  let hard = 0;
  const clinicalTable = (list: ReadonlyArray<{ c: Clinical; where: string }>): string => {
    const rows = list.flatMap(({ c, where: w }) => {
      const rs = sentenceRows(textFor(c.say, pack));
      return rs.map((r, i) => {
        if (r.grade > GRADE_LIMIT) hard++;
        return `<tr${r.grade > GRADE_LIMIT ? ' class="hard"' : ''}><td>${esc(r.text)}${c.moves ? ' <span class="moves">moves</span>' : ''}</td>` +
          (i === 0 ? `<td rowspan="${rs.length}">${sourceLinks(c.sources)}</td>` : '') +
          `<td class="num">${r.grade}</td><td class="num">${r.words}</td>` +
          (i === 0 ? `<td rowspan="${rs.length}"><code>${esc(w)}</code></td>` : '') + '</tr>';
      });
    });
    return `<table class="sentences"><thead><tr><th>sentence (${LOCALE})</th><th>sources</th><th>grade</th><th>words</th><th>content</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  };
  const stepOrder = graph.steps.filter((s) => s !== START && s !== END);
  const sentenceSections = stepOrder
    .filter((s) => byStep.has(s) || [...graph.talk.values()].some((steps) => steps.has(s)))
    .map((s) => {
      const talkLines = [...graph.talk.entries()].filter(([, steps]) => steps.has(s)).map(([t]) => t);
      const talkHtml = talkLines.length
        ? `<details><summary>${talkLines.length} conversational lines (no clinical claim)</summary><ul>${talkLines.map((t) => `<li>${esc(t)}</li>`).join('')}</ul></details>`
        : '';
      return `<section class="step" id="step-sentences-${esc(s)}"><h3>${esc(s)}</h3>${clinicalTable(byStep.get(s) ?? [])}${talkHtml}</section>`;
    });
  const unreachedHtml = unreached.length
    ? `<section class="step" id="step-sentences-unreached"><h3>Not reached by the explored events</h3><p>Said only through effects (timers, reminders, permissions) or not wired to a step yet.</p>${clinicalTable(unreached.map((c) => ({ c: c.clinical, where: c.where })))}</section>`
    : '';

  // ---- hazards
  const hazards = loadHazards();
  const tally: Record<Status, number> = { passed: 0, failed: 0, 'not run': 0 };
  const hazardRow = (h: Hazard): string => {
    const tests = h.tests.map((t) => {
      const st = statusOf(t, results);
      tally[st]++;
      return `<li class="status ${st.replace(' ', '-')}"><span class="badge">${st}</span> <code>${esc(t.file)}</code><br>${esc(t.test)}</li>`;
    });
    const controls = h.controls.map((c) => `<li>${esc(c.what)}<br><code>${esc(c.file)}</code> <code>${esc(c.symbol)}</code></li>`);
    return `<tr id="hazard-${esc(h.id)}"><td><b>${esc(h.id)}</b></td><td><b>${esc(h.title)}</b><p>${esc(h.cause)}</p><p><i>Effect:</i> ${esc(h.effect)}</p>` +
      `${h.awaiting ? `<p class="awaiting">Controls being rebuilt: ${esc(h.awaiting)}</p>` : ''}</td>` +
      `${riskCell(h.before)}<td><ul>${controls.join('')}</ul></td>${riskCell(h.after)}<td><ul class="tests">${tests.join('')}</ul></td></tr>`;
  };
  const hazardRows = hazards.map(hazardRow).join('');

  // ---- sources
  const sourceRows = sources
    .map((s) =>
      `<tr id="${anchor(s.id)}"><td><b>${esc(s.id)}</b>${s.background ? '<br><small>background</small>' : ''}</td><td>${esc(s.citation)}` +
      `${s.url ? `<br><a href="${esc(s.url)}">${esc(s.url)}</a>` : '<br><small>no stable address</small>'}</td>` +
      `<td><ul>${s.supports.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></td><td>${esc(s.checked)}</td></tr>`)
    .join('');

  // ---- golden transcripts
  const personas = loadPersonas();
  const goldenStatus = (id: string) => statusOf({ file: GOLDEN_TEST_FILE, test: `golden transcripts > ${id}` }, results);
  const transcripts = personas
    .map((p) => {
      const file = transcriptPath(p.id);
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '(no transcript yet: npm run golden:update)';
      const st = goldenStatus(p.id);
      return `<details class="transcript" id="persona-${esc(p.id)}"><summary><code>${esc(p.id)}</code> ${esc(p.who)} <span class="status ${st.replace(' ', '-')}"><span class="badge">${st}</span></span></summary><pre>${esc(text)}</pre></details>`;
    })
    .join('');

  const generated = (options.now ?? new Date()).toISOString();
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Back Helper: clinical review pack</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1200px;padding:1rem 2rem;color:#1b1b1b;line-height:1.4}
nav a{margin-right:1rem}h2{border-bottom:2px solid #4a6785;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}th,td{border:1px solid #ccd6e0;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#eef3f8}.num{text-align:right;white-space:nowrap}tr.hard td{background:#fff4e5}.bad{color:#b00020;font-weight:bold}
.moves{font-size:.75rem;background:#4a6785;color:#fff;border-radius:3px;padding:0 .3rem}
.risk.r1,.risk.r2{background:#e7f5e9}.risk.r3{background:#fff4e5}.risk.r4,.risk.r5{background:#fde7ea}
.badge{font-size:.75rem;border-radius:3px;padding:0 .35rem;color:#fff;background:#777}
.passed .badge{background:#2e7d32}.failed .badge{background:#b00020}.awaiting{color:#8a5a00}
ul{margin:.2rem 0;padding-left:1.1rem}ul.tests li{margin-bottom:.3rem}
#diagram .graph{border:1px solid #ccd6e0}#diagram svg{width:100%;height:auto}
pre{white-space:pre-wrap;background:#f7f9fb;padding:.6rem;border:1px solid #e1e8ef;font-size:.82rem}
details.transcript{margin:.3rem 0}summary{cursor:pointer}
</style></head>
<body>
<header><h1>Back Helper: clinical review pack</h1>
<nav>${SECTIONS.map((s) => `<a href="#${s}">${s}</a>`).join('')}</nav></header>
<section id="summary"><h2>Summary</h2>
<p>Generated ${esc(generated)} from the code in this repository (test results of ${esc(results.updated ?? 'no run yet')}).
The clinical reference behind every sentence is <code>docs/clinical/reference.md</code>; sources and hazards are data in
<code>docs/clinical/</code>. Nothing here is hand-drawn: the diagram and the sentences come from running the flow.</p>
<ul>
<li>${stepOrder.length} steps and ${graph.edges.length} transitions, from ${graph.statesExplored} distinct states (${graph.transitionsRun} transitions run)</li>
<li>${graph.clinical.size} clinical sentence entries reached in the flow, ${unreached.length} not reached by the explored events; ${hard} sentences above grade ${GRADE_LIMIT}</li>
<li>${hazards.length} hazards; their ${tally.passed + tally.failed + tally['not run']} control tests: ${tally.passed} passed, ${tally.failed} failed, ${tally['not run']} not run</li>
<li>${personas.length} persona transcripts</li>
</ul></section>
<section id="diagram"><h2>The conversation</h2>
<p>Each box is a step; each arrow the events a person can cause that move between two steps (hover for all of them).
Red: the emergency step and the transitions that give or repeat emergency advice. Events that lead to the same place from
most steps (stop, a warning sign, forget me, start over) are in the table below the diagram instead.</p>
<div class="graph">${svg}</div>
<h3>From (almost) any step</h3><p>Drawn once here instead of as an arrow from every step.</p>
<table id="global-moves"><thead><tr><th>event</th><th>leads to</th><th>from how many steps</th></tr></thead><tbody>${globalRows}</tbody></table>
<h3>Staying on the same step</h3>
<table id="self-loops"><thead><tr><th>step</th><th>events that keep it there</th></tr></thead><tbody>${loopRows}</tbody></table></section>
<section id="sentences"><h2>What is said, by step</h2>
<p>Every clinical sentence the flow says, at each step it is said, with its sources, its Flesch-Kincaid grade and its word count
(the limit is grade ${GRADE_LIMIT}). <span class="moves">moves</span> marks a sentence that asks the person to move: never said after an emergency.</p>
${sentenceSections.join('\n')}${unreachedHtml}</section>
<section id="hazards"><h2>Hazard log</h2>
<p>Severity (S) and likelihood (L) from 1 to 5, before and after the controls; rating 1-2 acceptable, 3 undesirable, 4-5 unacceptable.
Test status is from the last jest run on this machine.</p>
<table><thead><tr><th>id</th><th>hazard</th><th>before</th><th>controls</th><th>after</th><th>tests that prove the controls</th></tr></thead><tbody>${hazardRows}</tbody></table></section>
<section id="sources"><h2>Sources</h2>
<table><thead><tr><th>id</th><th>citation</th><th>supports</th><th>checked</th></tr></thead><tbody>${sourceRows}</tbody></table></section>
<section id="transcripts"><h2>Persona transcripts</h2>
<p>Scripted people, run through the real skill and interaction model; <code>npm test</code> compares them and
<code>npm run golden:update</code> rewrites them.</p>
${transcripts}</section>
</body></html>
`;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), html);
  return {
    out: join(out, 'index.html'),
    steps: stepOrder.length,
    edges: graph.edges.length,
    statesExplored: graph.statesExplored,
    clinicalSentences: graph.clinical.size,
    unreached: unreached.length,
    hazards: hazards.length,
    hazardTests: tally,
    transcripts: personas.length,
  };
}
