import { createSessionsRepository, type SessionsRepository } from '../accounts/sessions.repository.ts';
import { createTokensRepository, type TokensRepository } from '../accounts/tokens.repository.ts';
import { createUsersRepository, type UsersRepository } from '../accounts/users.repository.ts';
import { type ArticlesRepository, createArticlesRepository } from '../articles/articles.repository.ts';
import { createNewsroomRepository, type NewsroomRepository } from '../articles/newsroom.repository.ts';
import { type CommentsRepository, createCommentsRepository } from '../comments/comments.repository.ts';
import { type CommentDecisionsRepository, createCommentDecisionsRepository } from '../comments/decisions.repository.ts';
import { createStoriesRepository, type StoriesRepository } from '../comments/stories.repository.ts';
import { createGuidelinesRepository, type GuidelinesRepository } from '../guidelines/guidelines.repository.ts';
import { createLearningRepository, type LearningRepository } from '../guidelines/learning.repository.ts';
import { createImagesRepository, type ImagesRepository } from '../images/images.repository.ts';
import { createImportsRepository, type ImportsRepository } from '../imports/imports.repository.ts';
import { createJobsRepository, type JobsRepository } from '../jobs/jobs.repository.ts';
import { createLiveblogsRepository, type LiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { createOutboxRepository, type OutboxRepository } from '../mail/outbox.repository.ts';
import { createModerationRepository, type ModerationRepository } from '../moderation/moderation.repository.ts';
import {
  createNotificationsRepository,
  type NotificationsRepository,
} from '../notifications/notifications.repository.ts';
import { createSitesRepository, type SitesRepository } from '../sites/sites.repository.ts';
import { createSsoRepository, type SsoRepository } from '../sso/sso.repository.ts';
import type { Storage } from '../storage/database.ts';
import { createTopnewsRepository, type TopnewsRepository } from '../topnews/topnews.repository.ts';
import { createWebhooksRepository, type WebhooksRepository } from '../webhooks/webhooks.repository.ts';

// Every feature's repository over one storage: the part of Services that
// touches tables. Each is the only writer of its tables (docs/architecture.md).

export interface Repositories {
  sitesRepository: SitesRepository;
  usersRepository: UsersRepository;
  sessionsRepository: SessionsRepository;
  tokensRepository: TokensRepository;
  outboxRepository: OutboxRepository;
  ssoRepository: SsoRepository;
  articlesRepository: ArticlesRepository;
  newsroomRepository: NewsroomRepository;
  liveblogsRepository: LiveblogsRepository;
  /** page views, today's activity and the editors' picks */
  topnewsRepository: TopnewsRepository;
  imagesRepository: ImagesRepository;
  storiesRepository: StoriesRepository;
  commentsRepository: CommentsRepository;
  notificationsRepository: NotificationsRepository;
  importsRepository: ImportsRepository;
  /** moderators' decisions and authors' appeals on comments */
  commentDecisionsRepository: CommentDecisionsRepository;
  guidelinesRepository: GuidelinesRepository;
  /** the moderators' decisions as examples, and the sites' own models */
  learningRepository: LearningRepository;
  moderationRepository: ModerationRepository;
  /** background jobs' claims, one instance per run */
  jobsRepository: JobsRepository;
  /** the sites' webhook endpoints, their queued deliveries and every attempt */
  webhooksRepository: WebhooksRepository;
}

export function createRepositories(storage: Storage): Repositories {
  return {
    sitesRepository: createSitesRepository(storage),
    usersRepository: createUsersRepository(storage),
    sessionsRepository: createSessionsRepository(storage),
    tokensRepository: createTokensRepository(storage),
    outboxRepository: createOutboxRepository(storage),
    ssoRepository: createSsoRepository(storage),
    articlesRepository: createArticlesRepository(storage),
    newsroomRepository: createNewsroomRepository(storage),
    liveblogsRepository: createLiveblogsRepository(storage),
    topnewsRepository: createTopnewsRepository(storage),
    imagesRepository: createImagesRepository(storage),
    storiesRepository: createStoriesRepository(storage),
    commentsRepository: createCommentsRepository(storage),
    notificationsRepository: createNotificationsRepository(storage),
    importsRepository: createImportsRepository(storage),
    commentDecisionsRepository: createCommentDecisionsRepository(storage),
    guidelinesRepository: createGuidelinesRepository(storage),
    learningRepository: createLearningRepository(storage),
    moderationRepository: createModerationRepository(storage),
    jobsRepository: createJobsRepository(storage),
    webhooksRepository: createWebhooksRepository(storage),
  };
}
