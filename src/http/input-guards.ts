import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';
import { httpErrors as E } from './http.errors.ts';

// Checks on what a request carries, made once for every route before its
// schema and handler: no NUL in any text (PostgreSQL refuses it in text and
// SQLite keeps it, so both engines answer the same 400), and no body nested
// deeper than any form or API of Parley needs (handlers and the storage
// walk what they are given).

export const MAX_DEPTH = 32;

/** The first problem found in a parsed value, without recursion (depth is what is checked). */
export function inspectInput(value: unknown): 'nul' | 'deep' | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return 'nul';
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_DEPTH) return 'deep';
      if (Buffer.isBuffer(v)) continue;
      for (const key of Object.keys(v)) {
        if (key.includes('\u0000')) return 'nul';
        stack.push([(v as Record<string, unknown>)[key], depth + 1]);
      }
    }
  }
  return undefined;
}

function check(request: FastifyRequest): void {
  // A cookie is not the reader's typing: one carrying a NUL is dropped, not refused.
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies;
  for (const [name, value] of Object.entries(cookies ?? {}))
    if (name.includes('\u0000') || value?.includes('\u0000')) delete cookies![name];
  for (const part of [request.params, request.query, request.body]) {
    const found = inspectInput(part);
    if (found === 'nul') throw new AppError(E.NUL_IN_TEXT);
    if (found === 'deep') throw new AppError(E.BODY_TOO_DEEP);
  }
}

export const bodyMalformed = E.BODY_MALFORMED.message;

/** An error of a body parser that carries no status of its own (busboy's, on a cut or malformed multipart body). */
export function malformedBody(err: Error): boolean {
  return /[/\\]@fastify[/\\]busboy[/\\]/.test(err.stack ?? '');
}

export function installInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => check(request));
  // A redirect to a path made of what the reader typed may hold characters a
  // header cannot (Node refuses them with a 500): percent-encode them.
  app.addHook('onSend', async (_request, reply, payload) => {
    const location = reply.getHeader('location');
    if (typeof location === 'string' && /[^\x21-\x7e]/.test(location))
      reply.header(
        'location',
        location.toWellFormed().replace(/[^\x21-\x7e]+/g, (s) => encodeURI(s)),
      );
    return payload;
  });
}
