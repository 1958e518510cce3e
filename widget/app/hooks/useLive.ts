import { useEffect, useRef } from 'preact/hooks';
import { connectLive, type LiveEvent } from '../live.ts';

/** The story's live events for as long as the component is shown; one connection per story. */
export function useLive(storyId: string, onEvent: (event: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => connectLive(storyId, (event) => handler.current(event)), [storyId]);
}
