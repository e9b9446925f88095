/**
 * Builds the review pack with `npm run review`'s own script and opens it in a real headless Chromium
 * (Debian's package, driven by puppeteer-core): the diagram and every section must render, with no
 * console errors and no link to a source that is not on the page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../support/paths';
import { loadHazards, loadSources } from '../support/clinicalFile';
import { loadPersonas } from '../golden/personas';

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const SECTIONS = ['summary', 'diagram', 'sentences', 'hazards', 'sources', 'transcripts'];

let out: string;
let browser: Browser;

/** Opens a page and collects everything the browser reports as an error. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e instanceof Error ? e.message : String(e)}`));
  page.on('requestfailed', (r) => errors.push(`request: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}

// A real browser on two busy cores (the model checks run beside it): a hang guard, not a timing assertion.
jest.setTimeout(60_000);

beforeAll(async () => {
  if (!CHROMIUM) throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH).');
  out = mkdtempSync(join(tmpdir(), 'review-pack-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'review.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the review pack in a real browser', () => {
  it('renders the diagram and every section with no console errors', async () => {
    const { page, errors } = await open(pathToFileURL(join(out, 'index.html')).href);
    const diagram = await page.$eval('#diagram svg', (svg) => {
      const box = svg.getBoundingClientRect();
      return { nodes: svg.querySelectorAll('g.node').length, edges: svg.querySelectorAll('g.edge').length, w: box.width, h: box.height };
    });
    expect(diagram.nodes).toBeGreaterThanOrEqual(10);
    expect(diagram.edges).toBeGreaterThan(diagram.nodes);
    expect(diagram.w * diagram.h).toBeGreaterThan(0);
    for (const id of SECTIONS) {
      const box = await page.$eval(`#${id}`, (el) => ({ h: el.getBoundingClientRect().height, text: (el.textContent ?? '').trim().length }));
      expect({ id, rendered: box.h > 0 && box.text > 0 }).toEqual({ id, rendered: true });
    }
    expect(await page.$$eval('#diagram svg g.node', (ns) => ns.some((n) => n.id === 'step-emergency'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every hazard, every source and every persona, and every source link lands on its source', async () => {
    const { page, errors } = await open(pathToFileURL(join(out, 'index.html')).href);
    const count = (selector: string) => page.$$eval(selector, (els) => els.length);
    const counts = {
      hazards: await count('#hazards tbody tr'),
      sources: await count('#sources tbody tr'),
      personas: await count('#transcripts details'),
      sentences: await count('#sentences table.sentences tbody tr'),
      sourceLinks: await count('#sentences a[href^="#src-"]'),
      brokenLinks: await page.$$eval('a[href^="#"]', (as) =>
        as.map((a) => a.getAttribute('href') ?? '').filter((h) => !as[0]!.ownerDocument.getElementById(h.slice(1)))),
    };
    expect(counts.hazards).toBe(loadHazards().length);
    expect(counts.sources).toBe(loadSources().length);
    expect(counts.personas).toBe(loadPersonas().length);
    expect(counts.sentences).toBeGreaterThan(100);
    expect(counts.sourceLinks).toBeGreaterThan(50);
    expect(counts.brokenLinks).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('would notice a page that logs an error or throws', async () => {
    const { page, errors } = await open('data:text/html,<script>console.error("planted");throw new Error("boom")</script>');
    expect(errors).toEqual(['console: planted', 'page: boom']);
    await page.close();
  });
});
