import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { splitOf } from '../../src/guidelines/language-model.ts';
import { youHash } from '../../src/guidelines/model/features.ts';
import { tokenize } from '../../src/guidelines/model/tokens.ts';
import { datasetsDir } from '../../src/shared/datasets.ts';
import {
  davidsonTweets,
  foxComments,
  olidTweets,
  parseDelimited,
  toxicSpansPosts,
  withoutTwitterMarks,
} from '../datasets.ts';

// The labelled data of ../shared/datasets as documents (abusive / personal attack) and as
// tagger posts (per-character typed span votes), each with its fixed split. Nothing is copied.

export type Split = 'train' | 'dev' | 'test';
export type SetName = 'olid' | 'davidson' | 'tsd' | 'fox' | 'convabuse' | 'stormfront' | 'ethos';
export interface Doc {
  set: SetName;
  split: Split;
  text: string;
  /** 1 abusive, 0 not */
  abusive: 0 | 1;
  /** 1 a personal attack, 0 not, undefined unknown */
  personal?: 0 | 1 | undefined;
}
/** A post for the tagger: per character, the share of raters marking it with each of the 5 types. */
export interface TagPost {
  split: Split;
  text: string;
  /** length text.length × 5, shares 0..1 */
  votes: Float32Array;
}

/** Fox News threads kept apart (by title), fixed so figures are comparable: two for test, one for dev. */
export const FOX_TEST_THREADS = [
  'First lady Obama takes swipe at Trump',
  'Navy names ship after gay rights advocate Harvey Milk',
];
export const FOX_DEV_THREAD = 'States moving to restore work requirements for food stamp recipients';
const foxSplit = (title: string): Split =>
  FOX_TEST_THREADS.includes(title) ? 'test' : title === FOX_DEV_THREAD ? 'dev' : 'train';

const gz = (path: string) => gunzipSync(readFileSync(`${datasetsDir}${path}`)).toString('utf8');
const csvGz = (path: string, sep = ',') => {
  const rows = parseDelimited(gz(path), sep);
  const head = rows[0]!;
  return rows.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
};
const addressed = (text: string) => tokenize(text).some((t) => youHash.has(t.h));

function olid(): Doc[] {
  return olidTweets().map((t) => ({
    set: 'olid',
    split: splitOf(t.text),
    text: withoutTwitterMarks(t.text),
    abusive: t.a === 'OFF' ? 1 : 0,
    personal: t.c === 'IND' ? 1 : 0,
  }));
}

// Davidson has no individual target labels: a second-person offensive tweet counts as a personal attack
function davidson(): Doc[] {
  return davidsonTweets().map((t) => {
    const text = withoutTwitterMarks(t.text);
    const abusive = t.cls === 2 ? 0 : 1;
    return { set: 'davidson', split: splitOf(t.text), text, abusive, personal: abusive && addressed(text) ? 1 : 0 };
  });
}

function fox(): Doc[] {
  return foxComments().map((c) => ({
    set: 'fox',
    split: foxSplit(c.title),
    text: c.text,
    abusive: c.label,
    personal: c.label && addressed(c.text) ? 1 : 0,
  }));
}

// ConvAbuse: the majority of a row's annotators; abuse aimed at the bot ("you") or a person is personal
function convabuse(): Doc[] {
  const out: Doc[] = [];
  for (const [file, split] of [
    ['train', 'train'],
    ['valid', 'dev'],
    ['test', 'test'],
  ] as const) {
    for (const r of csvGz(`convabuse/convabuse_${file}.csv.gz`)) {
      let n = 0,
        abuse = 0,
        aimed = 0;
      for (let a = 1; a <= 8; a++) {
        const p = `Annotator${a}_`;
        if (r[`${p}is_abuse.1`] === '' || r[`${p}is_abuse.1`] === undefined) continue;
        n++;
        if (['-1', '-2', '-3'].some((s) => r[`${p}is_abuse.${s}`] === '1')) {
          abuse++;
          if (r[`${p}target.individual`] === '1' || r[`${p}target.system`] === '1') aimed++;
        }
      }
      if (!n || !r.user) continue;
      const abusive = abuse * 2 > n ? 1 : 0;
      out.push({ set: 'convabuse', split, text: r.user, abusive, personal: abusive && aimed * 2 > abuse ? 1 : 0 });
    }
  }
  return out;
}

