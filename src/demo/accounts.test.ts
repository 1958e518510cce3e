import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { App } from '../http/app.ts';
import { buildTestApp } from '../http/testing.ts';
import { demoLoginsFile, ensureDemoStaff, startBanner } from './accounts.ts';

describe("the demo's staff", () => {
  let app: App;
  const file = demoLoginsFile(mkdtempSync(join(tmpdir(), 'parley-demo-staff-')));
  before(async () => {
    app = await buildTestApp();
  });
  after(() => app.close());

  it('are made once with passwords of their own, kept for their owner alone, and sign in', async () => {
    const first = await ensureDemoStaff(app.services, { file });
    assert.deepEqual(
      first.map((l) => l.role),
      ['admin', 'editor', 'moderator'],
    );
    assert.equal(new Set(first.map((l) => l.password)).size, 3);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const again = await ensureDemoStaff(app.services, { file });
    assert.deepEqual(again, first, 'a later start reads the same logins and makes no one new');
    const admin = await app.services.usersRepository.getByEmail('demo', first[0]!.email);
    assert.equal(admin?.role, 'admin');
    assert.ok(await app.services.passwords.verify(admin!.passwordHash!, first[0]!.password));
  });

  it('are named on start with the address and where the data lives', () => {
    const text = startBanner({
      url: 'http://localhost:8080',
      dataDir: '/srv/parley',
      logins: [{ role: 'editor', email: 'editor@meridian.example', password: 'pw-123' }],
      loginsFile: '/srv/parley/demo-logins.json',
    });
    assert.match(text, /listening on http:\/\/localhost:8080/);
    assert.match(text, /embedded database in \/srv\/parley/);
    assert.match(text, /editor +editor@meridian\.example +password pw-123/);
    assert.match(startBanner({ url: 'http://x', dataDir: null, logins: [] }), /PostgreSQL/);
  });
});
