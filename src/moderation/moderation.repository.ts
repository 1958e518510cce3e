import { type Kysely, sql } from 'kysely';
import type { AuditLogTable, CommentStatus, Database } from '../storage/schema.ts';

// What the moderators' workspace reads and writes. Decisions on a comment are
// conditional on the version the moderator saw: two moderators never decide
// the same comment blindly.

export const QUEUES = ['pending', 'reported', 'unmoderated', 'approved', 'refused', 'appeals'] as const;
export type Queue = (typeof QUEUES)[number];

export interface QueueQuery {
  siteId: string;
  queue: Queue;
  storyId?: string | undefined;
  sectionId?: string | undefined;
  /** a check that failed (by name) */
  check?: string | undefined;
  /** only comments where that check (or any check) scored at least this */
  minScore?: number | undefined;
  /** text search in the comment */
  text?: string | undefined;
  /** search in the author's name */
  author?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export interface QueueItem {
  id: string;
  version: number;
  storyId: string;
  storyTitle: string;
  storyUrl: string;
  parentId: string | null;
  parentExcerpt: string | null;
  authorId: string | null;
  authorName: string;
  bodyHtml: string;
  status: CommentStatus;
  statusReason: string | null;
  moderation: string;
  featured: boolean;
  createdAt: string;
  moderatedBy: string | null;
  moderatedAt: string | null;
  appeal: string | null;
  reports: { reason: string; count: number; weight: number }[];
  /** the author's record on the site at a glance: comments by status */
  authorRecord: Record<string, number>;
}

const weightOf = (i: QueueItem) => i.reports.reduce((a, r) => a + r.weight, 0);

function maxScore(json: string, check?: string): number {
  try {
    const checks = (JSON.parse(json) as { checks?: Record<string, { score: number }> }).checks ?? {};
    const scores = check ? [checks[check]?.score ?? 0] : Object.values(checks).map((c) => c.score);
    return Math.max(0, ...scores);
  } catch {
    return 0;
  }
}

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

export function createModerationRepository({ db }: { db: Kysely<Database> }) {
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
    // A reporter's weight: how often their reports were upheld (refused), with a prior of one in two.
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
    const weight = new Map(record.map((r) => [r.user_id, (Number(r.upheld) + 1) / (Number(r.decided) + 2)]));
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
    return rows.map((r) => {
      const mine = reports.filter((x) => x.comment_id === r.id);
      const byReason = new Map<string, { count: number; weight: number }>();
      for (const x of mine) {
        const e = byReason.get(x.reason) ?? { count: 0, weight: 0 };
        e.count++;
        e.weight += weight.get(x.user_id) ?? 0.5;
        byReason.set(x.reason, e);
      }
      return {
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
        reports: [...byReason]
          .map(([reason, e]) => ({ reason, count: e.count, weight: Math.round(e.weight * 100) / 100 }))
          .sort((a, b) => b.weight - a.weight),
      };
    });
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
    // Stored decisions are JSON written by JSON.stringify: a failed check reads exactly so.
    if (q.check) query = query.where('c.moderation', 'like', `%"${q.check.replace(/[^a-z]/g, '')}":{"verdict":"fail"%`);
    if (q.text)
      query = query.where(sql<string>`lower(c.body)`, 'like', `%${q.text.toLowerCase().replace(/[%_]/g, '')}%`);
    if (q.author)
      query = query.where(
        sql<string>`lower(c.author_name)`,
        'like',
        `%${q.author.toLowerCase().replace(/[%_]/g, '')}%`,
      );
    if (q.before) query = query.where('c.created_at', '<', q.before);
    return query;
  }

  return {
    async queue(q: QueueQuery): Promise<QueueItem[]> {
      const query = matching(q).leftJoin('comments as p', 'p.id', 'c.parent_id').select(itemColumns);
      // Oldest first where people wait (held, appealed); newest first in the records.
      const oldestFirst = q.queue === 'pending' || q.queue === 'appeals' || q.queue === 'reported';
      // A score lives in the stored JSON: read more rows and keep the ones that reach it.
      const rows = await query
        .orderBy('c.created_at', oldestFirst ? 'asc' : 'desc')
        .orderBy('c.id')
        .limit(q.minScore === undefined ? q.limit : q.limit * 5)
        .execute();
      const kept =
        q.minScore === undefined
          ? rows
          : rows.filter((r) => maxScore(r.moderation, q.check) >= q.minScore!).slice(0, q.limit);
      const items = await withReports(kept);
      // Reported: the best-founded reports first (reporters whose reports were upheld weigh more).
      if (q.queue === 'reported') items.sort((a, b) => weightOf(b) - weightOf(a));
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

    /**
     * Changes a comment's status and moderation fields if it is still at
     * `version`; keeps the story's and the parent's counts right. Returns false
     * when someone else decided first.
     */
    async decide(d: {
      id: string;
      version: number;
      status: CommentStatus;
      statusReason: string | null;
      featured?: boolean;
      refusalCode: string | null;
      by: string;
      at: string;
    }): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const c = await tx
          .selectFrom('comments')
          .select(['status', 'story_id', 'parent_id', 'version'])
          .where('id', '=', d.id)
          .executeTakeFirst();
        if (!c || Number(c.version ?? 0) !== d.version) return false;
        const r = await tx
          .updateTable('comments')
          .set({
            status: d.status,
            status_reason: d.statusReason,
            refusal_code: d.refusalCode,
            moderated_by: d.by,
            moderated_at: d.at,
            version: d.version + 1,
            ...(d.featured === undefined ? {} : { featured: d.featured ? 1 : 0 }),
          })
          .where('id', '=', d.id)
          .where('version', '=', d.version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
        const delta = (d.status === 'published' ? 1 : 0) - (c.status === 'published' ? 1 : 0);
        if (delta !== 0) {
          await tx
            .updateTable('stories')
            .set((eb) => ({ comment_count: eb('comment_count', '+', delta) }))
            .where('id', '=', c.story_id)
            .execute();
          if (c.parent_id)
            await tx
              .updateTable('comments')
              .set((eb) => ({ reply_count: eb('reply_count', '+', delta) }))
              .where('id', '=', c.parent_id)
              .execute();
        }
        return true;
      });
    },

