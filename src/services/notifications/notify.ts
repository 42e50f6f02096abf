// Tells a person, or every person of an agency or role, that something needs them: a row per reader in the app
// (the bell), and an e-mail each when SMTP is configured. Inside a transaction, pass it as `tx` and call
// `mailNotifications` after the commit, so that no e-mail announces a change that rolled back.
import type { NotificationKind } from '../../core/vocabulary.ts';
import type { Queryable } from '../../storage/db.ts';
import {
  insertNotifications,
  markEmailed,
  pendingEmails,
  recipientIds,
} from '../../storage/repositories/notifications-repo.ts';
import type { Role, ServiceContext } from '../context.ts';

export interface NotifyInput {
  userId?: string | null;
  agencyId?: string | null;
  role?: Role | null;
  kind: NotificationKind;
  /** One line the reader sees, in Vietnamese (the app's language of record). */
  subject: string;
  /** Where in the web app the item is, e.g. /requests?item=… (relative to the app). */
  link: string;
}

/** Writes the notifications; returns their ids. Without `tx` it also sends the e-mails at once. */
export async function notify(ctx: ServiceContext, input: NotifyInput, tx?: Queryable): Promise<{ ids: string[] }> {
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) return { ids: [] };
  const db = tx ?? ctx.db;
  const users = (await recipientIds(db, tenantId, input)).filter((id) => id !== ctx.actor.userId);
  const ids = await insertNotifications(db, tenantId, users, {
    kind: input.kind,
    subject: input.subject.normalize('NFC').slice(0, 500),
    link: input.link,
    at: ctx.now(),
  });
  if (!tx) await mailNotifications(ctx, ids);
  return { ids };
}

/** Sends the e-mail of each notification not yet e-mailed, when a mailer is configured; a failure is kept quiet
 * (the notification is still in the app) and the e-mail is not marked sent. */
export async function mailNotifications(ctx: ServiceContext, ids: string[]): Promise<number> {
  const mailer = ctx.mailer;
  if (!mailer || ids.length === 0) return 0;
  let sent = 0;
  for (const m of await pendingEmails(ctx.db, ids)) {
    const url = mailer.publicUrl ? new URL(m.link, mailer.publicUrl).toString() : m.link;
    try {
      await mailer.send({
        to: m.email,
        subject: `[chitieu] ${m.subject}`,
        text: `${m.subject}\n\nXem / Open: ${url}\n\n— chitieu`,
      });
      await markEmailed(ctx.db, m.id, ctx.now());
      sent++;
    } catch {
      // The reader still sees it under the bell; the e-mail can be retried by a later notification run.
    }
  }
  return sent;
}
