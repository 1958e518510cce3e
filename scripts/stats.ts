// npm run stats: the figures of the code's shape that docs/architecture.md
// sets goals for. Lines are non-blank lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countLines, importGraph, importsCircles, sourceFiles } from '../src/core/architecture.ts';

const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? new URL('../', import.meta.url).pathname;
const files = sourceFiles(root);
const isTest = (f: string) => f.endsWith('.test.ts') || f.startsWith('test/') || /(^|\/)testing\.ts$/.test(f);
const isCode = (f: string) => (f.startsWith('src/') || f.startsWith('widget/')) && !isTest(f);
const lines = (f: string) => countLines(readFileSync(join(root, f), 'utf8'));
const sum = (list: string[]) => list.reduce((n, f) => n + lines(f), 0);
const code = files.filter(isCode);
const tests = files.filter(isTest);
const codeLines = sum(code);
const testLines = sum(tests);
const long = code.filter(
  (f) =>
    !/^src\/storage\/(migrations\/|schema\.ts)|^src\/demo\/content\.ts/.test(f) &&
    readFileSync(join(root, f), 'utf8').split('\n').length > 300,
);
const wide = code.reduce(
  (n, f) =>
    n +
    readFileSync(join(root, f), 'utf8')
      .split('\n')
      .filter((l) => l.length > 160).length,
  0,
);
console.log(`code: ${code.length} files, ${codeLines} lines (src/ and widget/, tests and test helpers apart)`);
console.log(`tests: ${tests.length} files, ${testLines} lines`);
console.log(`test-to-code ratio: ${(testLines / codeLines).toFixed(2)} (goal at least 0.60)`);
console.log(
  `files over 300 lines (migrations, schema and data apart): ${long.length}${long.length ? ` (${long.join(', ')})` : ''}`,
);
console.log(`lines over 160 characters: ${wide}`);
console.log(`import circles: ${importsCircles(importGraph(root, code)).length}`);

if (process.argv.includes('--by-folder')) {
  // tests are counted with the folder they sit in (test/ apart)
  const folderOf = (f: string) => (f.startsWith('widget/') ? 'widget' : (f.split('/')[1] ?? ''));
  const rows = new Map<string, { code: number; tests: number }>();
  for (const f of code) {
    const r = rows.get(folderOf(f)) ?? { code: 0, tests: 0 };
    r.code += lines(f);
    rows.set(folderOf(f), r);
  }
  for (const f of tests.filter((t) => t.startsWith('src/') || t.startsWith('widget/'))) {
    const r = rows.get(folderOf(f)) ?? { code: 0, tests: 0 };
    r.tests += lines(f);
    rows.set(folderOf(f), r);
  }
  for (const [folder, r] of [...rows].sort((a, b) => b[1].code - a[1].code)) {
    console.log(
      `${folder.padEnd(14)} code ${String(r.code).padStart(5)}  tests ${String(r.tests).padStart(5)}  ratio ${(r.tests / Math.max(1, r.code)).toFixed(2)}`,
    );
  }
}
