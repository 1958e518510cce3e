// Which widths an image is resized to: the responsive steps below its own
// width, and its own width (capped) so a large screen is never short of
// pixels. Never larger than the original.

export const WIDTHS = [320, 640, 1024, 1600];
export const MAX_WIDTH = 2400;

export function widthsFor(width: number): number[] {
  const widths = WIDTHS.filter((w) => w < width);
  if (widths.length === 0 || widths.at(-1)! < width) widths.push(Math.min(width, MAX_WIDTH));
  return widths;
}

/** Only names the pipeline writes, and ids and sites that cannot climb out of the store. */
export function isImageFileName(siteId: string, id: string, name: string): boolean {
  return /^(\d+\.webp|fallback\.jpg)$/.test(name) && /^[a-z0-9]+$/i.test(id) && /^[a-z0-9_-]+$/i.test(siteId);
}
