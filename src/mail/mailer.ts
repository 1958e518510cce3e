import nodemailer, { type Transporter } from 'nodemailer';
import { newId } from '../shared/ids.ts';
import type { OutboxRepository } from './outbox.repository.ts';

export interface MailMessage {
  siteId: string;
  to: string;
  subject: string;
  text: string;
  /** an HTML alternative: the mail goes as multipart/alternative, text first */
  html?: string;
  /**
   * Bulk mail (notifications, digests): the one-click unsubscribe address
   * (RFC 8058) and the list it belongs to (RFC 2919).
   */
  list?: { unsubscribeUrl: string; id: string; name: string };
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** whether mail leaves the machine (SMTP) or stays in the outbox */
  readonly delivers: boolean;
}

/** The address inside a From such as "Parley <no-reply@example.org>". */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/**
 * List-Unsubscribe with an https address a mailbox provider POSTs to
 * (List-Unsubscribe-Post: List-Unsubscribe=One-Click) and a mailto: to the
 * sender's mailbox for clients that only write; List-Id names the list.
 */
export function listHeaders(list: NonNullable<MailMessage['list']>, from: string): Record<string, string> {
  const mailto = `mailto:${addressOf(from)}?subject=${encodeURIComponent('unsubscribe')}&body=${encodeURIComponent(list.unsubscribeUrl)}`;
  return {
    'List-Unsubscribe': `<${list.unsubscribeUrl}>, <${mailto}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `${list.name.replace(/[<>"\r\n]/g, '')} <${list.id}>`,
  };
}

/**
 * Every message is recorded in the outbox first, so nothing is lost when the
 * mail server is down, and admins can read what was sent. With SMTP_URL set it
 * is then delivered over SMTP; without, the outbox is where it stays (a
 * development setup reads its mail at /admin/outbox).
 */
export function createMailer(deps: {
  outbox: OutboxRepository;
  smtpUrl: string | undefined;
  from: string;
  now: () => Date;
  log?: (msg: string, err?: unknown) => void;
  /** tests: a nodemailer transport of their own (e.g. streamTransport) */
  transport?: Transporter;
}): Mailer {
  const transport =
    deps.transport ??
    (deps.smtpUrl
      ? nodemailer.createTransport(deps.smtpUrl, {
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        } as never)
      : undefined);
  return {
    delivers: transport !== undefined,
    async send(m) {
      const id = newId();
      const headers = m.list ? listHeaders(m.list, deps.from) : undefined;
      await deps.outbox.insert({
        id,
        siteId: m.siteId,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html ?? null,
        headers: headers ?? null,
        createdAt: deps.now().toISOString(),
        sentAt: null,
        error: null,
      });
      if (!transport) return;
      try {
        await transport.sendMail({
          from: deps.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          ...(m.html ? { html: m.html } : {}),
          ...(headers ? { headers } : {}),
        });
        await deps.outbox.markSent(id, deps.now().toISOString());
      } catch (err) {
        deps.log?.('mail delivery failed', err);
        await deps.outbox.markFailed(id, (err as Error).message);
      }
    },
  };
}
