// Fills the comment counts of a page's links in one request.

/** An element with data-parley-count="article:ID", "ext:<story id>" or "url:<page address>". */
export interface CountElement {
  dataset: { parleyCount?: string };
  textContent: string | null;
}

export function countLabel(n: number): string {
  return n === 1 ? '1 comment' : `${n} comments`;
}

/** Asks Parley once for every key on the page; a story nobody commented on yet counts 0. */
export async function fillCounts(
  els: ArrayLike<CountElement>,
  parley: string,
  get: (url: string) => Promise<{ json(): Promise<unknown> }> = fetch,
): Promise<void> {
  const list = Array.from(els);
  const keys = [...new Set(list.map((e) => e.dataset.parleyCount!))];
  if (!keys.length) return;
  try {
    const d = (await (await get(`${parley}/api/counts?keys=${encodeURIComponent(keys.join(','))}`)).json()) as {
      counts: Record<string, number>;
    };
    for (const e of list) e.textContent = countLabel(d.counts[e.dataset.parleyCount!] ?? 0);
  } catch {
    // the counts are a nicety: the links work without them
  }
}
