import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { createExportRepository } from './export.repository.ts';
import { createLegacyAuthorsRepository } from './legacy-authors.repository.ts';

// The imports' repository: the one writer of legacy authors, and the reads of an export.

export function createImportsRepository(storage: {
  db: Kysely<Database>;
  sqlite?: import('better-sqlite3').Database | undefined;
}) {
  return { ...createLegacyAuthorsRepository(storage), ...createExportRepository(storage) };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
