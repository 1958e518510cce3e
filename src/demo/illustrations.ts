import sharp from 'sharp';
import { escapeHtml } from '../shared/html.ts';

// The demo paper's pictures, drawn by Parley itself at seed time (no copied
// photos): a section's colours and motif, and the headline's initial, as SVG
// rendered by sharp. They then go through the image pipeline like any upload.

export const ILLUSTRATION = { width: 1024, height: 576, credit: 'Illustration: Parley demo' } as const;

interface Palette {
  sky: string;
  ground: string;
  ink: string;
  accent: string;
  motif: string;
}

/** Colours and what is drawn, by section; a section without its own palette gets the last. */
const palettes: Record<string, Palette> = {
  world: { sky: '#123a5c', ground: '#1d5f8a', ink: '#f4efe6', accent: '#f2b134', motif: 'a globe' },
  national: { sky: '#2d5a3d', ground: '#3f7a52', ink: '#f6f1e4', accent: '#f28c28', motif: 'rolling hills and a sun' },
  business: { sky: '#2b2d42', ground: '#45476a', ink: '#edf2f4', accent: '#06d6a0', motif: 'a rising bar chart' },
  sport: { sky: '#0b6e4f', ground: '#08a045', ink: '#ffffff', accent: '#ffd23f', motif: 'a ball on a pitch' },
  science: { sky: '#3a0ca3', ground: '#4361ee', ink: '#f1faee', accent: '#4cc9f0', motif: 'orbits around a nucleus' },
  opinion: { sky: '#7b2d26', ground: '#9e4a3c', ink: '#fff8f0', accent: '#f7c59f', motif: 'speech bubbles' },
};
const fallbackPalette = palettes.opinion!;

function motif(section: string, p: Palette): string {
  const { width: w, height: h } = ILLUSTRATION;
  switch (section) {
    case 'world':
      return `<g transform="translate(${w * 0.7} ${h / 2})" fill="none" stroke="${p.ink}" stroke-width="6"><circle r="190" fill="${p.ground}"/><ellipse rx="80" ry="190"/><ellipse rx="150" ry="190"/><line x1="-190" x2="190"/><path d="M-168 -90 H168 M-168 90 H168"/></g>`;
    case 'national':
      return `<circle cx="${w * 0.78}" cy="170" r="80" fill="${p.accent}"/><path d="M0 ${h * 0.72} Q ${w * 0.25} ${h * 0.5} ${w * 0.5} ${h * 0.7} T ${w} ${h * 0.62} V ${h} H0Z" fill="${p.ground}"/><path d="M0 ${h * 0.85} Q ${w * 0.35} ${h * 0.7} ${w * 0.7} ${h * 0.84} T ${w} ${h * 0.8} V ${h} H0Z" fill="${p.ink}" opacity="0.25"/>`;
    case 'business':
      return [120, 200, 170, 290, 380]
        .map(
          (bar, i) =>
            `<rect x="${w * 0.45 + i * 105}" y="${h - 90 - bar}" width="75" height="${bar}" fill="${i === 4 ? p.accent : p.ground}"/>`,
        )
        .join('')
        .concat(
          `<polyline points="${w * 0.45 + 37},${h - 250} ${w * 0.45 + 142},${h - 330} ${w * 0.45 + 247},${h - 300} ${w * 0.45 + 352},${h - 420} ${w * 0.45 + 457},${h - 510}" fill="none" stroke="${p.ink}" stroke-width="8"/>`,
        );
    case 'sport':
      return `<rect y="${h * 0.55}" width="${w}" height="${h * 0.45}" fill="${p.ground}"/><g stroke="${p.ink}" stroke-width="5" fill="none" opacity="0.7"><line x1="${w * 0.62}" y1="${h * 0.55}" x2="${w * 0.62}" y2="${h}"/><ellipse cx="${w * 0.62}" cy="${h * 0.8}" rx="150" ry="60"/></g><g transform="translate(${w * 0.75} ${h * 0.42})"><circle r="110" fill="${p.ink}"/><polygon points="0,-42 40,-13 25,34 -25,34 -40,-13" fill="${p.sky}"/></g>`;
    case 'science':
      return `<g transform="translate(${w * 0.72} ${h / 2})" fill="none" stroke="${p.ink}" stroke-width="6"><ellipse rx="230" ry="80"/><ellipse rx="230" ry="80" transform="rotate(60)"/><ellipse rx="230" ry="80" transform="rotate(-60)"/><circle r="38" fill="${p.accent}" stroke="none"/></g>`;
    default:
      return `<g fill="${p.ink}"><rect x="${w * 0.45}" y="140" width="400" height="220" rx="40"/><polygon points="${w * 0.45 + 80},355 ${w * 0.45 + 60},440 ${w * 0.45 + 160},355"/></g><g fill="${p.accent}"><rect x="${w * 0.58}" y="300" width="340" height="190" rx="40"/><polygon points="${w * 0.58 + 260},485 ${w * 0.58 + 290},550 ${w * 0.58 + 190},485"/></g>`;
  }
}

/** What the picture shows, in words: the alt text of its lead image. */
export function illustrationAlt(section: string, headline: string): string {
  const p = palettes[section] ?? fallbackPalette;
  return `An illustration: ${p.motif} beside a large letter ${initial(headline)}.`;
}

const initial = (headline: string) => (/\p{L}|\p{N}/u.exec(headline)?.[0] ?? 'P').toUpperCase();

/** A PNG of the section's motif and the headline's initial. */
export function drawIllustration(section: string, headline: string): Promise<Buffer> {
  const { width: w, height: h } = ILLUSTRATION;
  const p = palettes[section] ?? fallbackPalette;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<rect width="${w}" height="${h}" fill="${p.sky}"/>
<circle cx="${w * 0.1}" cy="${h * 0.15}" r="260" fill="${p.ground}" opacity="0.35"/>
${motif(section, p)}
<text x="70" y="${h - 110}" font-family="DejaVu Serif, Georgia, serif" font-weight="bold" font-size="300" fill="${p.ink}">${escapeHtml(initial(headline))}</text>
<rect x="70" y="${h - 80}" width="260" height="14" fill="${p.accent}"/>
</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
}
