// Signed-in answers are never stored by a browser or a proxy: every JSON route and TSV download
// (Cache-Control: no-store unless a route says otherwise, lib/http/handler.ts), Better Auth's
// session answers, and the readiness check, through the route handlers in process (moved from
// e2e/api/no-store.api.spec.ts; its pages stay there, as only the real server renders them).
import { describe, expect, it } from "vitest";
import * as authRoute from "../../../app/api/auth/[...all]/route";
import * as channelAuditRoute from "../../../app/api/channels/[channelId]/audit/route";
import * as deliveriesRoute from "../../../app/api/channels/[channelId]/deliveries/route";
import * as notificationsRoute from "../../../app/api/channels/[channelId]/notifications/route";
import * as channelRoute from "../../../app/api/channels/[channelId]/route";
import * as secretRoute from "../../../app/api/channels/[channelId]/secret/route";
import * as deliveryStatisticsRoute from "../../../app/api/channels/[channelId]/statistics/deliveries/route";
import * as deliveryStatisticsTsvRoute from "../../../app/api/channels/[channelId]/statistics/deliveries.tsv/route";
import * as errorsRoute from "../../../app/api/channels/[channelId]/statistics/errors/route";
import * as errorsTsvRoute from "../../../app/api/channels/[channelId]/statistics/errors.tsv/route";
import * as readyRoute from "../../../app/api/health/ready/route";
import * as providerAuditRoute from "../../../app/api/providers/[providerId]/audit/route";
import * as membersRoute from "../../../app/api/providers/[providerId]/members/route";
import * as providerRoute from "../../../app/api/providers/[providerId]/route";
import * as providersRoute from "../../../app/api/providers/route";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import type { RouteHandler } from "../../dev/testing/route-call";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";

describe.each(TEST_PROVIDERS)("on %s", (provider) => {
  const app = useConsoleInProcess(provider);

  it("every signed-in API answer carries Cache-Control: no-store", async () => {
    const { api } = await app().signedIn();
    const owned = await api.createProvider("No store");
    const channel = await api.createChannel(owned.id, "Bot");
    const reads: [path: string, handler: RouteHandler<never>][] = [
      ["/api/providers", providersRoute.GET],
      [`/api/providers/${owned.id}`, providerRoute.GET],
      [`/api/providers/${owned.id}/audit`, providerAuditRoute.GET],
      [`/api/providers/${owned.id}/members`, membersRoute.GET],
      [`/api/channels/${channel.id}`, channelRoute.GET],
      [`/api/channels/${channel.id}/audit`, channelAuditRoute.GET],
      [`/api/channels/${channel.id}/notifications`, notificationsRoute.GET],
      [`/api/channels/${channel.id}/deliveries`, deliveriesRoute.GET],
      [`/api/channels/${channel.id}/statistics/errors`, errorsRoute.GET],
      [`/api/channels/${channel.id}/statistics/errors.tsv`, errorsTsvRoute.GET],
      [`/api/channels/${channel.id}/statistics/deliveries`, deliveryStatisticsRoute.GET],
      [`/api/channels/${channel.id}/statistics/deliveries.tsv`, deliveryStatisticsTsvRoute.GET],
      [`/api/channels/${channel.id}/secret`, secretRoute.GET],
      ["/api/auth/get-session", authRoute.GET],
      ["/api/health/ready", readyRoute.GET],
    ];
    for (const [path, handler] of reads) {
      const answer = await api.call(handler, { method: "GET", path });
      expect(answer.status, `GET ${path}`).toBe(200);
      expect(answer.headers.get("cache-control") ?? "", `GET ${path}`).toMatch(/\bno-store\b/);
    }
  });
});