function stormfront(): Doc[] {
  return csvGz('stormfront/stormfront.csv.gz')
    .filter((r) => r.label === 'hate' || r.label === 'noHate')
    .map((r) => ({
      set: 'stormfront',
      split: splitOf(r.text!),
      text: r.text!,
      abusive: r.label === 'hate' ? 1 : 0,
      personal: 0,
    }));
}

function ethos(): Doc[] {
  const read = (f: string) => parseDelimited(readFileSync(`${datasetsDir}ethos/${f}`, 'utf8'), ';').slice(1);
  const directed = new Map(read('Ethos_Dataset_Multi_Label.csv').map((r) => [r[0]!, Number(r[2])]));
  return read('Ethos_Dataset_Binary.csv').map((r) => {
    const abusive = Number(r[1]) >= 0.5 ? 1 : 0;
    return {
      set: 'ethos',
      split: splitOf(r[0]!),
      text: r[0]!,
      abusive,
      personal: abusive && (directed.get(r[0]!) ?? 0) >= 0.5 ? 1 : 0,
    };
  });
}

const TYPE_OF = (t: string) => ['Ins', 'Thr', 'Ide', 'Pro', 'Oth'].findIndex((p) => t.startsWith(p));

/**
 * Toxic spans (per rater, ACL 2022 release) for the posts of SemEval's splits: train for training, trial as dev,
 * test never trained on. Documents: abusive unless most raters said "not toxic"; personal when most marked an insult.
 * Posts outside SemEval's splits are training documents only (not tagger data).
 */
function toxicSpans(): { docs: Doc[]; posts: TagPost[] } {
  const splitOfText = new Map<string, Split>();
  for (const [f, s] of [
    ['train', 'train'],
    ['trial', 'dev'],
    ['test', 'test'],
  ] as const)
    for (const p of toxicSpansPosts(f)) splitOfText.set(p.text, s);
  const comments = new Map(csvGz('toxic-spans/comments.csv.gz').map((r) => [r.comment_id!, r.comment_text!]));
  const raters = new Map<string, { id: string; notToxic: boolean }[]>();
  for (const r of csvGz('toxic-spans/annotations.csv.gz')) {
    const list = raters.get(r.comment_id!) ?? [];
    list.push({ id: r.annotation!, notToxic: r['not toxic'] === 'True' });
    raters.set(r.comment_id!, list);
  }
  const spans = new Map<string, { type: number; start: number; end: number }[]>();
  for (const r of csvGz('toxic-spans/spans.csv.gz')) {
    const type = TYPE_OF(r.type!);
    if (type < 0) continue;
    const list = spans.get(r.annotation!) ?? [];
    list.push({ type, start: Number(r.start), end: Number(r.end) });
    spans.set(r.annotation!, list);
  }
  const docs: Doc[] = [],
    posts: TagPost[] = [];
  for (const [id, text] of comments) {
    const rs = raters.get(id);
    if (!rs?.length) continue;
    const split: Split = splitOfText.get(text) ?? 'train';
    const votes = new Float32Array(text.length * 5);
    let insulted = 0;
    for (const r of rs) {
      const mine = spans.get(r.id) ?? [];
      if (mine.some((s) => s.type === 0)) insulted++;
      const mark = new Uint8Array(text.length * 5);
      for (const s of mine)
        for (let c = Math.max(0, s.start); c < Math.min(text.length, s.end); c++) mark[c * 5 + s.type] = 1;
      for (let i = 0; i < mark.length; i++) votes[i] = votes[i]! + mark[i]! / rs.length;
    }
    const notToxic = rs.filter((r) => r.notToxic).length;
    docs.push({
      set: 'tsd',
      split,
      text,
      abusive: notToxic * 2 > rs.length ? 0 : 1,
      personal: insulted * 2 > rs.length ? 1 : 0,
    });
    if (splitOfText.has(text)) posts.push({ split, text, votes });
  }
  return { docs, posts };
}

export interface Corpus {
  docs: Doc[];
  posts: TagPost[];
  /** SemEval-2021 Task 5's official test file (never trained on): the span figures */
  tsdTest: { text: string; offsets: number[] }[];
}

/** Every set of ../shared/datasets this model learns from. Deterministic order. */
export function loadCorpus(): Corpus {
  const t = toxicSpans();
  return {
    docs: [...olid(), ...davidson(), ...t.docs, ...fox(), ...convabuse(), ...stormfront(), ...ethos()],
    posts: t.posts,
    tsdTest: toxicSpansPosts('test'),
  };
}
