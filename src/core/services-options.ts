import type { Logger } from 'pino';
import type { PasswordHasher } from '../accounts/passwords.ts';
import type { ModerationPipeline } from '../guidelines/pipeline.ts';
import type { ImageStore } from '../images/image-store.ts';
import type { Storage } from '../storage/database.ts';

/** What a door may give createServices instead of what the config would make. */
export interface ServicesOptions {
  /** an already open storage (tests); otherwise opened from the config and closed with the services */
  storage?: Storage;
  now?: () => Date;
  imageStore?: ImageStore;
  /** tests use cheaper argon2 parameters; production uses OWASP's */
  passwords?: PasswordHasher;
  fetch?: typeof fetch;
  pipeline?: ModerationPipeline;
  /** PostgreSQL LISTEN/NOTIFY channel and connection (tests use one per run) */
  busChannel?: string;
  busConnectionString?: string;
  /** the process's logger; by default JSON lines on standard output at the configured level */
  log?: Logger;
}
