import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createAuthorsRepository } from './authors.repository.ts';
import { createDashboardRepository } from './dashboard.repository.ts';
import { createQueueRepository } from './queue.repository.ts';

// What the moderators' workspace reads, and the tables it writes (audit_log,
// moderator_notes). Decisions on comments are written by comments/
// (decisions.repository.ts), the owner of the comments.

export function createModerationRepository(storage: { db: Kysely<Database> }) {
  return {
    ...createQueueRepository(storage),
    ...createAuthorsRepository(storage),
    ...createAuditRepository(storage),
    ...createDashboardRepository(storage),
  };
}

export type ModerationRepository = ReturnType<typeof createModerationRepository>;
