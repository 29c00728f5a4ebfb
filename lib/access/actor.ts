import { CHANNEL_TOKEN_ACTOR } from "../audit/audit-actions";
import type { ProviderRole } from "../shared/provider-roles";

/** A signed-in operator (a Better Auth session). */
export interface OperatorActor {
  kind: "operator";
  userId: string;
  email: string;
  name: string;
  /** Sees and manages every provider (ADR 14). */
  consoleAdmin: boolean;
  /**
   * TWO_FACTOR_REQUIRED asks this operator for two-factor sign-in and it is not on yet: only
   * their own account may be used until it is (ADR 29).
   */
  mustEnableTwoFactor?: boolean;
}

/** A program holding a channel's access token, on the routes that accept one. */
export interface ChannelTokenActor {
  kind: "channel-token";
  channelId: string;
  /** The channel's provider, read with the token. */
  providerId: string;
}

export type Actor = OperatorActor | ChannelTokenActor;

/**
 * What the guard found: who asks (null on the routes anyone may call), and their role where the
 * request concerns a provider.
 */
export interface Grant {
  actor: Actor | null;
  /** The provider the request concerns, and the caller's role in it; null for neither. */
  providerId: string | null;
  role: ProviderRole | null;
}

/** How the audit log names whoever made a change. */
export function actorLabel(actor: Actor | null): string {
  if (!actor) return "anonymous";
  return actor.kind === "operator" ? actor.email : CHANNEL_TOKEN_ACTOR;
}
