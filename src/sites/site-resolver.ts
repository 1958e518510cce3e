import { AppError, commonErrors } from '../shared/errors.ts';
import type { Site, SitesRepository } from './sites.repository.ts';

// Requests are routed to a site by the Host header: the host of the site's
// public URL. Anything else (localhost, an IP, a health checker) gets the
// default site. Sites change rarely, so they are held in memory and reloaded
// after a short while or when told.
export function createSiteResolver(deps: {
  sites: SitesRepository;
  defaultSiteId: string;
  ttlMs?: number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const ttl = deps.ttlMs ?? 30_000;
  let loadedAt = -Infinity;
  let byHost = new Map<string, Site>();
  let byId = new Map<string, Site>();
  let loading: Promise<void> | undefined;

  async function load(): Promise<void> {
    const all = await deps.sites.list();
    byId = new Map(all.map((s) => [s.id, s]));
    byHost = new Map();
    for (const s of all) {
      try {
        byHost.set(new URL(s.baseUrl).host.toLowerCase(), s);
      } catch {
        // a site with an unparsable URL is reachable only as the default
      }
    }
    loadedAt = now();
  }

  async function fresh(): Promise<void> {
    if (now() - loadedAt < ttl) return;
    loading ??= load().finally(() => {
      loading = undefined;
    });
    await loading;
  }

  return {
    async resolve(host: string | undefined): Promise<Site> {
      await fresh();
      const site = (host && byHost.get(host.toLowerCase())) || byId.get(deps.defaultSiteId);
      if (!site) throw new AppError(commonErrors.SITE_NOT_FOUND);
      return site;
    },
    async get(id: string): Promise<Site | undefined> {
      await fresh();
      return byId.get(id);
    },
    forget(): void {
      loadedAt = -Infinity;
    },
  };
}

export type SiteResolver = ReturnType<typeof createSiteResolver>;
