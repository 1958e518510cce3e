import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImageRef } from '../articles/body.ts';
import { AppError, defineErrors } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { ImageStore } from './image-store.ts';
import type { ImagesRepository } from './images.repository.ts';
import { isImageFileName, widthsFor } from './widths.ts';

// Uploaded images, resized once to responsive widths (WebP, and a JPEG for
// browsers without WebP), never larger than the original, with the metadata
// stripped (camera serials, GPS). Pages get a srcset; the files are served
// with a year's cache since they never change.

export const imageErrors = defineErrors({
  IMAGE_INVALID: { status: 400, message: 'This file is not an image Parley can use (JPEG, PNG, WebP, GIF or AVIF).' },
  IMAGE_TOO_LARGE: { status: 413, message: 'Images can be up to 15 MB.' },
  IMAGE_NOT_FOUND: { status: 404, message: 'There is no such image.' },
  IMAGE_DIMENSIONS_TOO_LARGE: {
    status: 413,
    message: 'Images can be up to 40 megapixels and 10,000 pixels on a side.',
  },
});

export const MAX_BYTES = 15 * 1024 * 1024;
const FALLBACK_WIDTH = 1024;
/** A decompression bomb stops at the header: pixels and sides are capped before anything is decoded. */
export const MAX_PIXELS = 40_000_000;
export const MAX_SIDE = 10_000;
/** sharp decodes off the main thread; a file that still takes this long is given up. */
const DECODE_SECONDS = 20;
const decoder = (body: Buffer) => sharp(body, { limitInputPixels: MAX_PIXELS }).timeout({ seconds: DECODE_SECONDS });
// A header that promised more than the data holds fails when encoding: the file's fault, not ours.
const encode = (image: Sharp) =>
  image.toBuffer().catch((err: Error) => {
    throw new AppError(imageErrors.IMAGE_INVALID, `${imageErrors.IMAGE_INVALID.message} (${err.message})`);
  });

export function createImagesUsecases(deps: { imagesRepository: ImagesRepository; store: ImageStore; now: () => Date }) {
  return {
    async upload(siteId: string, body: Buffer): Promise<ImageRef> {
      if (body.length > MAX_BYTES) throw new AppError(imageErrors.IMAGE_TOO_LARGE);
      let meta: Metadata;
      try {
        meta = await sharp(body, { limitInputPixels: false }).metadata(); // the header only: checked below
      } catch {
        throw new AppError(imageErrors.IMAGE_INVALID);
      }
      if (
        !meta.format ||
        !['jpeg', 'png', 'webp', 'gif', 'avif', 'heif'].includes(meta.format) ||
        !meta.width ||
        !meta.height
      )
        throw new AppError(imageErrors.IMAGE_INVALID);
      if (meta.width * meta.height > MAX_PIXELS || Math.max(meta.width, meta.height) > MAX_SIDE)
        throw new AppError(imageErrors.IMAGE_DIMENSIONS_TOO_LARGE);
      // Phones store the rotation apart: apply it, so width and height are as seen.
      const rotated = (meta.orientation ?? 1) >= 5;
      const width = rotated ? meta.height : meta.width;
      const height = rotated ? meta.width : meta.height;
      const widths = widthsFor(width);
      const id = newId();
      const prefix = `${siteId}/${id}`;
      const files: [string, Buffer][] = [];
      for (const w of widths)
        files.push([
          `${prefix}/${w}.webp`,
          await encode(decoder(body).rotate().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 })),
        ]);
      files.push([
        `${prefix}/fallback.jpg`,
        await encode(
          decoder(body)
            .rotate()
            .resize({ width: Math.min(FALLBACK_WIDTH, width), withoutEnlargement: true })
            .flatten({ background: '#ffffff' })
            .jpeg({ quality: 82, mozjpeg: true }),
        ),
      ]);
      for (const [key, file] of files) await deps.store.put(key, file);
      return deps.imagesRepository.insert({
        id,
        siteId,
        width,
        height: Math.round(height),
        widths,
        originalType: meta.format,
        bytes: body.length,
        createdAt: deps.now().toISOString(),
      });
    },

    /** The site's images by id (for the editor's body text). */
    refs(siteId: string, ids: string[]): Promise<Map<string, ImageRef>> {
      return deps.imagesRepository.refs(siteId, ids);
    },

    async file(siteId: string, id: string, name: string): Promise<{ body: Buffer; type: string } | undefined> {
      if (!isImageFileName(siteId, id, name)) return undefined;
      const body = await deps.store.get(`${siteId}/${id}/${name}`);
      return body && { body, type: name.endsWith('.webp') ? 'image/webp' : 'image/jpeg' };
    },
  };
}

export type ImagesUsecases = ReturnType<typeof createImagesUsecases>;
