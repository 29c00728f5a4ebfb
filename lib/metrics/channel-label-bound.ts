/** The `channel="other"` label: every channel past the bound. */
export const OTHER_CHANNELS = "other";

/**
 * The `channel` label of a channel's series: its id for the first `limit` channels seen, then
 * `other`. Prometheus keeps every distinct label set as a series of its own for as long as it
 * retains data; a console with many channels would otherwise hand it an unbounded number. The
 * bound is per process and for its lifetime, so a channel keeps the label it was first given.
 */
export class ChannelLabelBound {
  private readonly labelled = new Set<string>();

  constructor(readonly limit: number) {}

  label(channelId: string): string {
    if (this.labelled.has(channelId)) return channelId;
    if (this.labelled.size >= this.limit) return OTHER_CHANNELS;
    this.labelled.add(channelId);
    return channelId;
  }
}
