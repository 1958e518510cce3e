import { authApiRoutes } from '../accounts/api.routes.ts';
import { linkingRoutes } from '../accounts/linking.routes.ts';
import { loginRoutes } from '../accounts/login.routes.ts';
import { myCommentsRoutes } from '../accounts/my-comments.routes.ts';
import { passwordRoutes } from '../accounts/password.routes.ts';
import { profileRoutes } from '../accounts/profile.routes.ts';
import { registrationRoutes } from '../accounts/registration.routes.ts';
import { adminRoutes } from '../admin/admin.routes.ts';
import { newsroomRoutes } from '../articles/newsroom.routes.ts';
import { searchRoutes } from '../articles/search.routes.ts';
import { commentFormRoutes } from '../comments/comments.form.routes.ts';
import { commentsRoutes } from '../comments/comments.routes.ts';
import { reactionsRoutes } from '../comments/reactions.routes.ts';
import { storiesRoutes } from '../comments/stories.routes.ts';
import type { Services } from '../core/services.ts';
import { embedRoutes } from '../embed/embed.routes.ts';
import { feedsRoutes } from '../feeds/feeds.routes.ts';
import { guidelinesRoutes } from '../guidelines/guidelines.routes.ts';
import { learningRoutes } from '../guidelines/learning.routes.ts';
import { healthRoutes } from '../health/health.routes.ts';
import { imagesRoutes } from '../images/images.routes.ts';
import { claimRoutes } from '../imports/claims.routes.ts';
import { liveblogsRoutes } from '../liveblogs/liveblogs.routes.ts';
import { moderationAppealsRoutes } from '../moderation/appeals.routes.ts';
import { moderationAuditRoutes } from '../moderation/audit.routes.ts';
import { moderationAuthorsRoutes } from '../moderation/authors.routes.ts';
import { moderationDecisionsRoutes } from '../moderation/decisions.routes.ts';
import { moderationQueuesRoutes } from '../moderation/queues.routes.ts';
import { notificationsRoutes } from '../notifications/notifications.routes.ts';
import { iconsRoutes } from '../pages/icons.routes.ts';
import { pagesRoutes } from '../pages/pages.routes.ts';
import { ssoRoutes } from '../sso/sso.routes.ts';
import { topNewsRoutes } from '../topnews/topnews.routes.ts';
import { webhooksRoutes } from '../webhooks/webhooks.routes.ts';

// Every feature's routes, in the order they are registered. A feature adds a
// route inside its own routes module; this list changes only for a new module.
// The reader-facing pages come last: they answer every address no API took.
export const routeModules = [
  healthRoutes,
  registrationRoutes,
  loginRoutes,
  passwordRoutes,
  profileRoutes,
  myCommentsRoutes,
  linkingRoutes,
  authApiRoutes,
  ssoRoutes,
  adminRoutes,
  guidelinesRoutes,
  learningRoutes,
  moderationQueuesRoutes,
  moderationDecisionsRoutes,
  moderationAuthorsRoutes,
  moderationAuditRoutes,
  moderationAppealsRoutes,
  commentsRoutes,
  reactionsRoutes,
  storiesRoutes,
  commentFormRoutes,
  embedRoutes,
  notificationsRoutes,
  feedsRoutes,
  newsroomRoutes,
  liveblogsRoutes,
  topNewsRoutes,
  searchRoutes,
  claimRoutes,
  imagesRoutes,
  iconsRoutes,
  webhooksRoutes,
] satisfies ((services: Services) => unknown)[];

export const lastRouteModules = [pagesRoutes] satisfies ((services: Services) => unknown)[];
