import type { Kysely, Selectable } from 'kysely';
import type { Database, SitesTable } from '../storage/schema.ts';

export interface Site {
  id: string;
  name: string;
  baseUrl: string;
  timeZone: string;
  timeZoneLabel: string | null;
  language: string;
  tagline: string;
  guidelines: string;
  createdAt: string;
}

function toSite(row: Selectable<SitesTable>): Site {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.base_url,
    timeZone: row.time_zone,
    timeZoneLabel: row.time_zone_label,
    language: row.language,
    tagline: row.tagline,
    guidelines: row.guidelines,
    createdAt: row.created_at,
  };
}

export function createSitesRepository({ db }: { db: Kysely<Database> }) {
  return {
    async get(id: string): Promise<Site | undefined> {
      const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSite(row);
    },

    async list(): Promise<Site[]> {
      const rows = await db.selectFrom('sites').selectAll().orderBy('id').execute();
      return rows.map(toSite);
    },

    async insert(site: Site): Promise<void> {
      await db
        .insertInto('sites')
        .values({
          id: site.id,
          name: site.name,
          base_url: site.baseUrl,
          time_zone: site.timeZone,
          time_zone_label: site.timeZoneLabel,
          language: site.language,
          tagline: site.tagline,
          guidelines: site.guidelines,
          created_at: site.createdAt,
        })
        .execute();
    },

    async updateBaseUrl(id: string, baseUrl: string): Promise<void> {
      await db.updateTable('sites').set({ base_url: baseUrl }).where('id', '=', id).execute();
    },
  };
}

export type SitesRepository = ReturnType<typeof createSitesRepository>;
