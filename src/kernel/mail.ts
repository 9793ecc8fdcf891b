// E-mail through SMTP when SMTP_URL is set (smtp://user:pass@host:587, smtps://…).
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage { to: string; subject: string; text: string }
export interface Mailer {
  readonly enabled: boolean;
  send(msg: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return { enabled: false, send: async () => { throw new Error('SMTP is not configured'); }, close: () => {} };
  }
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    send: async (msg) => { await transport.sendMail({ from, to: msg.to, subject: msg.subject, text: msg.text }); },
    close: () => transport.close(),
  };
}
