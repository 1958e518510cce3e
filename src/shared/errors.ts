// Errors a client can see. Each feature lists its own in a *.errors.ts file
// with defineErrors(); app/error-catalogue.ts gathers them and a test keeps
// every code unique. Codes are stable: integrations switch on them.

export interface ErrorDefinition {
  code: string;
  status: number;
  message: string;
}

export function defineErrors<const T extends Record<string, { status: number; message: string }>>(
  defs: T,
): { [K in keyof T]: ErrorDefinition & { code: K } } {
  const out = {} as { [K in keyof T]: ErrorDefinition & { code: K } };
  for (const key of Object.keys(defs) as (keyof T & string)[]) {
    out[key] = { code: key, status: defs[key]!.status, message: defs[key]!.message } as ErrorDefinition & {
      code: typeof key;
    };
  }
  return out;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(definition: ErrorDefinition, message?: string, details?: unknown) {
    super(message ?? definition.message);
    this.code = definition.code;
    this.status = definition.status;
    this.details = details;
  }
}

export const commonErrors = defineErrors({
  NOT_FOUND: { status: 404, message: 'Nothing lives at this address.' },
  SITE_NOT_FOUND: { status: 404, message: 'No site is configured for this host.' },
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Please wait a little and try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
});
