import type { ActivityName } from '../events/bus.ts';

/** What an endpoint may subscribe to; webhook.test is sent by "send test" alone. */
export const WEBHOOK_EVENT_TYPES = [
  'comment.created',
  'comment.published',
  'comment.refused',
  'comment.edited',
  'comment.deleted',
  'story.closed',
  'user.banned',
  'import.finished',
] as const satisfies readonly ActivityName[];

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The body every receiver gets, in the Standard Webhooks form. */
export function webhookPayload(type: string, at: string, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: at, data });
}
