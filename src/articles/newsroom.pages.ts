import { backofficeLayout } from '../admin/frame.ts';
import { storyList } from '../pages/components.ts';
import { type Chrome, layout } from '../pages/layout.ts';
import { urls } from '../pages/urls.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { formatPaperTime } from '../time/format.ts';
import type { Author, Section } from './articles.repository.ts';
import { blocksToText, lineDiff } from './body-text.ts';
import type { EditableArticle } from './newsroom.repository.ts';
import { workflowState } from './workflow.ts';

// The editors' pages under /admin: server-rendered forms, no script needed.

function page(chrome: Chrome, title: string, body: SafeHtml, path = '/admin/articles'): SafeHtml {
  return backofficeLayout(
    chrome,
    { title, path },
    html`<nav aria-label="Newsroom" class="bo-subnav"><a href="/admin/articles">Articles</a> <a href="/admin/articles/new">New article</a> <a href="/admin/liveblogs">Live blogs</a> <a href="/admin/articles/new?kind=liveblog">New live blog</a></nav>${body}`,
  );
}

const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

export function articleListPage(
  chrome: Chrome,
  list: Awaited<ReturnType<import('./newsroom.repository.ts').NewsroomRepository['list']>>,
  q: string,
  notice?: string,
): SafeHtml {
  const tz = chrome.site.timeZone;
  return page(
    chrome,
    'Articles',
    html`${notice ? html`<div class="notice" role="status">${notice}</div>` : ''}<form method="get" action="/admin/articles" class="field inline"><label for="q">Search articles</label><input id="q" name="q" value="${q}"><button class="button" type="submit">Search</button></form>
<table class="data-table"><thead><tr><th scope="col">Headline</th><th scope="col">State</th><th scope="col">Time</th><th scope="col">Last change</th></tr></thead><tbody>
${list.map((a) => {
  const state = workflowState({ status: a.status, scheduledAt: a.scheduledAt, publishedAt: a.publishedAt });
  return html`<tr><td><a href="/admin/articles/${a.id}">${a.headline}</a>${a.kind === 'liveblog' ? html` <small>(live blog${a.liveStatus === 'live' ? ', live' : ''})</small>` : ''}</td><td>${state}</td><td>${state === 'scheduled' && a.scheduledAt ? formatPaperTime(a.scheduledAt, tz) : a.publishedAt ? formatPaperTime(a.publishedAt, tz) : ''}</td><td>${formatPaperTime(a.modifiedAt, tz)}</td></tr>`;
})}
</tbody></table>${list.length === 0 ? html`<p>No articles match.</p>` : ''}`,
  );
}

