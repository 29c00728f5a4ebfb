import type { acceptInvitation as accept } from "../../members/accept-invitation";
import { endpoint, schema } from "../endpoint";
import type { Returned } from "./types";

/** The invitation page's form; 201 with the membership. */
export const acceptInvitation = endpoint<Returned<typeof accept>>()({
  method: "POST",
  path: "/api/invitations/accept",
  access: "public-or-operator",
  body: schema(() => import("../../members/member-input"), "acceptInvitationInput"),
});
