/** The bytes and headers of one webhook POST, signed and ready to send. */
export interface OutgoingWebhook {
  headers: Record<string, string>;
  body: Buffer;
}
