import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getChannelWithProvider } from "../channels/get-channel";
import { db } from "../db/client";
import { DomainError } from "../errors";
import { getProvider } from "../providers/get-provider";

// Reads for server components. A channel tab renders its layout, its page and its metadata in
// one request, and each needs the channel: React's cache() makes that one read per request.

/** For server components: an unknown provider or channel renders the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
}

/** The channel (without its secret) and its provider's id and name, or the 404 page. */
export const loadChannel = cache((channelId: string) =>
  orNotFound(getChannelWithProvider(db(), channelId)),
);

/** The provider with its channels, or the 404 page. */
export const loadProvider = cache((providerId: string) =>
  orNotFound(getProvider(db(), providerId)),
);
