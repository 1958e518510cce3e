import type { EditableArticle } from './newsroom.repository.ts';

/** What an editor sees in lists: the workflow state in one word. */
export type WorkflowState = 'draft' | 'scheduled' | 'published' | 'unpublished';

export const workflowState = (a: Pick<EditableArticle, 'status' | 'scheduledAt' | 'publishedAt'>): WorkflowState =>
  a.status === 'published' ? 'published' : a.scheduledAt ? 'scheduled' : a.publishedAt ? 'unpublished' : 'draft';
