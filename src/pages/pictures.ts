import type { ArticleSummary, LeadImage } from '../articles/articles.ts';
import type { ImageRef } from '../articles/body.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import type { Site } from '../sites/sites.repository.ts';
import { urls } from './urls.ts';

// Lead images as readers meet them: above the article, as thumbnails in lists
// and Top News, and as the picture a shared link shows. Every width the
// pipeline made is offered (srcset) and the browser picks by `sizes`; width and
// height are given so the page does not jump as images arrive.

export function picture(
  image: ImageRef,
  alt: string,
  options: { sizes: string; eager?: boolean; className?: string },
): SafeHtml {
  const srcset = image.widths.map((w) => `${image.base}/${w}.webp ${w}w`).join(', ');
  return html`<picture${options.className ? html` class="${options.className}"` : ''}><source type="image/webp" srcset="${srcset}" sizes="${options.sizes}"><img src="${image.fallback}" alt="${alt}" width="${String(image.width)}" height="${String(image.height)}"${options.eager ? html` fetchpriority="high"` : html` loading="lazy"`} decoding="async"></picture>`;
}

/** The article's lead image, its caption and credit: at the top of the page, so loaded at once. */
export function leadFigure(lead: LeadImage | null): SafeHtml {
  if (!lead) return html``;
  return html`<figure class="lead-image">${picture(lead.image, lead.alt, { sizes: '(max-width: 720px) 100vw, 720px', eager: true })}${
    lead.caption || lead.credit
      ? html`<figcaption>${lead.caption}${lead.credit ? html` <span class="credit">${lead.credit}</span>` : ''}</figcaption>`
      : ''
  }</figure>`;
}

/** A story's thumbnail in a list; the headline beside it says what it links to, so the image is decorative there. */
export function thumbnail(
  a: Pick<ArticleSummary, 'leadImage'>,
  options: { size: 'list' | 'small' | 'lead'; eager?: boolean },
): SafeHtml {
  if (!a.leadImage) return html``;
  const sizes = { lead: '(max-width: 720px) 100vw, 640px', list: '(max-width: 720px) 33vw, 200px', small: '80px' }[
    options.size
  ];
  return picture(a.leadImage.image, a.leadImage.alt, {
    sizes,
    eager: options.eager ?? false,
    className: `thumb thumb-${options.size}`,
  });
}

/** The width offered to link previews and search engines: the JPEG (every reader of og:image takes it). */
const FALLBACK_WIDTH = 1024;

/** og:image and its details, for an article with a lead image. */
export function openGraphImage(site: Site, lead: LeadImage | null): Record<string, string> {
  if (!lead) return {};
  const width = Math.min(lead.image.width, FALLBACK_WIDTH);
  return {
    'og:image': urls.absolute(site, lead.image.fallback),
    'og:image:type': 'image/jpeg',
    'og:image:width': String(width),
    'og:image:height': String(Math.round((lead.image.height * width) / lead.image.width)),
    'og:image:alt': lead.alt,
  };
}

/** schema.org's `image` of an article: its lead image at every width made, largest first. */
export function jsonLdImage(site: Site, lead: LeadImage | null): Record<string, unknown> {
  if (!lead) return {};
  const { image } = lead;
  return {
    image: [
      ...image.widths
        .slice()
        .reverse()
        .map((w) => ({
          '@type': 'ImageObject',
          url: urls.absolute(site, `${image.base}/${w}.webp`),
          width: w,
          height: Math.round((image.height * w) / image.width),
        })),
      urls.absolute(site, image.fallback),
    ],
  };
}
