import { defineCheck, setting } from '../check.ts';
import { classifier } from '../models.ts';
import { classifierVerdict, Threshold } from './classifier.ts';

// Guideline: "Comments cannot be personal." An attack aimed at a person (another
// reader, the writer, a public figure as a person) rather than at what they
// said or did. Trained on OLID's "targeted insult at an individual"; insults of
// groups, institutions and ideas are its negatives, so "this policy is a
// disgrace" is not personal (it may still be abusive).

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
      classifier('personal'),
      p,
      'This comment reads as a personal attack: it goes after a person, not the argument.',
      { threshold: s.thresholds.personal, needsTarget: true },
    ),
});
