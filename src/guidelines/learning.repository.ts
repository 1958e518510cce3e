import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

// The paper's moderators teach the guidelines: their decisions kept as
// labelled examples, and the site's own models adapted from them (the model
// file itself in the database, so that every instance loads the same one).

export interface LabelledExample {
  siteId: string;
  commentId: string;
  text: string;
  abusive: 0 | 1 | null;
  personal: 0 | 1 | null;
  source: string;
  decidedBy: string;
  createdAt: string;
}

export interface SiteModelInfo {
  version: number;
  examples: number;
  report: Record<string, unknown>;
  active: boolean;
  createdBy: string;
  createdAt: string;
  activatedAt: string | null;
}

const bit = (v: number | null): 0 | 1 | null => (v === null ? null : v ? 1 : 0);

export function createLearningRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** One example per comment: a later decision on the same comment replaces the earlier one. */
    async recordExample(e: LabelledExample & { id: string }): Promise<void> {
      await db
        .insertInto('guideline_examples')
        .values({
          id: e.id,
          site_id: e.siteId,
          comment_id: e.commentId,
          text: e.text,
          abusive: e.abusive,
          personal: e.personal,
          source: e.source,
          decided_by: e.decidedBy,
          created_at: e.createdAt,
        })
        .onConflict((oc) =>
          oc.columns(['site_id', 'comment_id']).doUpdateSet({
            abusive: e.abusive,
            personal: e.personal,
            source: e.source,
            decided_by: e.decidedBy,
            created_at: e.createdAt,
          }),
        )
        .execute();
    },

    /** The site's examples, oldest first (a fixed order: the same examples give the same model). */
    async examples(siteId: string, limit: number): Promise<LabelledExample[]> {
      const rows = await db
        .selectFrom('guideline_examples')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('created_at', 'asc')
        .orderBy('comment_id', 'asc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        siteId: r.site_id,
        commentId: r.comment_id,
        text: r.text,
        abusive: bit(r.abusive),
        personal: bit(r.personal),
        source: r.source,
        decidedBy: r.decided_by,
        createdAt: r.created_at,
      }));
    },

    /** Stores a new model as the next version, not active yet. */
    async saveModel(m: {
      siteId: string;
      model: Uint8Array;
      examples: number;
      report: Record<string, unknown>;
      createdBy: string;
      createdAt: string;
    }): Promise<number> {
      return db.transaction().execute(async (tx) => {
        const last = await tx
          .selectFrom('guideline_models')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('site_id', '=', m.siteId)
          .executeTakeFirst();
        const version = Number(last?.v ?? 0) + 1;
        await tx
          .insertInto('guideline_models')
          .values({
            site_id: m.siteId,
            version,
            model: m.model,
            examples: m.examples,
            report: JSON.stringify(m.report),
            active: 0,
            created_by: m.createdBy,
            created_at: m.createdAt,
            activated_at: null,
          })
          .execute();
        return version;
      });
    },

    async listModels(siteId: string): Promise<SiteModelInfo[]> {
      const rows = await db
        .selectFrom('guideline_models')
        .select(['version', 'examples', 'report', 'active', 'created_by', 'created_at', 'activated_at'])
        .where('site_id', '=', siteId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map((r) => ({
        version: r.version,
        examples: r.examples,
        report: JSON.parse(r.report) as Record<string, unknown>,
        active: r.active === 1,
        createdBy: r.created_by,
        createdAt: r.created_at,
        activatedAt: r.activated_at,
      }));
    },

    /** A stored model's file. */
    async modelFile(siteId: string, version: number): Promise<Uint8Array | undefined> {
      const row = await db
        .selectFrom('guideline_models')
        .select('model')
        .where('site_id', '=', siteId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row ? new Uint8Array(row.model) : undefined;
    },

    /** The version the site's comments are judged by, if it has one of its own. */
    async activeVersion(siteId: string): Promise<number | undefined> {
      const row = await db
        .selectFrom('guideline_models')
        .select('version')
        .where('site_id', '=', siteId)
        .where('active', '=', 1)
        .executeTakeFirst();
      return row?.version;
    },

    /** Makes one version the site's model (null: back to the shipped model); false when there is no such version. */
    async activate(siteId: string, version: number | null, at: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        if (version !== null) {
          const exists = await tx
            .selectFrom('guideline_models')
            .select('version')
            .where('site_id', '=', siteId)
            .where('version', '=', version)
            .executeTakeFirst();
          if (!exists) return false;
        }
        await tx.updateTable('guideline_models').set({ active: 0 }).where('site_id', '=', siteId).execute();
        if (version !== null)
          await tx
            .updateTable('guideline_models')
            .set({ active: 1, activated_at: at })
            .where('site_id', '=', siteId)
            .where('version', '=', version)
            .execute();
        return true;
      });
    },
  };
}

export type LearningRepository = ReturnType<typeof createLearningRepository>;
