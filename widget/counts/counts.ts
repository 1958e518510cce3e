// Fills comment counts into lists: <a data-parley-count="article:ID">…</a>
// (or "ext:<story id>", or "url:<page address>"). One request for the page.
import { fillCounts } from './fill.ts';

const script = document.currentScript as HTMLScriptElement | null;
void fillCounts(
  document.querySelectorAll<HTMLElement>('[data-parley-count]'),
  new URL(script?.src ?? location.href).origin,
);
