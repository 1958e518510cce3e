import nodemailer from 'nodemailer';
import { newId } from '../shared/ids.ts';
import type { OutboxRepository } from './outbox.repository.ts';

export interface MailMessage {
  siteId: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** whether mail leaves the machine (SMTP) or stays in the outbox */
  readonly delivers: boolean;
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
}): Mailer {
  const transport = deps.smtpUrl
    ? nodemailer.createTransport(deps.smtpUrl, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as never)
    : undefined;
  return {
    delivers: transport !== undefined,
    async send(m) {
      const id = newId();
      await deps.outbox.insert({
        id,
        siteId: m.siteId,
        to: m.to,
        subject: m.subject,
        text: m.text,
        createdAt: deps.now().toISOString(),
        sentAt: null,
        error: null,
      });
      if (!transport) return;
      try {
        await transport.sendMail({ from: deps.from, to: m.to, subject: m.subject, text: m.text });
        await deps.outbox.markSent(id, deps.now().toISOString());
      } catch (err) {
        deps.log?.('mail delivery failed', err);
        await deps.outbox.markFailed(id, (err as Error).message);
      }
    },
  };
}
