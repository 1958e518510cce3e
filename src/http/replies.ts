import type { FastifyReply } from 'fastify';
import type { SafeHtml } from '../shared/html.ts';

/** A page for one signed-in person (the newsroom, the moderators' desk): never kept by a cache. */
export function sendPrivatePage(reply: FastifyReply, page: SafeHtml, status = 200) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .send(page.toString());
}
