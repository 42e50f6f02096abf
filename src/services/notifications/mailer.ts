// E-mail for notifications, only when SMTP is configured (SMTP_URL, SMTP_FROM); otherwise there is no mailer and
// nothing is sent. The transport is nodemailer's SMTP client.
import nodemailer from 'nodemailer';
import type { Config } from '../../config/config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** The web app's address, for links in e-mails (null: links stay relative). */
  publicUrl: string | null;
}

export function openMailer(config: Pick<Config, 'smtp' | 'publicUrl'>): Mailer | null {
  if (!config.smtp) return null;
  const transport = nodemailer.createTransport(config.smtp.url);
  const from = config.smtp.from;
  return {
    publicUrl: config.publicUrl,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
