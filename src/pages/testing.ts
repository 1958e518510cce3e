import type { User } from '../accounts/users.repository.ts';
import type { App } from '../http/app.ts';

// Test support: the newsroom's actions the page tests need.

const editor = { id: 'editor', displayName: 'Editor' } as User;

/** Unpublishes a published article of the demo site, as an editor would. */
export async function unpublish(app: App, slug: string) {
  const s = app.services;
  const site = (await s.sitesRepository.get('demo'))!;
  const article = (await s.articlesRepository.getPublishedBySlug('demo', slug))!;
  const editable = (await s.newsroom.get(site, article.id))!;
  await s.newsroom.unpublish(site, editor, article.id, editable.version);
  return article;
}
