import type { listAudit } from "../../audit/list-audit";
import type { ChannelView } from "../../channels/channel-view";
import type { listMembers as list } from "../../members/list-members";
import type { addMember as add, changeMemberRole as change } from "../../members/manage-members";
import type { ProviderDetail, ProviderSummary, ProviderView } from "../../providers/provider-view";
import { endpoint, schema } from "../endpoint";
import type { Returned } from "./types";

const PROVIDER = "/api/providers/[providerId]";

/** The providers the operator is a member of (all of them, for console administrators). */
export const listProviders = endpoint<{ providers: ProviderSummary[] }>()({
  method: "GET",
  path: "/api/providers",
  access: "operator",
});

/** Any operator may create a provider, and becomes its first Admin; 201. */
export const createProvider = endpoint<ProviderView>()({
  method: "POST",
  path: "/api/providers",
  access: "operator",
  body: schema(() => import("../../providers/provider-input"), "createProviderInput"),
});

export const getProvider = endpoint<ProviderDetail>()({
  method: "GET",
  path: PROVIDER,
  access: { provider: "read" },
});

export const renameProvider = endpoint<ProviderView>()({
  method: "PATCH",
  path: PROVIDER,
  access: { provider: "manage" },
  body: schema(() => import("../../providers/provider-input"), "updateProviderInput"),
});

/** Deletes the provider with all its channels and their data; 204. */
export const deleteProvider = endpoint<null>()({
  method: "DELETE",
  path: PROVIDER,
  access: { provider: "manage" },
});

/** The provider's audit log, its channels' entries included, newest first. */
export const providerAudit = endpoint<Returned<typeof listAudit>>()({
  method: "GET",
  path: `${PROVIDER}/audit`,
  access: { provider: "read" },
  query: schema(() => import("../page-input"), "listAuditInput"),
});

/** 201 with the new channel. */
export const createChannel = endpoint<ChannelView>()({
  method: "POST",
  path: `${PROVIDER}/channels`,
  access: { provider: "manage" },
  body: schema(() => import("../../channels/channel-input"), "createChannelInput"),
});

/** Revokes a pending invitation: its link stops working; 204. */
export const revokeInvitation = endpoint<null>()({
  method: "DELETE",
  path: `${PROVIDER}/invitations/[invitationId]`,
  access: { provider: "manage" },
});

export const listMembers = endpoint<Returned<typeof list>>()({
  method: "GET",
  path: `${PROVIDER}/members`,
  access: { provider: "read" },
});

/** Invites an email; 201 with the invitation, its link only when no mail is sent. */
export const addMember = endpoint<{
  invitation: Returned<typeof add>["invitation"] & { inviteUrl: string | null };
}>()({
  method: "POST",
  path: `${PROVIDER}/members`,
  access: { provider: "manage" },
  body: schema(() => import("../../members/member-input"), "addMemberInput"),
});

export const changeMemberRole = endpoint<Returned<typeof change>>()({
  method: "PATCH",
  path: `${PROVIDER}/members/[userId]`,
  access: { provider: "manage" },
  body: schema(() => import("../../members/member-input"), "changeMemberRoleInput"),
});

/** 204. */
export const removeMember = endpoint<null>()({
  method: "DELETE",
  path: `${PROVIDER}/members/[userId]`,
  access: { provider: "manage" },
});
