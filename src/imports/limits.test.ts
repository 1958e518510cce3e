import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { reader } from './formats/index.ts';
import { boundedLines } from './formats/lines.ts';
import { ImportFormatError, type ImportItem } from './items.ts';

// Hostile exports: a 100 MB line, XML nested a million deep, one element of
// 100 MB of text. Each stops with a clear error naming where, with the memory
// bounded, instead of a heap-limit crash.

const MiB = 1024 * 1024;

/** A stream of `count` chunks made by `chunk(i)`, produced as read (never held whole). */
function streamOf(count: number, chunk: (i: number) => string | Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < count; i++) yield typeof chunk === 'function' ? chunk(i) : chunk;
    })(),
    { objectMode: false },
  );
}

async function failure(items: AsyncIterable<ImportItem>): Promise<ImportFormatError> {
  try {
    for await (const _ of items) {
      // read on
    }
  } catch (err) {
    if (err instanceof ImportFormatError) return err;
    throw err;
  }
  throw new Error('the import did not stop');
}

describe('import limits', () => {
  it('splits lines across chunks, multi-byte characters and CRLF included', async () => {
    const bytes = Buffer.from('{"a":"é"}\r\n\n{"b":"日本"}\n{"c":1}');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const lines: string[] = [];
    for await (const { text, line } of boundedLines(streamOf(chunks.length, (i) => chunks[i]!)))
      lines.push(`${line}:${text}`);
    assert.deepEqual(lines, ['1:{"a":"é"}', '2:', '3:{"b":"日本"}', '4:{"c":1}']);
  });

  it('a JSON-lines file of one 100 MB line stops at the limit with the line and byte', async () => {
    const before = process.memoryUsage().heapUsed;
    const ok = Buffer.from('{"type":"thread","id":"t1","url":"https://news.test/a"}\n');
    const big = Buffer.alloc(MiB, 'a');
    const err = await failure(
      reader(
        'jsonl',
        streamOf(101, (i) => (i === 0 ? ok : big)),
        { invalidCharacters: 0 },
      ),
    );
    assert.equal(err.message, `a line longer than 32 MiB (at line 2, byte ${ok.length + 1})`);
    assert.ok(process.memoryUsage().heapUsed - before < 200 * MiB);
  });

  it('the same on remark42 exports', async () => {
    const err = await failure(
      reader(
        'remark42',
        streamOf(40, () => Buffer.alloc(MiB, 'x')),
        { invalidCharacters: 0 },
      ),
    );
    assert.match(err.message, /line 1, byte 1/);
  });

  it('XML nested a million deep stops at 200 levels, naming the line and column', async () => {
    const open = '<a>'.repeat(10_000);
    const err = await failure(
      reader(
        'wordpress',
        streamOf(101, (i) => (i === 0 ? '<?xml version="1.0"?>\n<rss>' : open)),
        {
          invalidCharacters: 0,
        },
      ),
    );
    assert.match(err.message, /elements nested deeper than 200 \(at line 2, column \d+\)/);
  });

  it('one XML element of 100 MB of text stops at 16 MiB', async () => {
    const err = await failure(
      reader(
        'disqus',
        streamOf(101, (i) => (i === 0 ? '<?xml version="1.0"?>\n<disqus><post><message>' : 'x'.repeat(MiB))),
        { invalidCharacters: 0 },
      ),
    );
    assert.match(err.message, /the text of <message> is longer than 16 MiB \(at line 2, column \d+\)/);
  });
});
