import sharp from 'sharp';
import { escapeHtml } from '../shared/html.ts';

// The publisher's logo that news search engines ask for in an article's
// structured data (publisher.logo): the paper's name, drawn by Parley, at the
// 600 × 60 they prefer. Made once per name and kept in memory.

export const LOGO = { path: '/publisher-logo.png', width: 600, height: 60 } as const;

const made = new Map<string, Promise<Buffer>>();

export function publisherLogo(name: string): Promise<Buffer> {
  let png = made.get(name);
  if (!png) {
    const size = Math.min(40, Math.floor(LOGO.width / Math.max(1, name.length * 0.62)));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${LOGO.width}" height="${LOGO.height}"><rect width="100%" height="100%" fill="#ffffff"/><text x="4" y="${Math.round(LOGO.height / 2 + size * 0.35)}" font-family="DejaVu Serif, Georgia, serif" font-weight="bold" font-size="${size}" fill="#111111">${escapeHtml(name)}</text></svg>`;
    png = sharp(Buffer.from(svg)).png().toBuffer();
    made.set(name, png);
  }
  return png;
}
