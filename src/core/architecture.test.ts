import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { importGraph, importsCircles, sourceFiles } from './architecture.ts';

// The house rules of docs/architecture.md, checked on the code itself, so that
// the map stays true and the shape does not drift back.

const root = new URL('../../', import.meta.url).pathname;
const src = join(root, 'src');
const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');

/** The map's rows: folder → tables it writes. */
function mapRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const m of doc.matchAll(/^\|\s*`([a-z-]+)\/`[^|]*\|[^|]*\|([^|]*)\|\s*$/gm)) {
    rows.set(
      m[1]!,
      [...m[2]!.matchAll(/`([a-z_]+)`/g)].map((t) => t[1]!),
    );
  }
  return rows;
}

const srcFolders = readdirSync(src).filter((f) => statSync(join(src, f)).isDirectory());
const code = sourceFiles(root).filter((f) => !f.endsWith('.test.ts'));
const read = (f: string) => readFileSync(join(root, f), 'utf8');

describe('the architecture', () => {
  it('names every folder under src/ in docs/architecture.md, and every folder it names exists', () => {
    const named = [...mapRows().keys()].filter((f) => f !== 'widget');
    assert.deepEqual([...named].sort(), [...srcFolders].sort());
  });

  it('writes each table from its owner alone, and only in a repository', () => {
    const owner = new Map<string, string>();
    for (const [folder, tables] of mapRows()) for (const t of tables) owner.set(t, folder);
    const wrongs: string[] = [];
    for (const file of code.filter((f) => f.startsWith('src/') && !f.startsWith('src/storage/migrations/'))) {
      for (const m of read(file).matchAll(/\b(?:insertInto|updateTable|deleteFrom|replaceInto)\(\s*'([a-z_]+)/g)) {
        const table = m[1]!;
        const folder = file.split('/')[1]!;
        const expected = owner.get(table);
        if (!expected) wrongs.push(`${file}: writes ${table}, which the map gives to no folder`);
        else if (expected !== folder) wrongs.push(`${file}: writes ${table}, which belongs to ${expected}/`);
        else if (!file.endsWith('.repository.ts') && folder !== 'storage')
          wrongs.push(`${file}: writes ${table} outside a repository`);
      }
    }
    assert.deepEqual(wrongs, []);
  });

  it('keeps SQL in repositories and storage/', () => {
    const sqlish = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom)\(|\bsql`|\.prepare\(/;
    const outside = code.filter(
      (f) =>
        f.startsWith('src/') &&
        !f.startsWith('src/storage/') &&
        !f.endsWith('.repository.ts') &&
        !f.endsWith('testing.ts') &&
        sqlish.test(read(f)),
    );
    assert.deepEqual(outside, []);
  });

  it('has no file over 300 lines outside migrations, the schema and data', () => {
    const data = [/^src\/storage\/migrations\//, /^src\/storage\/schema\.ts$/, /^src\/demo\/content\.ts$/];
    const long = code
      .filter((f) => !data.some((d) => d.test(f)))
      .map((f) => ({ f, lines: read(f).split('\n').length }))
      .filter((x) => x.lines > 300)
      .map((x) => `${x.f}: ${x.lines} lines`);
    assert.deepEqual(long, []);
  });

  it('has no import circles', () => {
    const circles = importsCircles(importGraph(root, code));
    assert.deepEqual(
      circles.map((c) => c.join(' → ')),
      [],
    );
  });

  it('tests every folder under src/', () => {
    const untested = srcFolders.filter(
      (folder) => !sourceFiles(root).some((f) => f.startsWith(`src/${folder}/`) && f.endsWith('.test.ts')),
    );
    assert.deepEqual(untested, []);
  });

  it('finds the files it reads', () => {
    // a guard for the checks above: they pass vacuously on an empty list
    assert.ok(code.length > 100, relative(root, src));
  });
});
