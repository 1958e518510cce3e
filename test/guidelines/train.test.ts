import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Corpus, Doc, Split, TagPost } from '../../scripts/guidelines/data.ts';
import { DEFAULT_OPTIONS, trainModel } from '../../scripts/guidelines/pipeline.ts';
import { loadModel, saveModel } from '../../src/guidelines/model/format.ts';
import { judge } from '../../src/guidelines/model/spans.ts';

// The training pipeline end to end on a tiny made-up corpus (no ../shared/datasets needed): the file it
// writes loads, and it tells obvious insults from obvious civility.

const INSULTS = ['idiot', 'moron', 'imbecile', 'clown', 'fool'];
const TOPICS = ['the budget', 'the new bridge', 'the council vote', 'the school plan', 'the tax rise', 'the election'];
const CIVIL = ['I think', 'It seems to me', 'Honestly', 'In my view', 'Good point, but'];

function corpus(): Corpus {
  const docs: Doc[] = [],
    posts: TagPost[] = [];
  let n = 0;
  const split = (): Split => (n % 5 === 3 ? 'dev' : n % 5 === 4 ? 'test' : 'train');
  for (const topic of TOPICS)
    for (const [i, w] of INSULTS.entries())
      for (const opener of CIVIL) {
        n++;
        const s = split();
        const set = n % 2 ? 'fox' : 'olid';
        const abusive = `${opener} you are a ${w} about ${topic}`;
        docs.push({ set, split: s, text: abusive, abusive: 1, personal: 1 });
        docs.push({ set, split: s, text: `${opener} ${topic} is a sensible idea (${i})`, abusive: 0, personal: 0 });
        const votes = new Float32Array(abusive.length * 5);
        const at = abusive.lastIndexOf(w);
        for (let c = at; c < at + w.length; c++) votes[c * 5] = 1;
        posts.push({ split: s, text: abusive, votes });
      }
  return { docs, posts, tsdTest: [] };
}

describe('training the guidelines model', () => {
  it('writes a model that loads and separates obvious examples', () => {
    const { model } = trainModel(corpus(), {
      ...DEFAULT_OPTIONS,
      folds: 2,
      buckets: { doc: 1 << 12, pdoc: 1 << 11, tagger: 1 << 12 },
      docOpts: { epochs: 3, rate: 0.1, l2: 1e-6 },
      tagOpts: { epochs: 3, rate: 0.2, l2: 1e-6 },
    });
    const loaded = loadModel(saveModel(model));
    assert.equal(loaded.doc.buckets, 1 << 12);
    assert.equal(loaded.meta.trained, 'scripts/guidelines/train.ts');
    const bad = judge(loaded, 'Frankly you are a moron about the park');
    const good = judge(loaded, 'Frankly the park is a sensible idea');
    assert.ok(bad.abuse > 0.7, `abusive: ${bad.abuse}`);
    assert.ok(good.abuse < 0.3, `clean: ${good.abuse}`);
    assert.ok(bad.personal > good.personal);
    assert.ok(
      bad.spans.some((s) => s.start === 'Frankly you are a '.length),
      JSON.stringify(bad.spans),
    );
    assert.ok(loaded.bands.abuse.hold <= loaded.bands.abuse.refuse);
  });
});
