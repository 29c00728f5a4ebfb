import "server-only";
import nodemailer from "nodemailer";

/** What the sender needs of a mail server: hand over one message, or throw why not. */
export interface MailTransport {
  send(message: {
    from: string;
    to: string[];
    subject: string;
    text: string;
    messageId: string;
  }): Promise<void>;
  close(): void;
}

/** Bounds on one send: a mail server that stalls fails the attempt, to be retried later. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 15_000,
  greetingTimeout: 15_000,
  socketTimeout: 30_000,
} as const;

/** SMTP through nodemailer, one connection per message (emails are few; nothing to keep open). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
    close() {
      transporter.close();
    },
  };
}
