import type { Migration, MigrationProvider } from 'kysely/migration';
import type { Engine } from '../engine.ts';
import { foundation } from './0001_foundation.ts';
import { accounts } from './0002_accounts.ts';
import { comments } from './0003_comments.ts';
import { notifications } from './0004_notifications.ts';
import { moderation } from './0005_moderation.ts';
import { imports } from './0006_imports.ts';
import { workspace } from './0007_workspace.ts';
import { newsroom } from './0008_newsroom.ts';
import { guidelinesLearning } from './0009_guidelines_learning.ts';
import { leadImages } from './0010_lead_images.ts';
import { jobRuns } from './0011_job_runs.ts';
import { rateCounters } from './0012_rate_counters.ts';
import { imageFiles } from './0013_image_files.ts';
import { webhooks } from './0014_webhooks.ts';
import { mailParts } from './0015_mail_parts.ts';

// One history for both engines. Append only: a released migration is never edited.
export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001_foundation': foundation(engine),
        '0002_accounts': accounts(engine),
        '0003_comments': comments(engine),
        '0004_notifications': notifications(engine),
        '0005_moderation': moderation(engine),
        '0006_imports': imports(engine),
        '0007_workspace': workspace(engine),
        '0008_newsroom': newsroom(engine),
        '0009_guidelines_learning': guidelinesLearning(engine),
        '0010_lead_images': leadImages(engine),
        '0011_job_runs': jobRuns(engine),
        '0012_rate_counters': rateCounters(engine),
        '0013_image_files': imageFiles(engine),
        '0014_webhooks': webhooks(engine),
        '0015_mail_parts': mailParts(engine),
      };
    },
  };
}
