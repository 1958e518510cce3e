import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp, demoArticleStoryId, signedInReader } from '../http/testing.ts';
import { datasetSkipReason, datasetsDir } from '../shared/datasets.ts';
import { renderComment, sanitizeCommentHtml } from './markdown.ts';

// Every comment is hostile input. Published payload lists go through the
// renderer, the sanitiser and the posting API: nothing may come out as markup
// of its own, and nothing may break the server.

const skip = datasetSkipReason('hostile');

function lines(dir: string): string[] {
  return readdirSync(`${datasetsDir}hostile/${dir}`)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(`${datasetsDir}hostile/${dir}/${f}`, 'utf8').split('\n'))
    .filter((l) => l.trim());
}

function assertOnlyAllowedMarkup(out: string, input: string): void {
  for (const [, tag, attrs] of out.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    assert.ok(
      ['p', 'br', 'strong', 'em', 'blockquote', 'a'].includes(tag!.toLowerCase()),
      `<${tag}> from ${JSON.stringify(input)}`,
    );
    for (const [, name] of attrs!.matchAll(/\s([a-zA-Z-]+)=/g))
      assert.ok(['href', 'rel'].includes(name!.toLowerCase()), `${name}= from ${JSON.stringify(input)}`);
    const href = /href="([^"]*)"/.exec(attrs!)?.[1];
    if (href !== undefined)
      assert.match(href, /^(https?:\/\/[^/]|mailto:)/, `href ${href} from ${JSON.stringify(input)}`);
  }
}

describe('hostile comments', { skip }, () => {
  let app: App;
  before(async () => {
    if (skip) return;
    app = await buildTestApp({ env: { PARLEY_COMMENTS_PER_MINUTE: '100000' } });
  });
  after(async () => {
    await app?.close();
  });

  it('renders every XSS payload as text, in markdown and as imported HTML', () => {
    const payloads = lines('xss');
    assert.ok(payloads.length > 1000);
    for (const p of payloads) {
      assertOnlyAllowedMarkup(renderComment(p), p);
      assertOnlyAllowedMarkup(sanitizeCommentHtml(p), p);
    }
  });

  it('takes every naughty string, SQL injection and XSS payload through the API and the guidelines without a server error, and stores it intact', async () => {
    const blns = (JSON.parse(readFileSync(`${datasetsDir}hostile/blns/blns.json`, 'utf8')) as string[]).filter((s) =>
      s.trim(),
    );
    const all = [...blns, ...lines('sqli'), ...lines('xss').slice(0, 400)];
    const storyId = await demoArticleStoryId(app);
    const reader = await signedInReader(app, 'hostile@example.org', 'Hostile Tester');
    let stored = 0;
    for (const [i, text] of all.entries()) {
      // Most are not English sentences: sent anyway, they are stored for a moderator.
      const res = await reader.api(
        'POST',
        `/api/stories/${storyId}/comments`,
        { body: `${text} (${i})`, sendAnyway: true },
        reader.h,
      );
      assert.ok(res.status < 500, `${res.status} for ${JSON.stringify(text)}`);
      if (res.status === 201) {
        stored++;
        const c = res.json().comment;
        assertOnlyAllowedMarkup(c.html, text);
        const saved = await app.services.commentsRepository.get(c.id);
        assert.equal(saved?.body, `${text} (${i})`.replace(/\r\n?/g, '\n').trim());
      }
    }
    assert.ok(stored > all.length * 0.95, `${stored} of ${all.length} stored`);
    // and the page that shows them still renders, with no markup of theirs
    const page = await app.inject({ url: '/world/island-nations-agree-to-reopen-fisheries-talks' });
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<script>alert|<svg onload|onerror=alert/i);
  });
});
