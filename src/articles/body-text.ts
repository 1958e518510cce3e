import type { Block, ImageRef } from './body.ts';

// The editor writes a body as text, block by block: paragraphs separated by a
// blank line, "## " starts a subheading, "> " lines a quote (a last line
// "— Name" is its source), "![alt](image:ID) Caption | Credit" an uploaded
// image, "!embed https://…  Caption" another site's content (a YouTube player
// or a link card). Inline: **bold**, *italic*, [label](https://link).
// Stored as blocks, so the page can never carry markup of its own.

const IMAGE_LINE = /^!\[([^\]]*)\]\(image:([A-Za-z0-9_-]+)\)\s*(.*)$/;

/** The image ids a body text uses. */
export function imageIds(text: string): string[] {
  return text.split('\n').flatMap((l) => IMAGE_LINE.exec(l.trim())?.[2] ?? []);
}

export function textToBlocks(text: string, images: Map<string, ImageRef> = new Map()): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    const embed = lines.length === 1 ? /^!embed\s+(https?:\/\/\S+)\s*(.*)$/.exec(lines[0]!) : null;
    if (embed) {
      blocks.push({ type: 'embed', url: embed[1]!, text: embed[2]!.trim() });
      continue;
    }
    const image = lines.length === 1 ? IMAGE_LINE.exec(lines[0]!) : null;
    if (image) {
      const ref = images.get(image[2]!);
      // An id that is not an image of this site stays as text, for the editor to see.
      if (ref) {
        const [caption = '', credit] = image[3]!.split(' | ');
        blocks.push({
          type: 'image',
          image: ref,
          alt: image[1]!.trim(),
          text: caption.trim(),
          ...(credit?.trim() ? { credit: credit.trim() } : {}),
        });
        continue;
      }
    }
    if (lines[0]!.startsWith('## ')) {
      blocks.push({ type: 'heading', text: lines.join(' ').slice(3).trim() });
    } else if (lines.every((l) => l.startsWith('>'))) {
      const inner = lines.map((l) => l.replace(/^>\s?/, ''));
      const last = inner.at(-1)!;
      const cite = /^[—–-]\s*(.+)$/.exec(last)?.[1];
      blocks.push(
        cite && inner.length > 1
          ? { type: 'quote', text: inner.slice(0, -1).join(' '), cite }
          : { type: 'quote', text: inner.join(' ') },
      );
    } else blocks.push({ type: 'paragraph', text: lines.join(' ') });
  }
  return blocks;
}

export function blocksToText(blocks: Block[]): string {
  return blocks
    .map((b) =>
      b.type === 'heading'
        ? `## ${b.text}`
        : b.type === 'quote'
          ? `> ${b.text}${b.cite ? `\n> — ${b.cite}` : ''}`
          : b.type === 'embed'
            ? `!embed ${b.url} ${b.text}`.trimEnd()
            : b.type === 'image'
              ? `![${b.alt}](image:${b.image.id}) ${b.text}${b.credit ? ` | ${b.credit}` : ''}`.trimEnd()
              : b.text,
    )
    .join('\n\n');
}

/** A line diff of two texts: what a revision changed, for the history page. */
export function lineDiff(before: string, after: string): { kind: 'same' | 'added' | 'removed'; line: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence: bodies are short enough (hundreds of lines).
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: { kind: 'same' | 'added' | 'removed'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', line: a[i++]! });
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'removed', line: a[i++]! });
    else out.push({ kind: 'added', line: b[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', line: a[i++]! });
  while (j < m) out.push({ kind: 'added', line: b[j++]! });
  return out;
}
