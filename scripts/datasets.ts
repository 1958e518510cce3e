import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { datasetsDir } from '../src/shared/datasets.ts';

// Readers for the shared datasets' formats (see ../shared/datasets/README.md).

export interface HinglishTweet {
  id: string;
  text: string;
  tokens: { token: string; tag: string }[];
}

/** SemEval-2020 SentiMix: a "meta <id> <sentiment>" line, then "token<TAB>tag" lines. */
export function hinglishTweets(): HinglishTweet[] {
  const out: HinglishTweet[] = [];
  let cur: HinglishTweet | undefined;
  for (const raw of readFileSync(`${datasetsDir}hinglish/Hinglish_train_14k_split_conll.txt`, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    const parts = line.split('\t');
    // "meta" is also a word in some tweets: a header has a numeric id and a sentiment
    if (parts[0] === 'meta' && parts.length === 3 && /^\d+$/.test(parts[1]!)) {
      if (cur) out.push(cur);
      cur = { id: parts[1]!, text: '', tokens: [] };
      continue;
    }
    if (cur && parts[0]) cur.tokens.push({ token: parts[0], tag: parts[1] ?? 'O' });
  }
  if (cur) out.push(cur);
  for (const t of out) t.text = t.tokens.map((x) => x.token).join(' ');
  return out;
}

export interface OlidTweet {
  id: string;
  text: string;
  a: 'OFF' | 'NOT';
  b: 'TIN' | 'UNT' | 'NULL';
  c: 'IND' | 'GRP' | 'OTH' | 'NULL';
}

/**
 * Rows of a delimited file with CSV-style quoting: a field may start with a
 * quote, inner quotes are doubled, and quoted fields may hold delimiters and
 * line breaks. CRLF or LF line ends.
 */
export function parseDelimited(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** OLID: tab-separated with CSV-style quoting and CRLF line ends. */
export function olidTweets(): OlidTweet[] {
  const rows = parseDelimited(readFileSync(`${datasetsDir}olid/olid-training-v1.0.tsv`, 'utf8'), '\t');
  return rows.slice(1).map((r) => ({
    id: r[0]!,
    text: r[1]!,
    a: r[2] as OlidTweet['a'],
    b: r[3] as OlidTweet['b'],
    c: r[4] as OlidTweet['c'],
  }));
}

/** Davidson et al.: CSV ",count,hate_speech,offensive_language,neither,class,tweet". */
export function davidsonTweets(): { text: string; cls: 0 | 1 | 2 }[] {
  const rows = parseDelimited(readFileSync(`${datasetsDir}davidson/labeled_data.csv`, 'utf8'), ',');
  return rows
    .filter((r) => r.length >= 7 && /^\d+$/.test(r[0]!))
    .map((r) => ({
      text: r.slice(6).join(',').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      cls: Number(r[5]) as 0 | 1 | 2,
    }));
}

/** Tweets without what only tweets have: mentions, RT, links, hashtag marks, OLID placeholders. */
export function withoutTwitterMarks(text: string): string {
  return text
    .replace(/@USER|URL|\bRT\b/g, ' ')
    .replace(/https?\S+|https \/\/ \S+/g, ' ')
    .replace(/@ ?\w+/g, ' ')
    .replace(/#(\w+)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Fox News comments (Gao & Huang 2017): gzip'd JSON Lines, label 1 hateful. */
export function foxComments(): { title: string; text: string; label: 0 | 1 }[] {
  return gunzipSync(readFileSync(`${datasetsDir}fox-news-comments/fox-news-comments.jsonl.gz`))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { title: string; text: string; label: 0 | 1 });
}

/** SemEval-2021 Task 5 (toxic spans): "spans,text", spans a JSON list of character offsets. */
export function toxicSpansPosts(split: 'train' | 'trial' | 'test'): { text: string; offsets: number[] }[] {
  const csv = gunzipSync(readFileSync(`${datasetsDir}toxic-spans/semeval2021_tsd_${split}.csv.gz`)).toString('utf8');
  return parseDelimited(csv, ',')
    .slice(1)
    .map((r) => ({ offsets: JSON.parse(r[0]!) as number[], text: r.slice(1).join(',') }));
}
