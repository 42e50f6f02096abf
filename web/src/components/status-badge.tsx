// A verdict as icon and word, never colour alone: the colour only repeats what the word says.
import { statusIcons } from '../i18n/messages.ts';
import type { PrintedStatus } from '../vocabulary.ts';

export function StatusBadge({ status, text }: { status: PrintedStatus; text: string }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span aria-hidden="true" className="status-icon">
        {statusIcons[status]}
      </span>
      {text}
    </span>
  );
}
