import type { CommentStatus } from '../storage/schema.ts';

// Which moderators' decisions teach the site's model, and what. An approval
// of a comment the guidelines held or refused says it is fine (an upheld
// appeal too); a refusal for abuse or a personal attack says it is not, most
// tellingly when the guidelines had published it. Other decisions (spam,
// language, featuring) say nothing about abuse and are not kept.

export interface DecisionFacts {
  /** the comment's status before the decision */
  status: CommentStatus;
  /** the author appealed a refusal */
  appealed: boolean;
  action: string;
  /** the refusal reason's code */
  reason?: string | undefined;
}

export interface ExampleLabels {
  abusive: 0 | 1;
  personal: 0 | 1 | null;
  source: 'approved-held' | 'approved-refused' | 'appeal-upheld' | 'refused-published' | 'refused-held';
}

export function labelsOf(d: DecisionFacts): ExampleLabels | undefined {
  if (d.action === 'approve' || d.action === 'approve_trust') {
    if (d.status === 'pending') return { abusive: 0, personal: 0, source: 'approved-held' };
    if (d.status === 'rejected')
      return { abusive: 0, personal: 0, source: d.appealed ? 'appeal-upheld' : 'approved-refused' };
    return undefined;
  }
  if (d.action === 'refuse' && (d.reason === 'abusive' || d.reason === 'personal')) {
    const source = d.status === 'published' ? 'refused-published' : 'refused-held';
    // a personal attack is abuse aimed at a person; plain abuse says nothing of its target
    return d.reason === 'personal' ? { abusive: 1, personal: 1, source } : { abusive: 1, personal: null, source };
  }
  return undefined;
}
