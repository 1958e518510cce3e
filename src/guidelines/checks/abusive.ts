import { defineCheck, setting } from '../check.ts';
import { type Classifier, classifier } from '../models.ts';
import { classifierVerdict, Threshold } from './classifier.ts';

// Guideline: "Comments cannot be abusive." Insults, slurs, obscenity and
// threats, whoever they are aimed at. Parley's own classifier, trained on OLID's
// "offensive" label (npm run train:moderation); quality and limits in
// docs/guidelines.md.

let loaded: Classifier | undefined;
/** The committed model, read when the check first runs. */
function model(): Classifier {
  loaded ??= classifier('abusive');
  return loaded;
}

export const abusiveCheck = defineCheck({
  name: 'abusive',
  rule: { decision: 'refuse', nudge: true, message: 'Comments cannot be abusive: please take out the insults.' },
  settings: { thresholds: { abusive: setting(Threshold, null) } },
  run: (p, _context, s) =>
    classifierVerdict(model(), p, 'This comment reads as abusive: insults, slurs or obscenity.', {
      threshold: s.thresholds.abusive,
      needsTarget: false,
    }),
});
