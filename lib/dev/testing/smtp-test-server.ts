// A real SMTP server on 127.0.0.1 (the smtp-server package) for the notification tests: it
// keeps every message it accepts, parsed, and can be told to refuse or to stall instead.
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** The envelope's recipients, as the sender gave them to the server. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
}

/** accept: 250; refuse: 451 (try again later); stall: read the message and never answer. */
export type SmtpMode = "accept" | "refuse" | "stall";

export async function smtpTestServer() {
  const received: ReceivedMail[] = [];
  let mode: SmtpMode = "accept";
  /** Messages whose DATA began, whatever their fate. */
  let offered = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // A stalled connection must not hold the test's close for the default 30 s.
    closeTimeout: 200,
    onData(stream, session, callback) {
      offered++;
      const now = mode;
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          if (now === "stall") return;
          if (now === "refuse") {
            const refusal = Object.assign(new Error("Mailbox busy, try again later"), {
              responseCode: 451,
            });
            return callback(refusal);
          }
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? "",
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // A client the tests kill (SIGKILL of a dispatcher mid-message) resets its connection, which
  // the server reports as an error event: with no listener that is an uncaught exception in the
  // test process (it failed a CI run once). Resets are expected; anything else still throws.
  server.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("the SMTP server has no port");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    offered: () => offered,
    setMode(next: SmtpMode) {
      mode = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
