import { useState } from 'preact/hooks';
import { reportComment } from '../endpoints.ts';
import { t } from '../i18n.ts';
import { REPORT_REASONS } from '../view.ts';

/** Reports a comment to the moderators: a reason and an optional note. */
export function ReportForm(props: {
  id: string;
  /** runs the request, showing its error under the comment */
  act: (f: () => Promise<void>) => Promise<void>;
  onSent: () => void;
}) {
  const [reason, setReason] = useState('abusive');
  const [note, setNote] = useState('');
  return (
    <form
      class="p-report"
      onSubmit={(e) => {
        e.preventDefault();
        void props.act(async () => {
          await reportComment(props.id, reason, note);
          props.onSent();
        });
      }}
    >
      <label for={`p-reason-${props.id}`}>{t('whyReport')}</label>
      <select
        id={`p-reason-${props.id}`}
        value={reason}
        onChange={(e) => setReason((e.target as HTMLSelectElement).value)}
      >
        {REPORT_REASONS.map(([v, l]) => (
          <option value={v}>{t(l)}</option>
        ))}
      </select>
      <label for={`p-note-${props.id}`}>{t('reportNote')}</label>
      <input
        id={`p-note-${props.id}`}
        value={note}
        maxLength={500}
        onInput={(e) => setNote((e.target as HTMLInputElement).value)}
      />
      <button type="submit" class="p-button">
        {t('sendReport')}
      </button>
    </form>
  );
}
