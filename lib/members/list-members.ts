import "server-only";
import type { Db } from "../db/client";
import { isProviderRole, type ProviderRole } from "../shared/provider-roles";

/** GET /api/providers/{id}/members: members by role then email, and pending invitations. */
export async function listMembers(db: Db, providerId: string) {
  const [members, invitations] = await Promise.all([
    db.providerMember.findMany({
      where: { providerId },
      include: { user: { select: { email: true, name: true } } },
    }),
    db.providerInvitation.findMany({
      where: { providerId, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const rank = (role: string) => ["admin", "member", "viewer"].indexOf(role);
  return {
    members: members
      .map((member) => ({
        userId: member.userId,
        email: member.user.email,
        name: member.user.name,
        role: (isProviderRole(member.role) ? member.role : "viewer") as ProviderRole,
        since: member.createdAt.toISOString(),
      }))
      .sort((a, b) => rank(a.role) - rank(b.role) || a.email.localeCompare(b.email)),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: (isProviderRole(invitation.role) ? invitation.role : "viewer") as ProviderRole,
      invitedBy: invitation.invitedBy,
      expiresAt: invitation.expiresAt.toISOString(),
    })),
  };
}

export type MemberList = Awaited<ReturnType<typeof listMembers>>;
export type MemberView = MemberList["members"][number];
export type InvitationView = MemberList["invitations"][number];
