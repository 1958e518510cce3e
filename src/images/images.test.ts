import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { App } from '../http/app.ts';
import { buildTestApp, errorCode } from '../http/testing.ts';
import { MAX_BYTES } from './images.usecases.ts';

// The image pipeline on a whole Parley (in-memory store): what is stored,
// what pages get, and what is refused.

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();

const code = errorCode;

describe('images', () => {
  let app: App;
  before(async () => {
    app = await buildTestApp();
  });
  after(async () => app?.close());

  it('resizes an upload to its widths, as WebP and a JPEG fallback, and remembers it', async () => {
    const { images } = app.services;
    const ref = await images.upload('demo', await png(1200, 800));
    assert.deepEqual(ref.widths, [320, 640, 1024, 1200]);
    assert.equal(ref.width, 1200);
    assert.equal(ref.height, 800);
    assert.equal(ref.base, `/media/demo/${ref.id}`);
    assert.equal(ref.fallback, `/media/demo/${ref.id}/fallback.jpg`);

    const webp = await images.file('demo', ref.id, '640.webp');
    assert.equal(webp?.type, 'image/webp');
    const meta = await sharp(webp!.body).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.width, 640);
    const jpeg = await images.file('demo', ref.id, 'fallback.jpg');
    assert.equal((await sharp(jpeg!.body).metadata()).format, 'jpeg');

    assert.deepEqual((await images.refs('demo', [ref.id])).get(ref.id), ref);
  });

  it("finds a site's images by id, and no other site's", async () => {
    const { images, imagesRepository } = app.services;
    const ref = await images.upload('demo', await png(400, 300));
    assert.equal((await imagesRepository.refs('demo', [ref.id, 'nosuchimage'])).size, 1);
    assert.equal((await imagesRepository.refs('elsewhere', [ref.id])).size, 0);
    assert.equal((await imagesRepository.refs('demo', [])).size, 0);
    assert.equal(await images.file('elsewhere', ref.id, '320.webp'), undefined);
  });

  it('turns a phone photo the way it was taken', async () => {
    // EXIF orientation 6: stored landscape, seen portrait
    const rotated = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#333' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const ref = await app.services.images.upload('demo', rotated);
    assert.equal(ref.width, 400);
    assert.equal(ref.height, 600);
  });

  it('refuses what is not an image, and what is too large', async () => {
    const { images } = app.services;
    assert.equal(await code(images.upload('demo', Buffer.from('not an image at all'))), 'IMAGE_INVALID');
    assert.equal(await code(images.upload('demo', Buffer.alloc(MAX_BYTES + 1))), 'IMAGE_TOO_LARGE');
  });

  it('serves only names the pipeline wrote', async () => {
    const ref = await app.services.images.upload('demo', await png(100, 100));
    assert.equal(await app.services.images.file('demo', ref.id, 'original.png'), undefined);
    const res = await app.inject({ url: `/media/demo/${ref.id}/100.webp`, headers: { host: 'news.test' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/webp');
  });
});
