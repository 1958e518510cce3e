import { tn } from '../i18n.ts';

/** New comments heard live wait behind this button instead of pushing the page about. */
export function NewCommentsBar(props: { count: number; onShow: () => void }) {
  if (props.count === 0) return null;
  return (
    <button type="button" class="p-button p-new" onClick={props.onShow}>
      {tn(props.count, 'oneNew', 'nNew')}
    </button>
  );
}
