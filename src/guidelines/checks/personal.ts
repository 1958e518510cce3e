import type { Classifier } from '../models.ts';
import { createClassifierCheck } from './classifier.ts';

// Guideline: "Comments cannot be personal." An attack aimed at a person (another
// reader, the writer, a public figure as a person) rather than at what they
// said or did. Trained on OLID's "targeted insult at an individual"; insults of
// groups, institutions and ideas are its negatives, so "this policy is a
// disgrace" is not personal (it may still be abusive).

export function createPersonalCheck(model: Classifier, threshold?: number) {
  return createClassifierCheck(
    model,
    'This comment reads as a personal attack: it goes after a person, not the argument.',
    { threshold, needsTarget: true },
  );
}
