import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../core/services.ts';
import { AppError } from '../shared/errors.ts';
import { imageErrors, MAX_BYTES } from './images.usecases.ts';

// Image upload (editors) and the resized files (everyone). Multipart forms are
// accepted only here, fields and file together in the body, so the CSRF check
// sees the form's token like any other form's.

export function imagesRoutes(deps: Pick<Services, 'auth' | 'images' | 'newsroom'>): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { auth, images } = deps;
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_BYTES, files: 1, fields: 10 },
    });
    app.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    );

    /** The article editor's "Add an image": upload, resize, make it the lead image or append it to the body. */
    app.post(
      '/admin/articles/:id/images',
      { schema: { params: Type.Object({ id: Type.String({ maxLength: 40 }) }) } },
      async (request, reply) => {
        const viewer = await auth.requireUser(request, ['editor', 'admin']);
        const site = await auth.site(request);
        const b = (request.body ?? {}) as Record<string, unknown>;
        const file = b.file;
        if (!Buffer.isBuffer(file) || file.length === 0)
          throw new AppError(imageErrors.IMAGE_INVALID, 'Choose an image file.');
        const alt = typeof b.alt === 'string' ? b.alt.trim() : '';
        if (!alt)
          throw new AppError(
            imageErrors.IMAGE_INVALID,
            'Describe the image (alternative text): readers who cannot see it depend on it.',
          );
        await deps.newsroom.addImage(site, viewer.user, request.params.id, Number(b.version ?? 0), file, {
          alt,
          caption: typeof b.caption === 'string' ? b.caption : undefined,
          credit: typeof b.credit === 'string' ? b.credit : undefined,
          lead: b.placement === 'lead',
        });
        return reply.redirect(`/admin/articles/${request.params.id}?notice=saved`, 303);
      },
    );

    /** The API: the image itself as the body (Content-Type: image/…); the answer has the line for the body text. */
    app.post(
      '/api/admin/images',
      {
        schema: {
          tags: ['newsroom'],
          summary:
            'Upload an image (the file as the request body); returns its sizes and the body-text line that places it',
        },
      },
      async (request, reply) => {
        await auth.requireUser(request, ['editor', 'admin']);
        const site = await auth.site(request);
        if (!Buffer.isBuffer(request.body)) throw new AppError(imageErrors.IMAGE_INVALID);
        const image = await images.upload(site.id, request.body);
        return reply.code(201).send({ image, line: `![Describe the image](image:${image.id}) Caption | Credit` });
      },
    );

    app.get(
      '/media/:site/:id/:name',
      {
        schema: {
          params: Type.Object({
            site: Type.String({ maxLength: 40 }),
            id: Type.String({ maxLength: 40 }),
            name: Type.String({ maxLength: 20 }),
          }),
        },
      },
      async (request, reply) => {
        const f = await images.file(request.params.site, request.params.id, request.params.name);
        if (!f) throw new AppError(imageErrors.IMAGE_NOT_FOUND);
        return reply
          .header('content-type', f.type)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(f.body);
      },
    );
  };
}