    async audit(e: AuditLogTable): Promise<void> {
      await db.insertInto('audit_log').values(e).execute();
    },

    async auditEntry(siteId: string, id: string): Promise<AuditLogTable | undefined> {
      return db
        .selectFrom('audit_log')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async markUndone(id: string, by: string): Promise<void> {
      await db.updateTable('audit_log').set({ undone_by: by }).where('id', '=', id).execute();
    },

    async auditLog(siteId: string, q: { targetId?: string; before?: string; limit: number }): Promise<AuditLogTable[]> {
      let query = db.selectFrom('audit_log').selectAll().where('site_id', '=', siteId);
      if (q.targetId) query = query.where('target_id', '=', q.targetId);
      if (q.before) query = query.where('created_at', '<', q.before);
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    },

    async pendingOf(siteId: string, authorId: string): Promise<{ id: string; version: number }[]> {
      const rows = await db
        .selectFrom('comments')
        .select(['id', 'version'])
        .where('site_id', '=', siteId)
        .where('author_id', '=', authorId)
        .where('status', '=', 'pending')
        .execute();
      return rows.map((r) => ({ id: r.id, version: Number(r.version ?? 0) }));
    },

    async authorComments(siteId: string, authorId: string, limit: number) {
      return db
        .selectFrom('comments as c')
        .innerJoin('stories as s', 's.id', 'c.story_id')
        .select([
          'c.id',
          'c.body',
          'c.status',
          'c.status_reason',
          'c.created_at',
          's.title as story_title',
          sql<number>`(select count(*) from reports r where r.comment_id = c.id)`.as('reports'),
        ])
        .where('c.site_id', '=', siteId)
        .where('c.author_id', '=', authorId)
        .orderBy('c.created_at', 'desc')
        .limit(limit)
        .execute();
    },

    async authorCounts(siteId: string, authorId: string): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('comments')
        .select(['status', sql<number>`count(*)`.as('n')])
        .where('site_id', '=', siteId)
        .where('author_id', '=', authorId)
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },

    /** Other accounts of the site with the same e-mail address or the same sign-on subject. */
    async linkedAccounts(siteId: string, userId: string): Promise<{ id: string; displayName: string; via: string }[]> {
      const me = await db.selectFrom('users').select(['email']).where('id', '=', userId).executeTakeFirst();
      const out: { id: string; displayName: string; via: string }[] = [];
      if (me?.email) {
        const local = me.email.toLowerCase().replace(/\+[^@]*@/, '@');
        const rows = await db
          .selectFrom('users')
          .select(['id', 'display_name', 'email'])
          .where('site_id', '=', siteId)
          .where('id', '!=', userId)
          .where('email', 'is not', null)
          .execute();
        for (const r of rows)
          if (r.email && r.email.toLowerCase().replace(/\+[^@]*@/, '@') === local)
            out.push({ id: r.id, displayName: r.display_name, via: 'the same e-mail address' });
      }
      const subjects = await db
        .selectFrom('identities')
        .select(['subject', 'provider'])
        .where('user_id', '=', userId)
        .execute();
      if (subjects.length) {
        const rows = await db
          .selectFrom('identities as i')
          .innerJoin('users as u', 'u.id', 'i.user_id')
          .select(['u.id', 'u.display_name', 'i.provider'])
          .where('u.site_id', '=', siteId)
          .where('i.user_id', '!=', userId)
          .where(
            'i.subject',
            'in',
            subjects.map((s) => s.subject),
          )
          .execute();
        for (const r of rows)
          out.push({ id: r.id, displayName: r.display_name, via: `the same ${r.provider} sign-on id` });
      }
      return out;
    },

    async notes(siteId: string, userId: string) {
      return db
        .selectFrom('moderator_notes')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
    },

    async addNote(n: {
      id: string;
      siteId: string;
      userId: string;
      authorId: string;
      authorName: string;
      note: string;
      at: string;
    }): Promise<void> {
      await db
        .insertInto('moderator_notes')
        .values({
          id: n.id,
          site_id: n.siteId,
          user_id: n.userId,
          author_id: n.authorId,
          author_name: n.authorName,
          note: n.note,
          created_at: n.at,
        })
        .execute();
    },

    async appeal(id: string, text: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('comments')
        .set({ appeal: text, appealed_at: at })
        .where('id', '=', id)
        .where('status', '=', 'rejected')
        .where('appealed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Rows for the dashboard: the site's comments since a time, with what happened to them. */
    async since(siteId: string, since: string) {
      return db
        .selectFrom('comments as c')
        .innerJoin('stories as s', 's.id', 'c.story_id')
        .select([
          'c.id',
          'c.status',
          'c.created_at',
          'c.moderated_at',
          'c.moderated_by',
          'c.moderation',
          'c.refusal_code',
          's.title as story_title',
          'c.story_id',
        ])
        .where('c.site_id', '=', siteId)
        .where('c.created_at', '>=', since)
        .execute();
    },

    async actionsSince(siteId: string, since: string) {
      return db
        .selectFrom('audit_log')
        .select(['actor_name', 'action', 'created_at'])
        .where('site_id', '=', siteId)
        .where('created_at', '>=', since)
        .where('target_type', '=', 'comment')
        .execute();
    },
  };
}

export type ModerationRepository = ReturnType<typeof createModerationRepository>;
