import { defineCheck, setting } from '../check.ts';
import { classifier } from '../models.ts';
import { classifierVerdict, Threshold } from './classifier.ts';

// Guideline: "Comments cannot be abusive." Insults, slurs, obscenity and
// threats, whoever they are aimed at. Parley's own classifier, trained on OLID's
// "offensive" label (npm run train:moderation); quality and limits in
// docs/guidelines.md.

export const abusiveCheck = defineCheck({
  name: 'abusive',
  rule: { decision: 'refuse', nudge: true, message: 'Comments cannot be abusive: please take out the insults.' },
  settings: { thresholds: { abusive: setting(Threshold, null) } },
  run: (p, _context, s) =>
    classifierVerdict(classifier('abusive'), p, 'This comment reads as abusive: insults, slurs or obscenity.', {
      threshold: s.thresholds.abusive,
      needsTarget: false,
    }),
});
