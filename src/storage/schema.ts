// The tables as the application sees them. Both engines return the same shapes:
// times are ISO-8601 UTC strings, flags are 0/1 integers, structured values are
// JSON text. The engine-specific setup (sqlite/, postgres/) makes that true.

export interface SitesTable {
  id: string;
  name: string;
  base_url: string;
  time_zone: string;
  time_zone_label: string | null;
  language: string;
  tagline: string;
  guidelines: string;
  created_at: string;
}

export interface SectionsTable {
  id: string;
  site_id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface AuthorsTable {
  id: string;
  site_id: string;
  slug: string;
  name: string;
  title: string;
  bio: string;
  /** the journalist's reader account, if linked (added by 0003) */
  user_id?: string | null;
}

export type ArticleKind = 'article' | 'liveblog';
export type ArticleStatus = 'draft' | 'published';
export type LiveStatus = 'live' | 'ended';

export interface ArticlesTable {
  id: string;
  site_id: string;
  section_id: string;
  kind: ArticleKind;
  slug: string;
  headline: string;
  /** for banners and tight lists; the headline when absent */
  short_title: string | null;
  standfirst: string;
  /** JSON array of body blocks, see articles/body.ts */
  body: string;
  dateline: string | null;
  status: ArticleStatus;
  published_at: string | null;
  /** set only by an editor's deliberate "update": drives the visible "Updated" time */
  updated_at: string | null;
  /** any change at all; drives caches, feeds and dateModified */
  modified_at: string;
  created_at: string;
  comments_open: number;
  live_status: LiveStatus | null;
  live_topic: string | null;
  in_banner: number;
  /** the newsroom (added by 0008) */
  scheduled_at?: string | null;
  seo_title?: string | null;
  seo_description?: string | null;
  correction?: string | null;
  corrected_at?: string | null;
  version?: number;
  /** the lead image (added by 0010): an images.id and the words printed with it */
  lead_image_id?: string | null;
  lead_image_alt?: string | null;
  lead_image_caption?: string | null;
  lead_image_credit?: string | null;
}

export interface ArticleAuthorsTable {
  article_id: string;
  author_id: string;
  position: number;
}

export interface ArticleTagsTable {
  site_id: string;
  article_id: string;
  slug: string;
  name: string;
}

export interface LiveEntriesTable {
  id: string;
  site_id: string;
  article_id: string;
  headline: string;
  body: string;
  key_event: number;
  posted_at: string;
  modified_at: string;
}

export interface TopPicksTable {
  site_id: string;
  article_id: string;
  position: number;
}

export type Role = 'reader' | 'moderator' | 'editor' | 'admin';
export type UserStatus = 'active' | 'suspended' | 'banned';

export interface UsersTable {
  id: string;
  site_id: string;
  email: string | null;
  email_verified: number;
  display_name: string;
  password_hash: string | null;
  avatar_url: string | null;
  /** JSON array of badge names from sign-on ("subscriber") */
  badges: string;
  role: Role;
  status: UserStatus;
  sanction_until: string | null;
  sanction_reason: string | null;
  /** a moderator trusts this author: no pre-moderation (added by 0005) */
  trusted?: number;
  /** when the last sanction was given (added by 0005) */
  sanctioned_at?: string | null;
  /** a warning the reader must acknowledge before commenting again (added by 0007) */
  warning?: string | null;
  warned_at?: string | null;
  name_changed_at: string | null;
  deletion_requested_at: string | null;
  deletion_mode: 'delete' | 'anonymise' | null;
  created_at: string;
  last_login_at: string | null;
}

export interface IdentitiesTable {
  id: string;
  site_id: string;
  user_id: string;
  /** 'sso' or 'oidc:<provider name>' */
  provider: string;
  subject: string;
  email: string | null;
  created_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  /** shown in the session list and used to revoke one session; not a credential */
  public_id: string;
  site_id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
  ip: string;
}

export interface AccountTokensTable {
  id_hash: string;
  site_id: string;
  user_id: string | null;
  purpose: string;
  payload: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  site_id: string;
  key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface SsoSettingsTable {
  site_id: string;
  algorithm: 'HS256' | 'RS256' | 'ES256';
  secret: string | null;
  public_key: string | null;
  jwks_url: string | null;
  issuer: string | null;
  audience: string;
  sign_on_only: number;
  login_url: string | null;
}

export interface SsoUsedTokensTable {
  site_id: string;
  jti: string;
  expires_at: string;
}

export interface OidcProvidersTable {
  site_id: string;
  name: string;
  label: string;
  issuer: string;
  client_id: string;
  client_secret: string | null;
  scopes: string;
}

export interface OutboxTable {
  id: string;
  site_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  /** the HTML alternative, when the mail has one */
  html_body: string | null;
  /** JSON object of extra headers (List-Unsubscribe, List-Id, …) */
  headers: string | null;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

export interface SecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface StoriesTable {
  id: string;
  site_id: string;
  /** 'article:<id>', 'ext:<publisher story id>' or 'url:<normalised url>' */
  key: string;
  article_id: string | null;
  url: string;
  title: string;
  closed: number;
  opened_at: string;
  comment_count: number;
  last_comment_at: string | null;
  created_at: string;
}

export type CommentStatus = 'published' | 'pending' | 'rejected' | 'deleted';

export interface CommentsTable {
  id: string;
  site_id: string;
  story_id: string;
  parent_id: string | null;
  display_parent_id: string | null;
  root_id: string | null;
  depth: number;
  author_id: string | null;
  /** the name at the time of writing; kept when the account is anonymised */
  author_name: string;
  body: string;
  body_html: string;
  status: CommentStatus;
  status_reason: string | null;
  /** JSON: the decision and every check's score */
  moderation: string;
  featured: number;
  reaction_count: number;
  reply_count: number;
  content_hash: string;
  idempotency_key: string | null;
  created_at: string;
  edited_at: string | null;
  /** imported comments (added by 0006): the old platform's author, format, id and HTML */
  legacy_author_id?: string | null;
  import_source?: string | null;
  import_id?: string | null;
  original_html?: string | null;
  /** moderators' decisions (added by 0007): optimistic concurrency and what the author is told */
  version?: number;
  moderated_by?: string | null;
  moderated_at?: string | null;
  refusal_code?: string | null;
  appeal?: string | null;
  appealed_at?: string | null;
}

export interface CommentRevisionsTable {
  id: string;
  comment_id: string;
  body: string;
  replaced_at: string;
}

export interface ReactionsTable {
  comment_id: string;
  user_id: string;
  created_at: string;
}

export type ReportReason = 'abusive' | 'personal' | 'spam' | 'off_topic' | 'other';

export interface ReportsTable {
  comment_id: string;
  user_id: string;
  reason: ReportReason;
  note: string | null;
  created_at: string;
}

export interface CommentSettingsTable {
  site_id: string;
  max_length: number;
  edit_window_seconds: number;
  reaction_label: string;
  auto_close_days: number | null;
  all_closed: number;
  closed_message: string | null;
  /** JSON array of origins allowed to embed the widget */
  allowed_origins: string;
}

export type EmailMode = 'off' | 'each' | 'hourly' | 'daily';

export interface NotificationsTable {
  id: string;
  site_id: string;
  user_id: string;
  kind: 'reply' | 'follow';
  comment_id: string;
  story_id: string;
  actor_name: string;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
}

export interface NotificationSettingsTable {
  user_id: string;
  email_mode: EmailMode;
  unsubscribe_token: string;
  last_digest_at: string | null;
}

export interface FollowsTable {
  user_id: string;
  story_id: string;
  created_at: string;
}

export interface Database {
  sites: SitesTable;
  sections: SectionsTable;
  authors: AuthorsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  live_entries: LiveEntriesTable;
  top_picks: TopPicksTable;
  users: UsersTable;
  identities: IdentitiesTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  login_throttle: LoginThrottleTable;
  sso_settings: SsoSettingsTable;
  sso_used_tokens: SsoUsedTokensTable;
  oidc_providers: OidcProvidersTable;
  outbox: OutboxTable;
  secrets: SecretsTable;
  stories: StoriesTable;
  comments: CommentsTable;
  comment_revisions: CommentRevisionsTable;
  reactions: ReactionsTable;
  reports: ReportsTable;
  comment_settings: CommentSettingsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  follows: FollowsTable;
  moderation_policies: ModerationPoliciesTable;
  spam_fingerprints: SpamFingerprintsTable;
  legacy_authors: LegacyAuthorsTable;
  audit_log: AuditLogTable;
  moderator_notes: ModeratorNotesTable;
  article_revisions: ArticleRevisionsTable;
  article_views: ArticleViewsTable;
  images: ImagesTable;
  guideline_examples: GuidelineExamplesTable;
  guideline_models: GuidelineModelsTable;
  job_runs: JobRunsTable;
  rate_counters: RateCountersTable;
  image_files: ImageFilesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

/** An image file (one width and format of an image) kept in the database. */
export interface ImageFilesTable {
  key: string;
  body: Uint8Array;
  created_at: string;
}

/** A rate limit's count for one key in its current fixed window (window_start in ms). */
export interface RateCountersTable {
  name: string;
  key: string;
  window_start: number;
  count: number;
}

/** A background job's last claim: which instance runs it, until when. */
export interface JobRunsTable {
  name: string;
  holder: string;
  claimed_at: string;
  lease_until: string;
  finished_at: string | null;
  error: string | null;
}

export interface ImagesTable {
  id: string;
  site_id: string;
  width: number;
  height: number;
  /** JSON array of the widths stored as WebP */
  widths: string;
  original_type: string;
  bytes: number;
  created_at: string;
}

export interface ArticleRevisionsTable {
  id: string;
  site_id: string;
  article_id: string;
  /** JSON of the article's editable fields as saved */
  snapshot: string;
  editor_name: string;
  created_at: string;
}

export interface ArticleViewsTable {
  site_id: string;
  article_id: string;
  /** YYYY-MM-DD in the site's time zone */
  day: string;
  views: number;
}

export interface AuditLogTable {
  id: string;
  site_id: string;
  actor_id: string | null;
  actor_name: string;
  /** approve, refuse, feature, unfeature, trust, warn, suspend, ban, lift, note, undo, policy … */
  action: string;
  target_type: 'comment' | 'user' | 'policy';
  target_id: string;
  /** JSON of the state before and after */
  before: string | null;
  after: string | null;
  undone_by: string | null;
  created_at: string;
}

export interface ModeratorNotesTable {
  id: string;
  site_id: string;
  /** the reader the note is about */
  user_id: string;
  author_id: string | null;
  author_name: string;
  note: string;
  created_at: string;
}

export interface LegacyAuthorsTable {
  id: string;
  site_id: string;
  /** the importer's format: disqus, wordpress, commento, remark42, jsonl */
  source: string;
  external_id: string | null;
  name: string;
  email: string | null;
  /** sha256 of the lower-cased address: how claims match */
  email_hash: string | null;
  user_id: string | null;
  claimed_at: string | null;
  created_at: string;
}

export interface ModerationPoliciesTable {
  site_id: string;
  version: number;
  /** JSON of the Policy */
  policy: string;
  created_by: string | null;
  created_at: string;
}

export interface SpamFingerprintsTable {
  site_id: string;
  fingerprint: string;
  created_at: string;
}

/** A moderator's decision kept as a labelled example for the site's model. */
export interface GuidelineExamplesTable {
  id: string;
  site_id: string;
  comment_id: string;
  /** the comment's plain text, as the guidelines read it */
  text: string;
  /** 1 abusive, 0 fine, null unknown */
  abusive: number | null;
  /** 1 a personal attack, 0 not, null unknown */
  personal: number | null;
  /** what the decision overruled or confirmed: approved-held, refused-published, appeal-upheld, refused-held */
  source: string;
  decided_by: string;
  created_at: string;
}

/** A site's own model of abuse, adapted from the shipped one. */
export interface GuidelineModelsTable {
  site_id: string;
  version: number;
  /** the model file (PGLM) */
  model: Uint8Array;
  examples: number;
  /** JSON: held-out figures and the settings chosen */
  report: string;
  /** 1 for the model the site's comments are judged by */
  active: number;
  created_by: string;
  created_at: string;
  activated_at: string | null;
}

export interface WebhookEndpointsTable {
  id: string;
  site_id: string;
  url: string;
  description: string;
  /** JSON array of event types */
  event_types: string;
  secret: string;
  previous_secret: string | null;
  previous_until: string | null;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  site_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_status: number | null;
  last_response: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  at: string;
  response_status: number | null;
  response_excerpt: string | null;
  error: string | null;
  duration_ms: number;
}
