import { runAccountMaintenance } from '../accounts/maintenance.ts';
import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { sendDigests } from '../notifications/notifications.usecases.ts';
import { deliverDueWebhooks } from '../webhooks/delivery.ts';

// The background work of a running Parley, on timers in every instance. Each
// job is safe to run twice (see each one's use case); the timers are unref'd,
// so they never keep a process alive that is otherwise done.

export interface Job {
  name: string;
  everyMs: number;
  /** run once as soon as the jobs start, not only after the first period */
  atStart?: boolean;
  run(): Promise<unknown>;
}

export type JobsServices = Pick<
  Services,
  | 'accounts'
  | 'commentsRepository'
  | 'newsroom'
  | 'notificationsRepository'
  | 'usersRepository'
  | 'mailer'
  | 'now'
  | 'sessionsRepository'
  | 'sitesRepository'
  | 'ssoRepository'
  | 'tokensRepository'
  | 'views'
  | 'webhooksRepository'
  | 'log'
>;

// The scheduler acts as this user in revisions and the audit trail.
const system = { id: 'system', displayName: 'Scheduler' } as User;

/** Deletions whose grace period ended, expired sessions and tokens (also `parley maintenance`). */
export function accountMaintenance(s: JobsServices) {
  return runAccountMaintenance({
    accounts: s.accounts,
    sessions: s.sessionsRepository,
    tokens: s.tokensRepository,
    sso: s.ssoRepository,
    now: s.now,
    forgetAuthor: (u) => s.commentsRepository.forgetAuthor(u.id, u.deletionMode ?? 'anonymise'),
  });
}

export function parleyJobs(s: JobsServices): Job[] {
  return [
    { name: 'account maintenance', everyMs: 3_600_000, run: () => accountMaintenance(s) },
    // Digests are checked every five minutes; each reader's own hour or day decides.
    { name: 'digests', everyMs: 300_000, run: () => sendDigests(s) },
    // The newsroom's clock: scheduled articles go out, idle live blogs end.
    {
      name: 'scheduled publishing',
      everyMs: 15_000,
      atStart: true,
      run: async () => {
        await s.newsroom.publishDue(system);
        await s.newsroom.endIdleLiveBlogs(system);
      },
    },
    // Page views are counted in memory and written in batches.
    { name: 'page views', everyMs: 5_000, run: () => s.views.flush() },
    // Webhooks queued by any instance; each delivery is claimed by one.
    { name: 'webhooks', everyMs: 5_000, atStart: true, run: () => deliverDueWebhooks(s) },
  ];
}

/** Starts the jobs; the returned function stops them. */
export function startJobs(jobs: Job[], onError: (err: unknown, job: string) => void): () => void {
  const timers = jobs.map((job) => {
    const tick = () => void job.run().catch((err) => onError(err, job.name));
    if (job.atStart) tick();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
