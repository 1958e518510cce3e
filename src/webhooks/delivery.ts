import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { retryDelayMs, signedHeaders, signingSecrets } from './signing.ts';
import type { Delivery, Endpoint, WebhooksRepository } from './webhooks.repository.ts';

// The sender: claims due deliveries (one instance each), posts them signed,
// and records every attempt. A failure waits longer each time; after the last
// attempt the delivery is marked failed and stays in the log to be retried by hand.

export type DeliveryDeps = { webhooksRepository: WebhooksRepository; now: () => Date; log: Logger } & {
  fetch?: typeof fetch;
};

const WORKER = `${process.pid}-${randomBytes(4).toString('hex')}`;
const CLAIM_MS = 60_000;
const TIMEOUT_MS = 10_000;
const EXCERPT = 500;

/** Sends what is due now (or only the delivery `id`); returns how many were attempted. */
export async function deliverDueWebhooks(deps: DeliveryDeps, options: { id?: string; limit?: number } = {}) {
  const now = deps.now();
  const claimed = await deps.webhooksRepository.claimDue({
    now: now.toISOString(),
    until: new Date(now.getTime() + CLAIM_MS).toISOString(),
    worker: WORKER,
    limit: options.limit ?? 20,
    ...(options.id ? { id: options.id } : {}),
  });
  for (const d of claimed) {
    const endpoint = await deps.webhooksRepository.getEndpoint(d.siteId, d.endpointId);
    if (endpoint) await attempt(deps, d, endpoint);
  }
  return claimed.length;
}

async function attempt(deps: DeliveryDeps, d: Delivery, endpoint: Endpoint): Promise<void> {
  const at = deps.now();
  const started = performance.now();
  const headers = signedHeaders(signingSecrets(endpoint, at), d.id, at, d.payload);
  let responseStatus: number | null = null;
  let responseExcerpt: string | null = null;
  let error: string | null = null;
  try {
    const res = await (deps.fetch ?? fetch)(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Parley-Webhooks/1', ...headers },
      body: d.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    responseStatus = res.status;
    responseExcerpt = (await res.text().catch(() => '')).slice(0, EXCERPT);
  } catch (err) {
    error = ((err as Error).cause as Error | undefined)?.message ?? (err as Error).message;
  }
  const ok = responseStatus !== null && responseStatus >= 200 && responseStatus < 300;
  const n = d.attempts + 1;
  const wait = ok ? 0 : retryDelayMs(n);
  const next = ok
    ? { status: 'delivered' as const, at: at.toISOString() }
    : wait === undefined
      ? { status: 'failed' as const, at: at.toISOString() }
      : { status: 'pending' as const, at: new Date(at.getTime() + wait).toISOString() };
  await deps.webhooksRepository.recordAttempt(
    { id: d.id, worker: WORKER },
    {
      attempt: n,
      at: at.toISOString(),
      responseStatus,
      responseExcerpt,
      error,
      durationMs: Math.round(performance.now() - started),
      next,
    },
  );
  if (!ok)
    deps.log.warn({ delivery: d.id, url: endpoint.url, status: responseStatus, error }, 'webhook delivery failed');
}
