import type { Classifier } from '../models.ts';
import { createClassifierCheck } from './classifier.ts';

// Guideline: "Comments cannot be abusive." Insults, slurs, obscenity and
// threats, whoever they are aimed at. Parley's own classifier, trained on OLID's
// "offensive" label (npm run train:moderation); quality and limits in
// docs/guidelines.md.

export function createAbusiveCheck(model: Classifier, threshold?: number) {
  return createClassifierCheck(model, 'This comment reads as abusive: insults, slurs or obscenity.', {
    threshold,
    needsTarget: false,
  });
}
