// A channel's kind (Channel.kind): LINE's Messaging API channel, or an operational webhook of its
// provider, sent the console's own alerts (lib/alerts/; ADR 33). No zod: the browser reads it.

export const CHANNEL_KINDS = ["line", "operational"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Whether a channel of `kind` is an operational webhook (sent alerts, not LINE's events). */
export function isOperational(kind: string): boolean {
  return kind === ("operational" satisfies ChannelKind);
}
