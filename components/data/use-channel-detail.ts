"use client";

import { useQuery } from "@tanstack/react-query";
import type { ChannelView } from "@/lib/channels/channel-view";
import { channelQuery } from "./console-queries";

/**
 * The channel a tab's server page rendered, then kept current from channelQuery: a setting saved
 * on one card shows on every card and tab, as they all read the same cache entry.
 */
export function useChannelDetail(initialChannel: ChannelView): ChannelView {
  const { data } = useQuery({ ...channelQuery(initialChannel.id), initialData: initialChannel });
  return data;
}
