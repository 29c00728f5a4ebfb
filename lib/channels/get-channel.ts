import type { Db } from "../db/client";
import { toChannelView } from "./channel-view";
import { findChannelOrThrow } from "./find-channel";

export async function getChannel(db: Db, channelId: string) {
  return toChannelView(await findChannelOrThrow(db, channelId));
}

/** The channel secret, for the Basic settings tab's reveal button. */
export async function getChannelSecret(db: Db, channelId: string) {
  const channel = await findChannelOrThrow(db, channelId);
  return { channelSecret: channel.channelSecret };
}
