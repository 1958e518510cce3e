// The catalogue of errors a client can see. Codes are stable: clients and
// publishers' integrations switch on them, so never rename one.
export const errorCatalogue = {
  NOT_FOUND: { status: 404, message: 'Nothing lives at this address.' },
  SITE_NOT_FOUND: { status: 404, message: 'No site is configured for this host.' },
  ARTICLE_NOT_FOUND: { status: 404, message: 'This story does not exist or is not published.' },
  SECTION_NOT_FOUND: { status: 404, message: 'This section does not exist.' },
  AUTHOR_NOT_FOUND: { status: 404, message: 'This author does not exist.' },
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is not answering.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCatalogue[code].message);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details;
  }
}
