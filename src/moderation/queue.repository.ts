import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/schema.ts';
import {
  containsPattern,
  failedCheckPattern,
  maxScore,
  oldestFirst,
  QUEUES,
  type Queue,
  type QueueItem,
  type QueueQuery,
  reporterWeight,
  reportsByReason,
  reportWeight,
} from './queues.ts';

// The queues: comments with their story, parent, reports and the author's
// record, read for the moderators (the comments are written by comments/).

const itemColumns = [
  'c.id',
  'c.version',
  'c.story_id',
  's.title as story_title',
  's.url as story_url',
  'c.parent_id',
  'p.body as parent_body',
  'c.author_id',
  'c.author_name',
  'c.body_html',
  'c.status',
  'c.status_reason',
  'c.moderation',
  'c.featured',
  'c.created_at',
  'c.moderated_by',
  'c.moderated_at',
  'c.appeal',
] as const;

export function createQueueRepository({ db }: { db: Kysely<Database> }) {
  function base() {
    return db
      .selectFrom('comments as c')
      .innerJoin('stories as s', 's.id', 'c.story_id')
      .leftJoin('comments as p', 'p.id', 'c.parent_id')
      .select(itemColumns);
  }

  type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

  async function withReports(rows: Row[]): Promise<QueueItem[]> {
    const ids = rows.map((r) => r.id);
    const reports = ids.length
      ? await db
          .selectFrom('reports as r')
          .select(['r.comment_id', 'r.reason', 'r.user_id'])
          .where('r.comment_id', 'in', ids)
          .execute()
      : [];
    const reporters = [...new Set(reports.map((r) => r.user_id))];
    const record = reporters.length
      ? await db
          .selectFrom('reports as r')
          .innerJoin('comments as c', 'c.id', 'r.comment_id')
          .select([
            'r.user_id',
            sql<number>`sum(case when c.status = 'rejected' then 1 else 0 end)`.as('upheld'),
            sql<number>`sum(case when c.moderated_at is not null then 1 else 0 end)`.as('decided'),
          ])
          .where('r.user_id', 'in', reporters)
          .groupBy('r.user_id')
          .execute()
      : [];
    const weight = new Map(record.map((r) => [r.user_id, reporterWeight(Number(r.upheld), Number(r.decided))]));
    const authors = [...new Set(rows.map((r) => r.author_id).filter((a): a is string => a !== null))];
    const records = authors.length
      ? await db
          .selectFrom('comments')
          .select(['author_id', 'status', sql<number>`count(*)`.as('n')])
          .where('author_id', 'in', authors)
          .groupBy(['author_id', 'status'])
          .execute()
      : [];
    const recordOf = (id: string | null) =>
      Object.fromEntries(records.filter((r) => r.author_id === id).map((r) => [r.status, Number(r.n)]));
    return rows.map((r) => ({
      id: r.id,
      version: Number(r.version ?? 0),
      storyId: r.story_id,
      storyTitle: r.story_title,
      storyUrl: r.story_url,
      parentId: r.parent_id,
      parentExcerpt: r.parent_body ? r.parent_body.slice(0, 200) : null,
      authorId: r.author_id,
      authorName: r.author_name,
      bodyHtml: r.body_html,
      status: r.status,
      statusReason: r.status_reason,
      moderation: r.moderation,
      featured: r.featured === 1,
      createdAt: r.created_at,
      moderatedBy: r.moderated_by ?? null,
      moderatedAt: r.moderated_at ?? null,
      appeal: r.appeal ?? null,
      authorRecord: recordOf(r.author_id),
      reports: reportsByReason(
        reports.filter((x) => x.comment_id === r.id).map((x) => ({ reason: x.reason, userId: x.user_id })),
        (userId) => weight.get(userId),
      ),
    }));
  }

  /** The comments of a queue, with its filters: the lists and their counts share it. */
  function matching(q: Omit<QueueQuery, 'limit' | 'minScore'>) {
    let query = db
      .selectFrom('comments as c')
      .innerJoin('stories as s', 's.id', 'c.story_id')
      .where('c.site_id', '=', q.siteId);
    switch (q.queue) {
      case 'pending':
        query = query.where('c.status', '=', 'pending');
        break;
      case 'reported':
        // Reports that came after the last decision (or with none yet).
        query = query.where('c.status', '=', 'published').where((eb) =>
          eb.exists(
            eb
              .selectFrom('reports as r')
              .select('r.comment_id')
              .whereRef('r.comment_id', '=', 'c.id')
              .where((e2) =>
                e2.or([e2('c.moderated_at', 'is', null), e2('r.created_at', '>', e2.ref('c.moderated_at'))]),
              ),
          ),
        );
        break;
      case 'unmoderated':
        query = query.where('c.status', '=', 'published').where('c.moderated_at', 'is', null);
        break;
      case 'approved':
        query = query.where('c.status', '=', 'published').where('c.moderated_at', 'is not', null);
        break;
      case 'refused':
        query = query.where('c.status', '=', 'rejected');
        break;
      case 'appeals':
        query = query
          .where('c.status', '=', 'rejected')
          .where('c.appealed_at', 'is not', null)
          .where((eb) =>
            eb.or([eb('c.moderated_at', 'is', null), eb('c.appealed_at', '>=', eb.ref('c.moderated_at'))]),
          );
        break;
    }
    if (q.storyId) query = query.where('c.story_id', '=', q.storyId);
    if (q.sectionId)
      query = query.where('s.article_id', 'in', (eb) =>
        eb.selectFrom('articles').select('id').where('section_id', '=', q.sectionId!),
      );
    if (q.check) query = query.where('c.moderation', 'like', failedCheckPattern(q.check));
    if (q.text) query = query.where(sql<string>`lower(c.body)`, 'like', containsPattern(q.text));
    if (q.author) query = query.where(sql<string>`lower(c.author_name)`, 'like', containsPattern(q.author));
    if (q.before) query = query.where('c.created_at', '<', q.before);
    return query;
  }

  return {
    async queue(q: QueueQuery): Promise<QueueItem[]> {
      const query = matching(q).leftJoin('comments as p', 'p.id', 'c.parent_id').select(itemColumns);
      // A score lives in the stored JSON: read more rows and keep the ones that reach it.
      const rows = await query
        .orderBy('c.created_at', oldestFirst(q.queue) ? 'asc' : 'desc')
        .orderBy('c.id')
        .limit(q.minScore === undefined ? q.limit : q.limit * 5)
        .execute();
      const kept =
        q.minScore === undefined
          ? rows
          : rows.filter((r) => maxScore(r.moderation, q.check) >= q.minScore!).slice(0, q.limit);
      const items = await withReports(kept);
      // Reported: the best-founded reports first (reporters whose reports were upheld weigh more).
      if (q.queue === 'reported') items.sort((a, b) => reportWeight(b) - reportWeight(a));
      return items;
    },

    async item(siteId: string, id: string): Promise<QueueItem | undefined> {
      const rows = await base().where('c.site_id', '=', siteId).where('c.id', '=', id).execute();
      return (await withReports(rows))[0];
    },

    async counts(siteId: string): Promise<Record<Queue, number>> {
      const out = {} as Record<Queue, number>;
      for (const queue of QUEUES) {
        // Capped: "1000+" is enough to know, and a long queue costs no more than that.
        const r = await db
          .selectFrom(matching({ siteId, queue }).select('c.id').limit(1000).as('x'))
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirst();
        out[queue] = Number(r?.n ?? 0);
      }
      return out;
    },
  };
}
