import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { App } from '../http/app.ts';
import { agent, buildTestApp } from '../http/testing.ts';

describe('mail over SMTP', () => {
  const received: { to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port = 0;
  let app: App;

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.server.address() as AddressInfo).port;
    app = await buildTestApp({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, PARLEY_MAIL_FROM: 'The Meridian Herald <news@meridian.test>' },
    });
  });

  after(async () => {
    await app.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('delivers the registration e-mail to a real SMTP server and records it as sent', async () => {
    const reader = agent(app);
    await reader.get('/account/register');
    await reader.post('/account/register', {
      email: 'smtp@example.org',
      displayName: 'Smtp Reader',
      password: 'a long enough phrase',
    });
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]?.to, ['smtp@example.org']);
    assert.match(received[0]?.data ?? '', /From: The Meridian Herald <news@meridian.test>/);
    assert.match(received[0]?.data ?? '', /Subject: Confirm your e-mail address for The Meridian Herald/);
    assert.match(received[0]?.data.replace(/=\r\n/g, '') ?? '', /https:\/\/news.test\/account\/verify\?token=3D/);
    const [record] = await app.services.outboxRepository.list('demo', 1, 'smtp@example.org');
    assert.ok(record?.sentAt);
    assert.equal(record?.error, null);
  });

  it('keeps the message and the error when the server is down', async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await app.services.mailer.send({ siteId: 'demo', to: 'down@example.org', subject: 'Still kept', text: 'x' });
    const [record] = await app.services.outboxRepository.list('demo', 1, 'down@example.org');
    assert.equal(record?.subject, 'Still kept');
    assert.equal(record?.sentAt, null);
    assert.match(record?.error ?? '', /ECONNREFUSED|connect/i);
    // reopen for after()
    server = new SMTPServer({ authOptional: true });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
});
