import type { ArticlesRepository } from '../articles/articles.repository.ts';
import type { LeadImageChoice } from '../articles/articles.ts';
import type { ImageRef } from '../articles/body.ts';
import type { LiveblogsRepository } from '../liveblogs/liveblogs.repository.ts';
import { newId } from '../shared/ids.ts';
import { slugify } from '../shared/slug.ts';
import type { SitesRepository } from '../sites/sites.repository.ts';
import type { TopnewsRepository } from '../topnews/topnews.repository.ts';
import { demoArticles, demoAuthors, demoLiveblog, demoLiveEntries, demoSections, demoSite } from './content.ts';
import { drawIllustration, ILLUSTRATION, illustrationAlt } from './illustrations.ts';

export interface SeedDemoDeps {
  sites: SitesRepository;
  articles: ArticlesRepository;
  liveblogs: LiveblogsRepository;
  topnews: TopnewsRepository;
  now: () => Date;
  /** the image pipeline: when given, every story gets a lead image Parley draws (tests leave it out, for speed) */
  images?: { upload(siteId: string, body: Buffer): Promise<ImageRef> };
}

/** Each story's illustration, drawn and put through the image pipeline all at once (libvips works in parallel). */
async function illustrate(
  deps: SeedDemoDeps,
  siteId: string,
  stories: { slug: string; section: string; headline: string }[],
): Promise<Map<string, LeadImageChoice>> {
  const out = new Map<string, LeadImageChoice>();
  const { images } = deps;
  if (!images) return out;
  const sectionName = (slug: string) => demoSections.find((s) => s.slug === slug)?.name ?? slug;
  await Promise.all(
    stories.map(async (a) => {
      const image = await images.upload(siteId, await drawIllustration(a.section, a.headline));
      out.set(a.slug, {
        imageId: image.id,
        alt: illustrationAlt(a.section, a.headline),
        caption: `${sectionName(a.section)}: a picture drawn for the demo paper.`,
        credit: ILLUSTRATION.credit,
      });
    }),
  );
  return out;
}

/**
 * Fills an empty database with the demo site. Returns false, changing nothing,
 * when the demo site already exists: running it twice is safe.
 */
export async function seedDemo(deps: SeedDemoDeps, options: { baseUrl: string }): Promise<boolean> {
  const { sites, articles, liveblogs, topnews } = deps;
  if (await sites.get(demoSite.id)) return false;
  const now = deps.now().getTime();
  const at = (ago: number) => new Date(now - ago).toISOString();
  const siteId = demoSite.id;

  await sites.insert({
    id: siteId,
    name: demoSite.name,
    baseUrl: options.baseUrl,
    timeZone: demoSite.timeZone,
    timeZoneLabel: null,
    language: demoSite.language,
    tagline: demoSite.tagline,
    guidelines: demoSite.guidelines,
    createdAt: at(0),
  });

  const sectionIds = new Map<string, string>();
  for (const [position, s] of demoSections.entries()) {
    const id = newId();
    sectionIds.set(s.slug, id);
    await articles.insertSection({ id, siteId, slug: s.slug, name: s.name, description: s.description, position });
  }
  const authorIds = new Map<string, string>();
  for (const a of demoAuthors) {
    const id = newId();
    authorIds.set(a.slug, id);
    await articles.insertAuthor({ id, siteId, ...a });
  }
  const lookup = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`demo content refers to unknown ${key}`);
    return id;
  };

  const leadImages = await illustrate(deps, siteId, [...demoArticles, demoLiveblog]);
  const picks: { id: string; rank: number }[] = [];
  for (const a of demoArticles) {
    const id = newId();
    if (a.pick) picks.push({ id, rank: a.pick });
    await articles.insertArticle({
      id,
      siteId,
      sectionId: lookup(sectionIds, a.section),
      kind: 'article',
      slug: a.slug,
      headline: a.headline,
      shortTitle: null,
      standfirst: a.standfirst,
      body: a.body,
      dateline: a.dateline,
      status: 'published',
      publishedAt: at(a.publishedAgo),
      updatedAt: a.updatedAgo === undefined ? null : at(a.updatedAgo),
      modifiedAt: at(a.updatedAgo ?? a.publishedAgo),
      authorIds: a.authors.map((s) => lookup(authorIds, s)),
      tags: a.tags.map((name) => ({ slug: slugify(name), name })),
      commentsOpen: true,
      liveStatus: null,
      liveTopic: null,
      inBanner: false,
      leadImage: leadImages.get(a.slug) ?? null,
    });
  }

  const blogId = newId();
  const lastEntryAgo = Math.min(...demoLiveEntries.map((e) => e.minutesAgo)) * 60_000;
  await articles.insertArticle({
    id: blogId,
    siteId,
    sectionId: lookup(sectionIds, demoLiveblog.section),
    kind: 'liveblog',
    slug: demoLiveblog.slug,
    headline: demoLiveblog.headline,
    shortTitle: demoLiveblog.shortTitle,
    standfirst: demoLiveblog.standfirst,
    body: [],
    dateline: demoLiveblog.dateline,
    status: 'published',
    publishedAt: at(demoLiveblog.startedAgo),
    updatedAt: at(lastEntryAgo),
    modifiedAt: at(lastEntryAgo),
    authorIds: demoLiveblog.authors.map((s) => lookup(authorIds, s)),
    tags: demoLiveblog.tags.map((name) => ({ slug: slugify(name), name })),
    commentsOpen: true,
    liveStatus: 'live',
    liveTopic: demoLiveblog.topic,
    inBanner: true,
    leadImage: leadImages.get(demoLiveblog.slug) ?? null,
  });
  for (const e of demoLiveEntries) {
    await liveblogs.insertEntry({
      id: newId(),
      siteId,
      articleId: blogId,
      headline: e.headline,
      body: [{ type: 'paragraph', text: e.text }],
      keyEvent: e.keyEvent ?? false,
      postedAt: at(e.minutesAgo * 60_000),
    });
  }
  picks.sort((x, y) => x.rank - y.rank);
  await topnews.setPicks(siteId, [blogId, ...picks.map((x) => x.id)]);
  return true;
}
