import { type Kysely, sql } from 'kysely';
import { createBatcher } from '../storage/batcher.ts';
import type { Database } from '../storage/schema.ts';
import { type NewComment, newRow } from './comment-rows.repository.ts';

// Posting on PostgreSQL: every round trip costs a network hop and a wait for a
// pooled connection, and every commit a WAL flush. So a post is one statement
// (its own transaction): the rows, the stories' counts and the parents' reply
// counts in one data-modifying WITH. Posts arriving while a batch is being
// written go together in the next one: one statement, one commit, one flush.

const COLUMNS = sql.raw(
  'id, site_id, story_id, parent_id, display_parent_id, root_id, depth, author_id, author_name, body, body_html, status, status_reason, moderation, featured, reaction_count, reply_count, content_hash, idempotency_key, created_at, edited_at',
);

export function postgresPosting(db: Kysely<Database>) {
  async function write(comments: NewComment[]): Promise<void> {
    const rows = JSON.stringify(comments.map(newRow));
    await sql`
      with ins as (
        insert into comments (${COLUMNS})
        select ${COLUMNS} from json_populate_recordset(null::comments, ${rows}::json)
        returning story_id, parent_id, status, created_at
      ),
      counted_stories as (
        update stories set comment_count = comment_count + x.n, last_comment_at = x.last
        from (select story_id, count(*)::int as n, max(created_at) as last from ins
              where status = 'published' group by story_id) x
        where stories.id = x.story_id
      ),
      counted_parents as (
        update comments set reply_count = comments.reply_count + x.n
        from (select parent_id, count(*)::int as n from ins
              where status = 'published' and parent_id is not null group by parent_id) x
        where comments.id = x.parent_id
      )
      select count(*)::int as n from ins`.execute(db);
  }
  const batcher = createBatcher<NewComment>({
    writeBatch: write,
    writeOne: (c) => write([c]),
    max: 200,
  });
  return {
    insert: (c: NewComment) => batcher.write(c),
    async duplicateId(q: {
      authorId: string;
      storyId: string;
      parentId: string | null;
      contentHash: string;
      since: string;
    }): Promise<string | undefined> {
      const r = await sql<{ id: string }>`
        select id from comments where author_id = ${q.authorId} and story_id = ${q.storyId}
        and content_hash = ${q.contentHash} and created_at >= ${q.since} and status != 'deleted'
        and coalesce(parent_id, '') = ${q.parentId ?? ''} order by created_at limit 1`.execute(db);
      return r.rows[0]?.id;
    },
  };
}
