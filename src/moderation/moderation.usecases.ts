import type { User, UsersRepository } from '../accounts/users.repository.ts';
import { announceDecision, commentSource } from '../comments/live.usecases.ts';
import type { Bus } from '../events/bus.ts';
import type { GuidelinesUsecases } from '../guidelines/guidelines.usecases.ts';
import type { Mailer } from '../mail/mailer.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { Site } from '../sites/sites.repository.ts';
import type { CommentStatus } from '../storage/schema.ts';
import { moderationErrors as E } from './moderation.errors.ts';
import type { ModerationRepository, QueueItem, QueueQuery } from './moderation.repository.ts';
import { reasonByCode } from './reasons.ts';

// Moderators' decisions, sanctions, notes and appeals. Every action is in the
// audit log with the state before and after, so that it can be read and undone.

export type Action = 'approve' | 'approve_trust' | 'refuse' | 'feature' | 'unfeature';

export interface Decision {
  action: Action;
  /** the version of the comment the moderator saw */
  version: number;
  reason?: string | undefined;
  /** what the author reads, with the reason */
  note?: string | undefined;
}

interface CommentState {
  status: CommentStatus;
  statusReason: string | null;
  featured: boolean;
  version: number;
  refusalCode?: string | null;
}

export function createModerationUsecases(deps: {
  moderate: ModerationRepository;
  users: UsersRepository;
  /** what the comments' functions work with */
  comments: Parameters<typeof announceDecision>[0];
  moderation: GuidelinesUsecases;
  mailer: Mailer;
  bus: Bus;
  now: () => Date;
}) {
  const { moderate: repo, now } = deps;
  const iso = () => now().toISOString();
  const stateOf = (c: QueueItem): CommentState => ({
    status: c.status,
    statusReason: c.statusReason,
    featured: c.featured,
    version: c.version,
  });

  async function load(site: Site, id: string): Promise<QueueItem> {
    const c = await repo.item(site.id, id);
    if (!c) throw new AppError(E.COMMENT_NOT_FOUND);
    return c;
  }

  function conflict(c: QueueItem): AppError {
    return new AppError(
      E.DECISION_CONFLICT,
      `${c.moderatedBy ? 'Another moderator' : 'Someone'} changed this comment first: it is now ${c.status}${c.featured ? ' and featured' : ''}.`,
      {
        current: {
          status: c.status,
          statusReason: c.statusReason,
          featured: c.featured,
          version: c.version,
          moderatedBy: c.moderatedBy,
          moderatedAt: c.moderatedAt,
        },
      },
    );
  }

  async function record(
    site: Site,
    actor: User,
    action: string,
    targetType: 'comment' | 'user',
    targetId: string,
    before: unknown,
    after: unknown,
  ): Promise<string> {
    const id = newId();
    await repo.audit({
      id,
      site_id: site.id,
      actor_id: actor.id,
      actor_name: actor.displayName,
      action,
      target_type: targetType,
      target_id: targetId,
      before: before === undefined ? null : JSON.stringify(before),
      after: after === undefined ? null : JSON.stringify(after),
      undone_by: null,
      created_at: iso(),
    });
    return id;
  }

  /** Applies a state to a comment if it is still at `from.version`; announces the change to readers and moderators. */
  async function apply(site: Site, actor: User, c: QueueItem, next: Omit<CommentState, 'version'>): Promise<boolean> {
    const ok = await repo.decide({
      id: c.id,
      version: c.version,
      status: next.status,
      statusReason: next.statusReason,
      featured: next.featured,
      refusalCode: next.refusalCode ?? null,
      by: actor.displayName,
      at: iso(),
    });
    if (!ok) return false;
    await announceDecision(deps.comments, { site, commentId: c.id, wasPublished: c.status === 'published' });
    deps.bus.publish({
      type: 'moderation.changed',
      siteId: site.id,
      commentId: c.id,
      change: 'decided',
      by: { id: actor.id, name: actor.displayName },
    });
    return true;
  }

  const usecases = {
    queue: (site: Site, q: Omit<QueueQuery, 'siteId'>) => repo.queue({ ...q, siteId: site.id }),
    counts: (site: Site) => repo.counts(site.id),
    item: load,

    /** One decision; 409 with the current state when someone decided first. */
    async decide(site: Site, actor: User, id: string, d: Decision): Promise<{ item: QueueItem; auditId: string }> {
      const c = await load(site, id);
      if (c.version !== d.version) throw conflict(c);
      let next: Omit<CommentState, 'version'>;
      switch (d.action) {
        case 'approve':
        case 'approve_trust':
          next = { status: 'published', statusReason: null, featured: c.featured, refusalCode: null };
          break;
        case 'refuse': {
          const reason = d.reason ? reasonByCode.get(d.reason) : undefined;
          if (!reason) throw new AppError(E.REASON_REQUIRED);
          const note = d.note?.trim().slice(0, 500);
          next = {
            status: 'rejected',
            statusReason: note ? `${reason.message} ${note}` : reason.message,
            featured: false,
            refusalCode: reason.code,
          };
          break;
        }
        case 'feature':
          next = { status: 'published', statusReason: null, featured: true, refusalCode: null };
          break;
        case 'unfeature':
          next = { status: c.status, statusReason: c.statusReason, featured: false, refusalCode: null };
          break;
      }
      if (!(await apply(site, actor, c, next))) throw conflict(await load(site, id));
      if (d.action === 'approve_trust' && c.authorId) await deps.users.update(c.authorId, { trusted: true });
      // Refused as spam: the same text again is held on this site.
      if (d.action === 'refuse' && d.reason === 'spam')
        await deps.moderation.markSpam(site.id, (await commentSource(deps.comments, id)) ?? '');
      const after = {
        ...next,
        version: c.version + 1,
        ...(d.action === 'approve_trust' ? { trustedAuthor: c.authorId } : {}),
      };
      const auditId = await record(site, actor, d.action, 'comment', id, stateOf(c), after);
      return { item: await load(site, id), auditId };
    },

    /** The same decision on many comments; each one succeeds or reports its conflict. */
    async bulk(site: Site, actor: User, items: { id: string; version: number }[], d: Omit<Decision, 'version'>) {
      const results: { id: string; ok: boolean; auditId?: string; error?: string }[] = [];
      for (const it of items) {
        try {
          const r = await usecases.decide(site, actor, it.id, { ...d, version: it.version });
          results.push({ id: it.id, ok: true, auditId: r.auditId });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ id: it.id, ok: false, error: err.code });
        }
      }
      return { results };
    },

    /** Undoes a decision, if nothing has changed the comment since. */
    async undo(site: Site, actor: User, auditId: string): Promise<{ item: QueueItem }> {
      const entry = await repo.auditEntry(site.id, auditId);
      if (entry?.target_type !== 'comment' || entry.undone_by || !entry.before || !entry.after)
        throw new AppError(E.NOTHING_TO_UNDO);
      const before = JSON.parse(entry.before) as CommentState;
      const after = JSON.parse(entry.after) as CommentState & { trustedAuthor?: string };
      const c = await load(site, entry.target_id);
      if (c.version !== after.version) throw new AppError(E.NOTHING_TO_UNDO);
      if (
        !(await apply(site, actor, c, {
          status: before.status,
          statusReason: before.statusReason,
          featured: before.featured,
          refusalCode: before.refusalCode ?? null,
        }))
      )
        throw new AppError(E.NOTHING_TO_UNDO);
      if (after.trustedAuthor) await deps.users.update(after.trustedAuthor, { trusted: false });
      const undoId = await record(site, actor, 'undo', 'comment', c.id, stateOf(c), {
        ...before,
        version: c.version + 1,
        undid: auditId,
      });
      await repo.markUndone(auditId, undoId);
      return { item: await load(site, c.id) };
    },

    /** Warn (acknowledge before commenting again), suspend until a date, ban, or lift; the reader is told by e-mail. */
    async sanction(
      site: Site,
      actor: User,
      userId: string,
      s: { kind: 'warn' | 'suspend' | 'ban' | 'lift'; until?: string | undefined; reason: string },
    ) {
      const user = await deps.users.get(userId);
      if (!user || user.siteId !== site.id) throw new AppError(E.USER_NOT_FOUND);
      if (user.id === actor.id) throw new AppError(E.SANCTION_INVALID, 'You cannot sanction yourself.');
      if (user.role !== 'reader' && actor.role !== 'admin')
        throw new AppError(E.SANCTION_INVALID, 'Only an admin can sanction staff.');
      const reason = s.reason.trim().slice(0, 500);
      if (!reason && s.kind !== 'lift') throw new AppError(E.SANCTION_INVALID, 'Give the reason: the reader is told.');
      const before = {
        status: user.status,
        sanctionUntil: user.sanctionUntil,
        sanctionReason: user.sanctionReason,
        warning: user.warning,
      };
      const at = iso();
      let refused = 0;
      if (s.kind === 'warn') await deps.users.update(user.id, { warning: reason, sanctionedAt: at });
      else if (s.kind === 'suspend') {
        if (!s.until || s.until <= at) throw new AppError(E.SANCTION_INVALID, 'A suspension must end in the future.');
        await deps.users.update(user.id, {
          status: 'suspended',
          sanctionUntil: s.until,
          sanctionReason: reason,
          sanctionedAt: at,
        });
      } else if (s.kind === 'ban') {
        await deps.users.update(user.id, {
          status: 'banned',
          sanctionUntil: null,
          sanctionReason: reason,
          sanctionedAt: at,
        });
        // Nothing a banned author left waiting is published.
        for (const p of await repo.pendingOf(site.id, user.id)) {
          const c = await repo.item(site.id, p.id);
          if (
            c &&
            (await apply(site, actor, c, {
              status: 'rejected',
              statusReason: `Your account was banned: ${reason}`,
              featured: false,
              refusalCode: 'other',
            }))
          )
            refused++;
        }
      } else
        await deps.users.update(user.id, {
          status: 'active',
          sanctionUntil: null,
          sanctionReason: null,
          warning: null,
        });
      const after = {
        status:
          s.kind === 'suspend' ? 'suspended' : s.kind === 'ban' ? 'banned' : s.kind === 'lift' ? 'active' : user.status,
        sanctionUntil: s.kind === 'suspend' ? s.until : null,
        reason,
        refusedPending: refused,
      };
      await record(site, actor, s.kind, 'user', user.id, before, after);
      if (user.email && s.kind !== 'lift') {
        const what =
          s.kind === 'warn'
            ? 'A moderator has warned you'
            : s.kind === 'suspend'
              ? `Your account is suspended until ${s.until}`
              : 'Your account is banned from commenting';
        await deps.mailer.send({
          siteId: site.id,
          to: user.email,
          subject: `${site.name}: ${what.toLowerCase()}`,
          text: `${what}.\n\nWhy: ${reason}\n\n${s.kind === 'warn' ? `Please read and acknowledge the warning on your account page (${site.baseUrl}/account) before you comment again.\n\n` : ''}If you think this is a mistake, reply to this message or write to the editors: a different moderator will look at your appeal.\n`,
        });
      }
      return { refusedPending: refused };
    },

    /** Everything about an author, at a glance. */
    async author(site: Site, userId: string) {
      const user = await deps.users.get(userId);
      if (!user || user.siteId !== site.id) throw new AppError(E.USER_NOT_FOUND);
      const [comments, counts, linked, notes, history] = await Promise.all([
        repo.authorComments(site.id, userId, 50),
        repo.authorCounts(site.id, userId),
        repo.linkedAccounts(site.id, userId),
        repo.notes(site.id, userId),
        repo.auditLog(site.id, { targetId: userId, limit: 50 }),
      ]);
      return {
        user: {
          id: user.id,
          displayName: user.displayName,
          email: user.email,
          role: user.role,
          status: user.status,
          sanctionUntil: user.sanctionUntil,
          sanctionReason: user.sanctionReason,
          warning: user.warning,
          trusted: user.trusted,
          createdAt: user.createdAt,
          accountAgeDays: Math.floor((now().getTime() - new Date(user.createdAt).getTime()) / 86_400_000),
        },
        counts,
        comments: comments.map((c) => ({
          id: c.id,
          excerpt: c.body.slice(0, 200),
          status: c.status,
          statusReason: c.status_reason,
          createdAt: c.created_at,
          story: c.story_title,
          reports: Number(c.reports),
        })),
        reportsAgainst: comments.reduce((a, c) => a + Number(c.reports), 0),
        sanctions: history
          .filter((h) => ['warn', 'suspend', 'ban', 'lift'].includes(h.action))
          .map((h) => ({
            action: h.action,
            by: h.actor_name,
            at: h.created_at,
            after: h.after ? JSON.parse(h.after) : null,
          })),
        linked,
        notes: notes.map((n) => ({ id: n.id, by: n.author_name, note: n.note, at: n.created_at })),
      };
    },

    async addNote(site: Site, actor: User, userId: string, note: string): Promise<void> {
      const user = await deps.users.get(userId);
      if (!user || user.siteId !== site.id) throw new AppError(E.USER_NOT_FOUND);
      await repo.addNote({
        id: newId(),
        siteId: site.id,
        userId,
        authorId: actor.id,
        authorName: actor.displayName,
        note: note.trim().slice(0, 2000),
        at: iso(),
      });
      await record(site, actor, 'note', 'user', userId, undefined, { note: note.trim().slice(0, 200) });
    },

    /** The author of a refused comment asks, once, for another look. */
    async appeal(site: Site, user: User, commentId: string, text: string): Promise<void> {
      const c = await repo.item(site.id, commentId);
      if (!c || c.authorId !== user.id) throw new AppError(E.COMMENT_NOT_FOUND);
      if (!(await repo.appeal(commentId, text.trim().slice(0, 1000), iso()))) throw new AppError(E.APPEAL_NOT_ALLOWED);
      deps.bus.publish({ type: 'moderation.changed', siteId: site.id, commentId, change: 'queued' });
    },

    async acknowledgeWarning(user: User): Promise<void> {
      await deps.users.update(user.id, { warning: null });
    },

    auditLog: (site: Site, q: { before?: string; targetId?: string; limit: number }) => repo.auditLog(site.id, q),
  };
  return usecases;
}

export type ModerationUsecases = ReturnType<typeof createModerationUsecases>;
