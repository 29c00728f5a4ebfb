import "server-only";
import type { OperatorActor } from "../access/actor";
import { fromSqlTime, SqlParams, type SqlSession } from "../db/sql";
import { isProviderRole } from "../shared/provider-roles";
import { type ProviderSummary, toProviderView } from "./provider-view";

interface ProviderRow {
  id: string;
  name: string;
  createdAt: unknown;
  channelCount: unknown;
  role: string | null;
}

/**
 * The providers the operator is a member of, with their role in each; every provider, as Admin,
 * for a console administrator. One statement on the request's driver connection, as the route is
 * one of the hot reads (ADR 23).
 */
export async function listProviders(
  sql: SqlSession,
  operator: OperatorActor,
): Promise<ProviderSummary[]> {
  const p = new SqlParams(sql.dialect);
  const rows = await sql.query<ProviderRow>(
    `SELECT pr."id" AS "id", pr."name" AS "name", pr."createdAt" AS "createdAt", m."role" AS "role",
        (SELECT COUNT(*) FROM "Channel" c WHERE c."providerId" = pr."id") AS "channelCount"
      FROM "Provider" pr
      LEFT JOIN "ProviderMember" m ON m."providerId" = pr."id" AND m."userId" = ${p.value(operator.userId)}
      WHERE m."userId" IS NOT NULL OR ${p.bool(operator.consoleAdmin)}
      ORDER BY pr."createdAt" ASC, pr."id" ASC`,
    p.list,
  );
  return rows.map((row) => ({
    ...toProviderView({ id: row.id, name: row.name, createdAt: fromSqlTime(row.createdAt) }),
    channelCount: Number(row.channelCount),
    role: operator.consoleAdmin || !isProviderRole(row.role) ? "admin" : row.role,
  }));
}
