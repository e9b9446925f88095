/**
 * Registered in jest.config.js (setupFilesAfterEnv): runs in every test file.
 * Captures everything written through console.* and process.stdout/stderr while the file runs, and fails
 * the file if any of it carries an id, a token, or words a person said about their body (STYLE.md: logging).
 * The skill logs one JSON line per request with console.log; those lines are kept quiet unless
 * LOG_CAPTURE_ECHO=1, so ten thousand fuzzed requests do not flood the report. warn and error still print.
 */
import { format } from 'node:util';
import { findLeaks } from './leakDetector';

type Method = 'log' | 'info' | 'debug' | 'warn' | 'error' | 'trace';
const METHODS: readonly Method[] = ['log', 'info', 'debug', 'warn', 'error', 'trace'];
const LOUD: ReadonlySet<Method> = new Set(['warn', 'error']);

interface Capture {
  readonly lines: string[];
  readonly report: (line: string) => void;
}

// One capture per test file even if this module is loaded twice.
const KEY = Symbol.for('back-helper.logCapture');
const g = globalThis as typeof globalThis & { [KEY]?: Capture };

function install(): Capture {
  const lines: string[] = [];
  const echo = process.env.LOG_CAPTURE_ECHO === '1';
  const originalConsole = Object.fromEntries(METHODS.map((m) => [m, console[m]])) as Record<Method, (...a: unknown[]) => void>;
  for (const m of METHODS) {
    console[m] = (...args: unknown[]) => {
      lines.push(...format(...args).split('\n'));
      if (echo || LOUD.has(m)) originalConsole[m].apply(console, args);
    };
  }

  // Writes straight to the streams: captured too, and still passed through.
  const streams = [process.stdout, process.stderr] as const;
  const originalWrites = streams.map((s) => s.write);
  streams.forEach((stream, i) => {
    const write = originalWrites[i]!;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(...(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')).split('\n'));
      return (write as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });

  afterAll(() => {
    streams.forEach((stream, i) => {
      stream.write = originalWrites[i]!;
    });
    for (const m of METHODS) console[m] = originalConsole[m];
    const leaks = findLeaks(lines);
    if (leaks.length) {
      const shown = leaks.slice(0, 5).map((l) => `- ${l.what} in: ${l.line.slice(0, 200)}`);
      throw new Error(`log hygiene: ${leaks.length} captured line(s) leak private data\n${shown.join('\n')}`);
    }
  });

  return { lines, report: (line) => {
    lines.push(line);
    originalConsole.log(line);
  } };
}

const capture: Capture = g[KEY] ?? (g[KEY] = install());

/** Everything captured in this test file so far. */
export function capturedLines(): readonly string[] {
  return capture.lines;
}

/** Prints a result line (e.g. a count) past the capture; it is still checked for leaks. */
export function report(line: string): void {
  capture.report(line);
}
