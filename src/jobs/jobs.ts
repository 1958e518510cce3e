import { randomUUID } from 'node:crypto';
import { runAccountMaintenance } from '../accounts/maintenance.ts';
import type { User } from '../accounts/users.repository.ts';
import type { Services } from '../core/services.ts';
import { sendDigests } from '../notifications/notifications.usecases.ts';
import type { Background } from '../shared/background.ts';
import { deliverDueWebhooks } from '../webhooks/delivery.ts';

// The background work of a running Parley, on timers in every instance. The
// jobs that act for the whole paper (mail, publishing, retention) claim each
// run in the database (job_runs): of several instances one runs them per
// period, and a crashed run's lease ends so that another takes over. Their use
// cases stay safe to run twice (digests claim each reader's digest too). The
// timers are unref'd, so they never keep a process alive that is otherwise done.

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
  | 'jobsRepository'
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

/**
 * A job run by one instance per period: it runs only when this instance wins the
 * claim, and returns 'skipped' when another instance holds it.
 */
export function onceAcrossInstances(s: Pick<Services, 'jobsRepository' | 'now'>, holder: string, job: Job): Job {
  return {
    ...job,
    run: async () => {
      const now = s.now();
      // A little under the period, so that the holder's next tick finds its own lease over.
      const until = new Date(now.getTime() + Math.floor(job.everyMs * 0.9)).toISOString();
      if (!(await s.jobsRepository.claim(job.name, holder, now.toISOString(), until))) return 'skipped';
      try {
        const result = await job.run();
        await s.jobsRepository.finish(job.name, holder, s.now().toISOString(), null);
        return result;
      } catch (err) {
        await s.jobsRepository.finish(job.name, holder, s.now().toISOString(), String(err)).catch(() => {});
        throw err;
      }
    },
  };
}

/** The jobs of one instance; `holder` names it in the claims (a new id per process by default). */
export function parleyJobs(s: JobsServices, holder: string = randomUUID()): Job[] {
  const once = (job: Job) => onceAcrossInstances(s, holder, job);
  return [
    once({ name: 'account maintenance', everyMs: 3_600_000, run: () => accountMaintenance(s) }),
    // Digests are checked every five minutes; each reader's own hour or day decides.
    once({ name: 'digests', everyMs: 300_000, run: () => sendDigests(s) }),
    // The newsroom's clock: scheduled articles go out, idle live blogs end.
    once({
      name: 'scheduled publishing',
      everyMs: 15_000,
      atStart: true,
      run: async () => {
        await s.newsroom.publishDue(system);
        await s.newsroom.endIdleLiveBlogs(system);
      },
    }),
    // Page views are counted in memory on each instance and written in batches.
    { name: 'page views', everyMs: 5_000, run: () => s.views.flush() },
    // Webhooks queued by any instance; each delivery is claimed by one.
    { name: 'webhooks', everyMs: 5_000, atStart: true, run: () => deliverDueWebhooks(s) },
  ];
}

/** Starts the jobs; the returned function stops them. A run in progress at shutdown is drained with `background`. */
export function startJobs(
  jobs: Job[],
  onError: (err: unknown, job: string) => void,
  background?: Pick<Background, 'track'>,
): () => void {
  const timers = jobs.map((job) => {
    const tick = () => {
      const run = job.run().catch((err) => onError(err, job.name));
      void (background ? background.track(run) : run);
    };
    if (job.atStart) tick();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
