import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer, { type Transporter } from 'nodemailer';
import type { App } from '../http/app.ts';
import { buildTestApp, demoArticleStoryId, signedInReader } from '../http/testing.ts';
import { createMailer } from '../mail/mailer.ts';
import type { OutboxMail } from '../mail/outbox.repository.ts';
import { emailModeOf, sendDigests } from './notifications.usecases.ts';
import { formFields } from './one-click.ts';

// Notification mail as large mailbox providers require of bulk mail: a
// one-click unsubscribe (RFC 8058) that works without signing in, a List-Id,
// and an HTML part beside the text.

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await f();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  return f();
}

describe('notification mail for mailbox providers', () => {
  let app: App;
  let storyId: string;
  type Reader = Awaited<ReturnType<typeof signedInReader>>;
  const post = (a: Reader, body: string, parentId?: string) =>
    a
      .api('POST', `/api/stories/${storyId}/comments`, { body, ...(parentId ? { parentId } : {}) }, a.h)
      .then((r) => r.json().comment);
  const mailTo = (to: string, subject: RegExp) =>
    until(
      async () => (await app.services.outboxRepository.list('demo', 10, to))[0],
      (m) => m !== undefined && subject.test(m.subject),
    ) as Promise<OutboxMail>;
  const oneClick = (m: OutboxMail) => {
    const header = m.headers!['List-Unsubscribe']!;
    const https = /<(https:[^>]+)>/.exec(header)![1]!;
    const u = new URL(https);
    return `${u.pathname}${u.search}`;
  };

  before(async () => {
    app = await buildTestApp({ env: { PARLEY_COMMENTS_PER_MINUTE: '1000' } });
    storyId = await demoArticleStoryId(app);
  });
  after(async () => app.close());

  it('gives each notification List-Unsubscribe (https and mailto), List-Unsubscribe-Post and List-Id, and an HTML part', async () => {
    const asha = await signedInReader(app, 'asha@example.org', 'Asha');
    const ravi = await signedInReader(app, 'ravi@example.org', 'Ravi <b>');
    const c = await post(asha, 'The quota figures should be published.');
    await post(ravi, 'I agree & so should <em>they</em>.', c.id);
    const m = await mailTo('asha@example.org', /replied/);
    const h = m.headers!;
    assert.match(
      h['List-Unsubscribe']!,
      /^<https:\/\/news\.test\/account\/unsubscribe\?token=[\w-]+>, <mailto:no-reply@localhost\?subject=unsubscribe&body=https%3A%2F%2Fnews\.test%2Faccount%2Funsubscribe%3Ftoken%3D[\w-]+>$/,
    );
    assert.equal(h['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.equal(h['List-Id'], 'The Meridian Herald: replies and followed stories <notifications.demo.news.test>');
    assert.match(m.html!, /^<!doctype html>/);
    assert.match(m.html!, /<strong>Ravi &lt;b&gt;<\/strong> replied to you/);
    assert.match(m.html!, /I agree &amp; so should &lt;em&gt;they&lt;\/em&gt;\./, 'escaped once');
    assert.match(m.text, /I agree & so should <em>they<\/em>\./);
    assert.match(m.html!, /<a href="https:\/\/news\.test\/account\/unsubscribe\?token=[\w-]+">Stop these e-mails<\/a>/);
  });

  it('gives digests the same headers', async () => {
    const kabir = await signedInReader(app, 'kabir@example.org', 'Kabir');
    const ravi = await signedInReader(app, 'ravi@example.org', 'Ravi <b>');
    await kabir.api('PUT', '/api/me/notification-settings', { emailMode: 'hourly' }, kabir.h);
    const c = await post(kabir, 'An opinion that draws replies.');
    await post(ravi, 'A first civil reply.', c.id);
    await post(ravi, 'A second civil reply.', c.id);
    await until(
      () => kabir.api('GET', '/api/me/notifications').then((r) => r.json()),
      (v) => v.unread === 2,
    );
    assert.equal(await sendDigests(app.services), 1);
    const m = await mailTo('kabir@example.org', /2 new replies/);
    assert.equal(m.headers!['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.match(m.html!, /A first civil reply[\s\S]*A second civil reply/);
  });

  it('unsubscribes on the one-click POST to the List-Unsubscribe address, without a cookie or CSRF token', async () => {
    const url = oneClick(await mailTo('asha@example.org', /replied/));
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    const asha = await app.services.usersRepository.getByEmail('demo', 'asha@example.org');
    assert.equal(await emailModeOf(app.services, asha!), 'off');
    const forged = await app.inject({
      method: 'POST',
      url: '/account/unsubscribe?token=not-a-token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(forged.statusCode, 400);
  });

  it('takes the one-click POST as multipart/form-data too', async () => {
    const url = oneClick(await mailTo('kabir@example.org', /2 new replies/));
    const boundary = '----parley';
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    assert.equal(res.statusCode, 200, res.body);
    const kabir = await app.services.usersRepository.getByEmail('demo', 'kabir@example.org');
    assert.equal(await emailModeOf(app.services, kabir!), 'off');
    assert.deepEqual(formFields(`--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--`), { a: '1' });
  });

  it('sends text and HTML as multipart/alternative with the list headers over SMTP', async () => {
    let raw = '';
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const transport = {
      async sendMail(options: object) {
        const info = await stream.sendMail(options);
        raw = (info.message as Buffer).toString();
        return info;
      },
    } as unknown as Transporter;
    const mailer = createMailer({
      outbox: app.services.outboxRepository,
      smtpUrl: undefined,
      from: 'The Herald <letters@news.test>',
      now: () => new Date(),
      transport,
    });
    await mailer.send({
      siteId: 'demo',
      to: 'x@example.org',
      subject: 'Hello',
      text: 'plain words',
      html: '<p>rich words</p>',
      list: { unsubscribeUrl: 'https://news.test/account/unsubscribe?token=t', id: 'n.demo.news.test', name: 'Herald' },
    });
    assert.match(raw, /^Content-Type: multipart\/alternative;/m);
    assert.match(raw, /^Content-Type: text\/plain/m);
    assert.match(raw, /^Content-Type: text\/html/m);
    assert.match(
      raw,
      /^List-Unsubscribe: <https:\/\/news\.test\/account\/unsubscribe\?token=t>,\s+<mailto:letters@news\.test\?/m,
    );
    assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    assert.match(raw, /^List-ID: Herald <n\.demo\.news\.test>$/im);
  });
});
