import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';

// What the comments' routes modules share.

export const Id = Type.Object({ id: Type.String({ maxLength: 40 }) });
export const noStore = { 'cache-control': 'private, no-store' };

/** The site and the signed-in reader of a write (401 without one). */
export async function readerOf(auth: Services['auth'], request: FastifyRequest) {
  const site = await auth.site(request);
  const { user } = await auth.requireUser(request);
  return { site, user };
}
