import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { App } from '../http/app.ts';
import { buildTestApp, signedInReader } from '../http/testing.ts';

// Image bombs: a file whose header promises a huge picture is refused before
// it is decoded, with a 4xx; an image too narrow to resize is no 500.

/** A real PNG whose header claims width x height (its data is a 1x1 picture). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#888' } })
      .png()
      .toBuffer(),
  );
  // IHDR: length(4) type(4) at 8; width at 16, height at 20; CRC over type+data at 29
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

describe('image uploads: bombs and odd shapes', () => {
  let app: App;
  let editor: Awaited<ReturnType<typeof signedInReader>>;
  before(async () => {
    app = await buildTestApp();
    editor = await signedInReader(app, 'images@example.org', 'Image Editor', 'editor');
  });
  after(async () => app.close());

  const upload = (body: Buffer) =>
    app.inject({
      method: 'POST',
      url: '/api/admin/images',
      headers: { cookie: editor.cookieHeader(), ...editor.h, 'content-type': 'image/png' },
      payload: body,
    });

  it('refuses a 16383x16383 PNG from its header', async () => {
    const res = await upload(await pngClaiming(16383, 16383));
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().error.code, 'IMAGE_DIMENSIONS_TOO_LARGE');
  });

  it('a 1x100000 PNG is a 4xx, not a 500', async () => {
    const tall = await sharp({ create: { width: 1, height: 100_000, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const res = await upload(tall);
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().error.code, 'IMAGE_DIMENSIONS_TOO_LARGE');
  });

  it('a 1x9000 PNG is resized without error', async () => {
    const tall = await sharp({ create: { width: 1, height: 9000, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const res = await upload(tall);
    assert.equal(res.statusCode, 201, res.body);
  });

  it('a header that promises more than its data holds is a 400', async () => {
    const res = await upload(await pngClaiming(4000, 3000));
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'IMAGE_INVALID');
  });
});
