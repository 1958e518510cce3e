import { defineCheck, setting } from '../check.ts';
import { type Classifier, classifier } from '../models.ts';
import { classifierVerdict, Threshold } from './classifier.ts';

// Guideline: "Comments cannot be personal." An attack aimed at a person (another
// reader, the writer, a public figure as a person) rather than at what they
// said or did. Trained on OLID's "targeted insult at an individual"; insults of
// groups, institutions and ideas are its negatives, so "this policy is a
// disgrace" is not personal (it may still be abusive).

let loaded: Classifier | undefined;
/** The committed model, read when the check first runs. */
function model(): Classifier {
  loaded ??= classifier('personal');
  return loaded;
}

export const personalCheck = defineCheck({
  name: 'personal',
  rule: {
    decision: 'refuse',
    nudge: true,
    message: 'Comments cannot be personal: argue with the point, not the person.',
  },
  settings: { thresholds: { personal: setting(Threshold, null) } },
  run: (p, _context, s) =>
    classifierVerdict(
      model(),
      p,
      'This comment reads as a personal attack: it goes after a person, not the argument.',
      { threshold: s.thresholds.personal, needsTarget: true },
    ),
});
