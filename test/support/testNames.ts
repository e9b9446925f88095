import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './paths';

/** One jest test found in the source: its file (from the project root) and describe titles + test title. */
export interface FoundTest {
  readonly file: string;
  readonly path: readonly string[];
  /** The path joined with " > ", the form the hazard log uses. */
  readonly name: string;
  /** Built from it.each / describe.each or a template with ${...}: the title is a pattern, not a name. */
  readonly pattern: boolean;
}

const BLOCKS = new Set(['describe']);
const TESTS = new Set(['it', 'test']);

/** The callee's base name and whether it is a .each form: describe, it.each, test.skip, describe.each(...)(...). */
function calleeOf(expr: ts.Expression): { base: string; each: boolean } | undefined {
  if (ts.isIdentifier(expr)) return { base: expr.text, each: false };
  if (ts.isPropertyAccessExpression(expr)) {
    const inner = calleeOf(expr.expression);
    return inner ? { base: inner.base, each: inner.each || expr.name.text === 'each' } : undefined;
  }
  // describe.each([...])('title', fn): the callee is itself a call
  if (ts.isCallExpression(expr)) {
    const inner = calleeOf(expr.expression);
    return inner?.each ? inner : undefined;
  }
  if (ts.isTaggedTemplateExpression(expr)) return calleeOf(expr.tag);
  return undefined;
}

function titleOf(arg: ts.Expression | undefined, sf: ts.SourceFile): { title: string; pattern: boolean } | undefined {
  if (!arg) return undefined;
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return { title: arg.text, pattern: false };
  if (ts.isTemplateExpression(arg)) return { title: arg.getText(sf).slice(1, -1), pattern: true };
  return undefined;
}

/** Every describe/it/test title in one file, parsed (not run), with its enclosing describe titles. */
export function testsInFile(file: string): FoundTest[] {
  const abs = join(ROOT, file);
  const sf = ts.createSourceFile(abs, readFileSync(abs, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: FoundTest[] = [];
  const visit = (node: ts.Node, path: string[], pattern: boolean): void => {
    if (ts.isCallExpression(node)) {
      const callee = calleeOf(node.expression);
      if (callee && (BLOCKS.has(callee.base) || TESTS.has(callee.base))) {
        const t = titleOf(node.arguments[0], sf);
        if (t) {
          const here = [...path, t.title];
          const isPattern = pattern || t.pattern || callee.each;
          if (TESTS.has(callee.base)) {
            found.push({ file, path: here, name: here.join(' > '), pattern: isPattern });
            return;
          }
          for (const a of node.arguments.slice(1)) visit(a, here, isPattern);
          return;
        }
      }
    }
    ts.forEachChild(node, (c) => visit(c, path, pattern));
  };
  visit(sf, [], false);
  return found;
}

/** Every *.test.ts under test/, relative to the project root. */
export function testFiles(dir = join(ROOT, 'test')): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.test.ts')) out.push(relative(ROOT, p));
  }
  return out;
}

/** Jest's own full name for a test: describe titles and the test title joined by single spaces. */
export const jestFullName = (path: readonly string[]): string => path.join(' ');
