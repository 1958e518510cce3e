// bench:moderation: the community guidelines measured in one run, on data
// their training never saw where such data exists (see each line):
//   1. the frozen sets written for Parley (clean comments, spam, contrast pairs)
//      posted through the real posting path;
//   2. abuse and personal attacks on OLID, Fox News comments and SemEval's toxic spans;
//   3. English and full sentences on Lingua and Hinglish tweets;
//   4. the pipeline's speed on one core and the models' size.
// Needs ../shared/datasets for 2 and 3 (skipped with a message without them).
import { olidTweets, withoutTwitterMarks } from '../scripts/datasets.ts';
import { createGuidelines } from '../src/guidelines/guidelines.ts';
import { loadModels } from '../src/guidelines/models.ts';
import { datasetSkipReason } from '../src/shared/datasets.ts';
import { frozenSets, judgeFrozenSets, printFrozen } from './guidelines/frozen.ts';
import { languageFigures } from './guidelines/language.ts';
import { outsideFigures } from './guidelines/outside.ts';
import { speedFigures } from './guidelines/speed.ts';

const t0 = performance.now();
const models = loadModels();
const loadMs = performance.now() - t0;
const guidelines = createGuidelines({ model: models.guidelines });

printFrozen(await judgeFrozenSets());

const missing = datasetSkipReason('olid');
if (missing) console.log(`\n(data of others skipped: ${missing})`);
else {
  outsideFigures(guidelines, models.guidelines);
  languageFigures(models);
}

const sets = frozenSets();
const texts = [
  ...sets.clean.map((c) => c.text),
  ...sets.spam.map((s) => s.text),
  ...sets.contrast.map((c) => c.text),
  ...(missing
    ? []
    : olidTweets()
        .slice(0, 2000)
        .map((t) => withoutTwitterMarks(t.text))),
];
speedFigures(guidelines, texts, loadMs);
