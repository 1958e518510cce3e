import sharp from 'sharp';

// The site's icon, drawn here (no font needed): a folded newspaper with a
// speech bubble's tail, in the paper's red. Browsers get it as SVG, as PNG
// for the web app manifest, and as /favicon.ico for those that only ask for that.

export const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="12" fill="#9b1c1c"/>
<path d="M14 14h36a4 4 0 0 1 4 4v22a4 4 0 0 1-4 4H30l-10 8v-8h-6a4 4 0 0 1-4-4V18a4 4 0 0 1 4-4z" fill="#fff"/>
<path d="M18 21h28v4H18zM18 29h28v2H18zM18 34h20v2H18z" fill="#9b1c1c"/>
</svg>
`;

const pngs = new Map<number, Promise<Buffer>>();

/** The icon as a square PNG of the given size, made once. */
export function iconPng(size: number): Promise<Buffer> {
  let png = pngs.get(size);
  if (!png) {
    png = sharp(Buffer.from(iconSvg), { density: Math.max(72, (72 * size) / 64) })
      .resize(size, size)
      .png()
      .toBuffer();
    pngs.set(size, png);
  }
  return png;
}

/** A .ico holding one PNG image (every browser since 2010 reads PNG inside ICO). */
export async function iconIco(): Promise<Buffer> {
  const png = await iconPng(32);
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(32, 6); // width
  header.writeUInt8(32, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([header, png]);
}

/** The web app manifest: the paper's name and icons, opening on the front page. */
export function webManifest(site: { name: string; language: string }) {
  return {
    name: site.name,
    short_name: site.name.length > 12 ? site.name.split(/\s+/).slice(-1)[0] : site.name,
    lang: site.language,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#9b1c1c',
    icons: [
      { src: '/icon.svg', type: 'image/svg+xml', sizes: 'any' },
      { src: '/icon-192.png', type: 'image/png', sizes: '192x192' },
      { src: '/icon-512.png', type: 'image/png', sizes: '512x512' },
    ],
  };
}
