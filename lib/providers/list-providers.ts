import "server-only";
import type { OperatorActor } from "../access/actor";
import type { Db } from "../db/client";
import { isProviderRole } from "../shared/provider-roles";
import { type ProviderSummary, toProviderView } from "./provider-view";

/**
 * The providers the operator is a member of, with their role in each; every provider, as Admin,
 * for a console administrator.
 */
export async function listProviders(db: Db, operator: OperatorActor): Promise<ProviderSummary[]> {
  const providers = await db.provider.findMany({
    where: operator.consoleAdmin ? {} : { members: { some: { userId: operator.userId } } },
    orderBy: { createdAt: "asc" },
    include: {
      _count: { select: { channels: true } },
      members: { where: { userId: operator.userId }, select: { role: true } },
    },
  });
  return providers.map(({ _count, members, ...provider }) => {
    const role = members[0]?.role;
    return {
      ...toProviderView(provider),
      channelCount: _count.channels,
      role: operator.consoleAdmin || !isProviderRole(role) ? "admin" : role,
    };
  });
}
