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

/**
 * SMTP through nodemailer, one connection per message (emails are few; nothing to keep open).
 * Each step (connecting, the greeting, every reply) waits at most `timeoutMs`: a mail server that
 * stalls fails the send, which is retried later.
 */
export function smtpTransport(url: string, timeoutMs: number): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
    close() {
      transporter.close();
    },
  };
}
