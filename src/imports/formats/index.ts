import type { Readable } from 'node:stream';
import type { ImportItem } from '../items.ts';
import type { XmlStats } from '../xml.ts';
import { readCommento } from './commento.ts';
import { readDisqus } from './disqus.ts';
import { readJsonl } from './jsonl.ts';
import { readRemark42 } from './remark42.ts';
import { readWordpress } from './wordpress.ts';

export const FORMATS = ['disqus', 'wordpress', 'commento', 'remark42', 'jsonl'] as const;
export type Format = (typeof FORMATS)[number];

export function reader(format: Format, stream: Readable, stats: XmlStats): AsyncIterable<ImportItem> {
  switch (format) {
    case 'disqus':
      return readDisqus(stream, stats);
    case 'wordpress':
      return readWordpress(stream, stats);
    case 'commento':
      return readCommento(stream);
    case 'remark42':
      return readRemark42(stream);
    case 'jsonl':
      return readJsonl(stream);
  }
}
