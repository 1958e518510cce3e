import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, commonErrors } from '../shared/errors.ts';
import { escapeHtml } from '../shared/html.ts';
import { bodyMalformed, malformedBody } from './input-guards.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function toBody(err: FastifyError | AppError | Error): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
    };
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    return {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: `${commonErrors.VALIDATION_FAILED.message} ${fe.message}`,
          details: fe.validation.map((v) => ({
            where: `${fe.validationContext ?? ''}${v.instancePath}`,
            problem: v.message,
          })),
        },
      },
    };
  }
  if (fe.statusCode === 429) {
    return {
      status: 429,
      body: { error: { code: 'RATE_LIMITED', message: fe.message || commonErrors.RATE_LIMITED.message } },
    };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { error: { code: fe.code ?? 'BAD_REQUEST', message: fe.message } } };
  }
  if (malformedBody(err)) return { status: 400, body: { error: { code: 'BODY_MALFORMED', message: bodyMalformed } } };
  return { status: 500, body: { error: { code: 'INTERNAL', message: commonErrors.INTERNAL.message } } };
}

// One shape for every error: a stable code and a human message. Browsers asking
// for a page get the same words in HTML.
export function errorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toBody(err);
  if (status >= 500) request.log.error({ err }, 'request failed');
  reply.code(status).header('cache-control', 'no-store');
  if ((request.headers.accept ?? '').includes('text/html')) {
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error ${status}</title></head><body><main><h1>${escapeHtml(body.error.message)}</h1><p>Error code: <code>${escapeHtml(body.error.code)}</code></p><p><a href="/">Front page</a></p></main></body></html>`,
      );
  }
  return reply.send(body);
}
