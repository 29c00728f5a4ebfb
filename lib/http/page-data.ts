import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { OperatorActor } from "../access/actor";
import { authorizeChannel, authorizeProvider } from "../access/authorize";
import { currentOperator } from "../access/current-operator";
import { getChannelWithProvider } from "../channels/get-channel";
import { db } from "../db/client";
import { sql } from "../db/sql-driver";
import { getWebhookDetail } from "../deliveries/get-webhook-detail";
import { DomainError } from "../errors";
import { getProvider } from "../providers/get-provider";
import { listProviders } from "../providers/list-providers";
import { PAGE_PATH_HEADER, signInPath } from "../shared/sign-in-return";

// Reads for server components, through the same guard as the route handlers
// (lib/access/authorize.ts). A channel tab renders its layout, its page and its metadata in one
// request, and each needs the channel: React's cache() makes that one read per request.

/** For server components: an unknown provider or channel renders the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
}

/** The account page, where an operator who must turn on two-factor sign-in is sent. */
export const TWO_FACTOR_SETUP_PATH = "/account?two-factor=required";

/**
 * The signed-in operator; without a session, the sign-in page, which comes back here after. An
 * operator who must still turn on two-factor sign-in (TWO_FACTOR_REQUIRED) gets their account
 * page, whatever they asked for.
 */
export const loadOperator = cache(async (): Promise<OperatorActor> => {
  const requestHeaders = await headers();
  const operator = await currentOperator(requestHeaders);
  const path = requestHeaders.get(PAGE_PATH_HEADER);
  if (!operator) redirect(signInPath(path));
  if (operator.mustEnableTwoFactor && !path?.startsWith("/account")) {
    redirect(TWO_FACTOR_SETUP_PATH);
  }
  return operator;
});

/**
 * The channel (without its secret), its provider's id and name, and the operator's role; the
 * 404 page for a channel that does not exist or is in a provider the operator is not a member of.
 */
export const loadChannel = cache(async (channelId: string) => {
  const operator = await loadOperator();
  const { role } = await orNotFound(authorizeChannel(sql(), operator, channelId, "read"));
  const { channel, provider } = await orNotFound(getChannelWithProvider(db(), channelId));
  return { channel, provider, role: role ?? "viewer" };
});

/** One webhook of a channel with its attempts, or the 404 page (unknown, or another channel's). */
export async function loadWebhookDetail(channelId: string, webhookId: string) {
  const { channel } = await loadChannel(channelId);
  return orNotFound(getWebhookDetail(db(), channel.id, webhookId));
}

/** The provider with its channels and the operator's role, or the 404 page (as for channels). */
export const loadProvider = cache(async (providerId: string) => {
  const operator = await loadOperator();
  const { role } = await orNotFound(authorizeProvider(sql(), operator, providerId, "read"));
  const provider = await orNotFound(getProvider(db(), providerId));
  return { provider, role: role ?? "viewer" };
});

/** The providers the operator may see (every one, for console administrators). */
export const loadProviders = cache(async () => listProviders(sql(), await loadOperator()));
