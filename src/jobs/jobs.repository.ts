import type { Storage } from '../storage/database.ts';

// Claims on background jobs, shared by every instance through the database:
// a claim is one atomic upsert that succeeds only when nobody holds a live
// lease, so of several instances ticking at once exactly one runs the job.

export function createJobsRepository(storage: Storage) {
  const { db } = storage;
  return {
    /** Takes the job until `leaseUntil` when its lease is free; true when this holder has it. */
    async claim(name: string, holder: string, now: string, leaseUntil: string): Promise<boolean> {
      const row = { holder, claimed_at: now, lease_until: leaseUntil, finished_at: null, error: null };
      const won = await db
        .insertInto('job_runs')
        .values({ name, ...row })
        .onConflict((oc) => oc.column('name').doUpdateSet(row).where('job_runs.lease_until', '<=', now))
        .returning('holder')
        .executeTakeFirst();
      return won?.holder === holder;
    },

    /** Records the end of a run; the lease stays, so the job waits for its next period. */
    async finish(name: string, holder: string, at: string, error: string | null): Promise<void> {
      await db
        .updateTable('job_runs')
        .set({ finished_at: at, error })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute();
    },

    async get(name: string) {
      return db.selectFrom('job_runs').selectAll().where('name', '=', name).executeTakeFirst();
    },
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
