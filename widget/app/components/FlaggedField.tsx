import { useRef } from 'preact/hooks';
import { type Highlight, marksIn, segments } from '../highlights.ts';

/**
 * The composer's text box with the flagged words marked behind it: a layer
 * with the same text, font and wrapping, scrolled with the box, whose marks
 * show through the transparent box. The words are also listed in the message
 * above (for screen readers, the layer is hidden).
 */
export function FlaggedField(props: {
  id: string;
  value: string;
  flagged: Highlight[];
  rows: number;
  describedBy: string;
  onInput: (value: string) => void;
}) {
  const layer = useRef<HTMLDivElement>(null);
  const marks = marksIn(props.value, props.flagged);
  return (
    <div class={marks.length ? 'p-field p-flagged' : 'p-field'}>
      {marks.length > 0 && (
        <div class="p-layer" ref={layer} aria-hidden="true">
          {segments(props.value, marks).map((s) =>
            s.rule ? (
              <mark class={`p-mark p-mark-${s.type ?? s.rule}`} data-rule={s.rule}>
                {s.text}
              </mark>
            ) : (
              s.text
            ),
          )}
        </div>
      )}
      <textarea
        id={props.id}
        value={props.value}
        onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
        onScroll={(e) => {
          if (layer.current) layer.current.scrollTop = (e.target as HTMLTextAreaElement).scrollTop;
        }}
        rows={props.rows}
        required
        aria-describedby={props.describedBy}
      />
    </div>
  );
}