/** The local date-time an <input type="datetime-local"> shows for an instant, in the site's zone. */
function localInput(iso: string, tz: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The lead image's fields in the editor's form: the uploaded image's id (set by "Add an image") and its words. */
function leadImageFields(siteId: string, lead: EditableArticle['leadImage']): SafeHtml {
  return html`<fieldset class="field lead-image-fields"><legend>Lead image</legend>${lead ? html`<img class="editor-thumb" src="/media/${siteId}/${lead.imageId}/fallback.jpg" alt="">` : html`<p class="help">None yet: upload one below ("Add an image"), or give an uploaded image's id.</p>`}
<label for="e-lead-id">Lead image id (empty removes it)</label><input id="e-lead-id" name="leadImageId" maxlength="40" value="${lead?.imageId ?? ''}">
<label for="e-lead-alt">Lead image: its description for readers who cannot see it (required)</label><input id="e-lead-alt" name="leadImageAlt" maxlength="300" value="${lead?.alt ?? ''}">
<label for="e-lead-caption">Lead image caption</label><input id="e-lead-caption" name="leadImageCaption" maxlength="300" value="${lead?.caption ?? ''}">
<label for="e-lead-credit">Lead image credit</label><input id="e-lead-credit" name="leadImageCredit" maxlength="120" value="${lead?.credit ?? ''}"></fieldset>`;
}

export function editorPage(
  chrome: Chrome,
  csrf: string,
  d: {
    article: EditableArticle | null;
    kind: 'article' | 'liveblog';
    sections: Section[];
    authors: Author[];
    revisions: { id: string; editorName: string; createdAt: string; snapshot: EditableArticle }[];
    notice?: string | undefined;
    error?: string | undefined;
    sectionSlug?: string | undefined;
  },
): SafeHtml {
  const a = d.article;
  const tz = chrome.site.timeZone;
  const state = a ? workflowState(a) : 'draft';
  const action = a ? `/admin/articles/${a.id}` : '/admin/articles';
  const version = html`<input type="hidden" name="version" value="${String(a?.version ?? 0)}">`;
  const wf = (path: string, label: string, extra: SafeHtml = html``) =>
    html`<form method="post" action="/admin/articles/${a!.id}/${path}" class="inline-form">${csrfField(csrf)}${version}${extra}<button class="button" type="submit">${label}</button></form>`;
  return page(
    chrome,
    a ? `Edit: ${a.headline}` : d.kind === 'liveblog' ? 'New live blog' : 'New article',
    html`${d.notice ? html`<div class="notice" role="status">${d.notice}</div>` : ''}${d.error ? html`<div class="notice error" role="alert">${d.error}</div>` : ''}
${a ? html`<p>State: <strong>${state}</strong>${a.publishedAt ? html` · published ${formatPaperTime(a.publishedAt, tz)}` : ''}${a.updatedAt ? html` · updated ${formatPaperTime(a.updatedAt, tz)}` : ''}${a.scheduledAt ? html` · scheduled for ${formatPaperTime(a.scheduledAt, tz)}` : ''}${a.status === 'published' && d.sectionSlug ? html` · <a href="${urls.articleBySlugs(d.sectionSlug, a.slug)}">view</a>` : ''}${a.kind === 'liveblog' ? html` · <a href="/admin/liveblogs/${a.id}">live entries</a>` : ''}</p>` : ''}
<form method="post" action="${action}" class="editor">${csrfField(csrf)}${version}<input type="hidden" name="kind" value="${a?.kind ?? d.kind}">
<div class="field"><label for="e-headline">Headline</label><input id="e-headline" name="headline" required maxlength="200" value="${a?.headline ?? ''}"></div>
<div class="field"><label for="e-short">Short title (banners, lists)</label><input id="e-short" name="shortTitle" maxlength="80" value="${a?.shortTitle ?? ''}"></div>
<div class="field"><label for="e-standfirst">Standfirst</label><textarea id="e-standfirst" name="standfirst" rows="2" maxlength="500">${a?.standfirst ?? ''}</textarea></div>
<div class="field"><label for="e-body">Body</label><textarea id="e-body" name="bodyText" rows="16" aria-describedby="e-body-help">${a ? blocksToText(a.body) : ''}</textarea>
<p id="e-body-help" class="help">Paragraphs are separated by a blank line. "## " starts a subheading, "&gt; " lines a quote (a last line "— Name" is its source). **bold**, *italic*, [label](https://link).</p></div>
<div class="field"><label for="e-section">Section</label><select id="e-section" name="sectionId">${d.sections.map((s) => html`<option value="${s.id}"${a?.sectionId === s.id ? html` selected` : ''}>${s.name}</option>`)}</select></div>
<fieldset class="field"><legend>Authors</legend>${d.authors.map((au) => html`<label><input type="checkbox" name="authorIds" value="${au.id}"${a?.authorIds.includes(au.id) ? html` checked` : ''}> ${au.name}</label> `)}</fieldset>
<div class="field"><label for="e-tags">Tags (comma-separated)</label><input id="e-tags" name="tags" value="${a?.tags.map((t) => t.name).join(', ') ?? ''}"></div>
<div class="field"><label for="e-dateline">Dateline city</label><input id="e-dateline" name="dateline" maxlength="60" value="${a?.dateline ?? ''}"></div>
<div class="field"><label for="e-slug">Address (slug)</label><input id="e-slug" name="slug" maxlength="80" value="${a?.slug ?? ''}" aria-describedby="e-slug-help"><p id="e-slug-help" class="help">Made from the headline when empty.</p></div>
<div class="field"><label for="e-seo-title">Search engine title</label><input id="e-seo-title" name="seoTitle" maxlength="120" value="${a?.seoTitle ?? ''}"></div>
<div class="field"><label for="e-seo-desc">Search engine description</label><input id="e-seo-desc" name="seoDescription" maxlength="300" value="${a?.seoDescription ?? ''}"></div>
${(a?.kind ?? d.kind) === 'liveblog' ? html`<div class="field"><label for="e-topic">Banner topic label</label><input id="e-topic" name="liveTopic" maxlength="40" value="${a?.liveTopic ?? ''}"></div>` : ''}
<div class="field"><label><input type="checkbox" name="commentsOpen" value="yes"${a?.commentsOpen === false ? '' : html` checked`}> Comments open</label></div>
${leadImageFields(chrome.site.id, a?.leadImage ?? null)}
<button class="button" type="submit">${a ? 'Save' : 'Save draft'}</button></form>
${
  a
    ? html`<h2>Add an image</h2>
<form method="post" action="/admin/articles/${a.id}/images" enctype="multipart/form-data" class="editor">${csrfField(csrf)}${version}
<div class="field"><label for="i-file">Image (JPEG, PNG, WebP, GIF or AVIF, up to 15 MB)</label><input id="i-file" name="file" type="file" accept="image/*" required></div>
<div class="field"><label for="i-alt">Description for readers who cannot see it</label><input id="i-alt" name="alt" required maxlength="300"></div>
<div class="field"><label for="i-caption">Caption</label><input id="i-caption" name="caption" maxlength="300"></div>
<div class="field"><label for="i-credit">Credit</label><input id="i-credit" name="credit" maxlength="120"></div>
<fieldset class="field"><legend>Place it</legend><label><input type="radio" name="placement" value="lead"${a.leadImage ? '' : html` checked`}> As the lead image (above the article, in lists and when shared)</label> <label><input type="radio" name="placement" value="body"${a.leadImage ? html` checked` : ''}> In the article text, at its end</label></fieldset>
<button class="button" type="submit">Upload</button>
<p class="help">It is resized for phones and wide screens; a body image's line can be moved like any paragraph.</p></form>
<h2>Publishing</h2><div class="workflow">
${a.status !== 'published' ? wf('publish', 'Publish now') : ''}
${a.status !== 'published' ? wf('schedule', 'Schedule', html`<label for="w-at">Publish at (${chrome.site.timeZoneLabel ?? tz})</label><input id="w-at" type="datetime-local" name="at" required value="${a.scheduledAt ? localInput(a.scheduledAt, tz) : ''}">`) : ''}
${a.status === 'published' ? wf('update', 'Mark as updated (shows "Updated" with the time)') : ''}
${a.status === 'published' ? wf('correct', 'Add a correction', html`<label for="w-note">Correction note</label><input id="w-note" name="note" required maxlength="1000" value="${a.correction ?? ''}">`) : ''}
${a.status === 'published' || a.scheduledAt ? wf('unpublish', a.status === 'published' ? 'Unpublish' : 'Cancel the schedule') : ''}
</div>
<h2>Revisions</h2>${
        d.revisions.length
          ? html`<ol class="revisions">${d.revisions.map((r, i) => {
              const older = d.revisions[i + 1];
              const diff = older
                ? lineDiff(blocksToText(older.snapshot.body), blocksToText(r.snapshot.body)).filter(
                    (x) => x.kind !== 'same',
                  )
                : [];
              return html`<li>${formatPaperTime(r.createdAt, tz)}, ${r.editorName}: ${r.snapshot.headline}${diff.length ? html`<details><summary>${String(diff.length)} changed lines</summary><pre class="diff">${diff.map((x) => `${x.kind === 'added' ? '+ ' : '- '}${x.line}\n`).join('')}</pre></details>` : ''}${i > 0 ? wf('restore', 'Restore this version', html`<input type="hidden" name="revisionId" value="${r.id}">`) : ''}</li>`;
            })}</ol>`
          : html`<p>No revisions.</p>`
      }`
    : ''
}`,
  );
}

/** Every live blog, live ones first, with a form that starts a new one. */
export function liveblogListPage(
  chrome: Chrome,
  csrf: string,
  list: Awaited<ReturnType<import('./newsroom.repository.ts').NewsroomRepository['list']>>,
  d: { notice?: string | undefined; error?: string | undefined },
): SafeHtml {
  const tz = chrome.site.timeZone;
  const live = list.filter((a) => a.liveStatus === 'live');
  const ended = list.filter((a) => a.liveStatus !== 'live');
  const rows = (items: typeof list) =>
    items.length
      ? html`<table class="data-table"><thead><tr><th scope="col">Headline</th><th scope="col">State</th><th scope="col">Last change</th></tr></thead><tbody>${items.map(
          (a) =>
            html`<tr><td><a href="/admin/liveblogs/${a.id}">${a.headline}</a></td><td>${workflowState({ status: a.status, scheduledAt: a.scheduledAt, publishedAt: a.publishedAt })}</td><td>${formatPaperTime(a.modifiedAt, tz)}</td></tr>`,
        )}</tbody></table>`
      : html`<p>None.</p>`;
  return page(
    chrome,
    'Live blogs',
    html`${d.notice ? html`<div class="notice" role="status">${d.notice}</div>` : ''}${d.error ? html`<div class="notice error" role="alert">${d.error}</div>` : ''}
<h2>Live</h2>${rows(live)}
<h2>Ended</h2>${rows(ended)}
<h2>Start a live blog</h2>
<form method="post" action="/admin/liveblogs">${csrfField(csrf)}
<div class="field"><label for="n-headline">Headline</label><input id="n-headline" name="headline" required maxlength="200"></div>
<div class="field"><label for="n-standfirst">Standfirst</label><input id="n-standfirst" name="standfirst" maxlength="500"></div>
<div class="field"><label for="n-section">Section</label><select id="n-section" name="sectionId">${chrome.sections.map((s) => html`<option value="${s.id}">${s.name}</option>`)}</select></div>
<div class="field"><label for="n-topic">Topic label for the banner</label><input id="n-topic" name="liveTopic" maxlength="40"></div>
<button class="button" type="submit">Create the live blog</button></form>`,
    '/admin/liveblogs',
  );
}

export function liveAdminPage(
  chrome: Chrome,
  csrf: string,
  a: EditableArticle,
  entries: import('../liveblogs/liveblogs.repository.ts').LiveEntry[],
  notice?: string,
): SafeHtml {
  const tz = chrome.site.timeZone;
  const version = html`<input type="hidden" name="version" value="${String(a.version)}">`;
  return page(
    chrome,
    `Live: ${a.headline}`,
    html`${notice ? html`<div class="notice" role="status">${notice}</div>` : ''}<p>Coverage is <strong>${a.liveStatus ?? 'not live'}</strong>${a.inBanner ? ' and in the site-wide banner' : ''}. <a href="/admin/articles/${a.id}">Edit the live blog</a></p>
<div class="workflow">
<form method="post" action="/admin/liveblogs/${a.id}/banner" class="inline-form">${csrfField(csrf)}${version}<input type="hidden" name="on" value="${a.inBanner ? 'no' : 'yes'}">${a.inBanner ? '' : html`<label for="b-topic">Topic label</label><input id="b-topic" name="topic" maxlength="40" value="${a.liveTopic ?? ''}">`}<button class="button" type="submit">${a.inBanner ? 'Take out of the banner' : 'Feature in the banner'}</button></form>
<form method="post" action="/admin/liveblogs/${a.id}/${a.liveStatus === 'live' ? 'end' : 'reopen'}" class="inline-form">${csrfField(csrf)}${version}<button class="button" type="submit">${a.liveStatus === 'live' ? 'End the coverage' : 'Reopen the coverage'}</button></form>
</div>
<h2>Post an entry</h2>
<form method="post" action="/admin/liveblogs/${a.id}/entries">${csrfField(csrf)}
<div class="field"><label for="l-headline">Entry headline</label><input id="l-headline" name="headline" required maxlength="200"></div>
<div class="field"><label for="l-text">Text</label><textarea id="l-text" name="text" rows="5" required></textarea></div>
<div class="field"><label><input type="checkbox" name="keyEvent" value="yes"> Key event</label></div>
<button class="button" type="submit">Post</button></form>
<h2>Entries</h2><ol class="live-entries-admin">${entries.map(
      (
        e,
      ) => html`<li><p><strong>${e.headline}</strong> · ${formatPaperTime(e.postedAt, tz)}${e.keyEvent ? ' · key event' : ''}</p>
<details><summary>Edit</summary><form method="post" action="/admin/liveblogs/${a.id}/entries/${e.id}">${csrfField(csrf)}<label for="h-${e.id}">Headline</label><input id="h-${e.id}" name="headline" value="${e.headline}" required><label for="t-${e.id}">Text</label><textarea id="t-${e.id}" name="text" rows="4">${blocksToText(e.body)}</textarea><label><input type="checkbox" name="keyEvent" value="yes"${e.keyEvent ? html` checked` : ''}> Key event</label><button class="button" type="submit">Save</button></form></details>
<form method="post" action="/admin/liveblogs/${a.id}/entries/${e.id}/delete" class="inline-form">${csrfField(csrf)}<button class="link-button" type="submit">Delete</button></form></li>`,
    )}</ol>`,
    '/admin/liveblogs',
  );
}

export function searchPage(
  chrome: Chrome,
  q: string,
  results: import('./articles.repository.ts').ArticleSummary[],
): SafeHtml {
  return layout(
    chrome,
    { title: `${q ? `${q} - ` : ''}Search - ${chrome.site.name}`, description: 'Search the site', noindex: true },
    html`<h1>Search</h1><form method="get" action="/search" role="search" aria-label="Search page" class="search-form"><label for="search-q">Search the stories</label><input id="search-q" name="q" type="search" value="${q}" maxlength="200"><button class="button" type="submit">Search</button></form>
${q ? (results.length ? storyList(chrome.site, results, { headingLevel: 2, showSection: true }) : html`<p>No stories match "${q}".</p>`) : ''}`,
  );
}
