import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { createBulkRepository } from './bulk.repository.ts';
import { createChangesRepository } from './changes.repository.ts';
import { createPostingRepository } from './posting.repository.ts';
import { createReactionsRepository } from './reactions.repository.ts';
import { createThreadsRepository } from './threads.repository.ts';

export type { ImportedCommentRow } from './bulk.repository.ts';
export type { Comment, Cursor, NewComment, Sort } from './comment-rows.repository.ts';
export { cursorOf } from './comment-rows.repository.ts';

// The one writer of comments, their revisions, reactions and reports: one
// object for the features, put together from a file per topic.

export function createCommentsRepository(storage: {
  db: Kysely<Database>;
  sqlite?: import('better-sqlite3').Database | undefined;
  engine?: 'sqlite' | 'postgres';
}) {
  return {
    ...createThreadsRepository(storage),
    ...createPostingRepository(storage),
    ...createChangesRepository(storage),
    ...createReactionsRepository(storage),
    ...createBulkRepository(storage),
  };
}

export type CommentsRepository = ReturnType<typeof createCommentsRepository>;
