// Without a session, the console's API answers 401 to reads too, through the route handlers in
// process (moved from e2e/api/defences.api.spec.ts; what the server in front of Next refuses,
// cross-site requests, foreign hosts and large bodies, stays there).
import { describe, expect, it } from "vitest";
import * as channelAuditRoute from "../../../app/api/channels/[channelId]/audit/route";
import * as deliveriesRoute from "../../../app/api/channels/[channelId]/deliveries/route";
import * as channelRoute from "../../../app/api/channels/[channelId]/route";
import * as secretRoute from "../../../app/api/channels/[channelId]/secret/route";
import * as errorsTsvRoute from "../../../app/api/channels/[channelId]/statistics/errors.tsv/route";
import * as membersRoute from "../../../app/api/providers/[providerId]/members/route";
import * as providersRoute from "../../../app/api/providers/route";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import { expectErrorAnswer } from "../../dev/testing/contract-api";
import type { RouteHandler } from "../../dev/testing/route-call";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";

describe.each(TEST_PROVIDERS)("on %s", (provider) => {
  const app = useConsoleInProcess(provider);

  it("without a session, the console's API answers 401 to reads too: a secret first of all", async () => {
    const { api } = await app().signedIn();
    const owned = await api.createProvider("Provider");
    const channel = await api.createChannel(owned.id, "Channel");
    const { guest } = app();
    const reads: [path: string, handler: RouteHandler<never>][] = [
      [`/api/channels/${channel.id}/secret`, secretRoute.GET],
      [`/api/channels/${channel.id}`, channelRoute.GET],
      [`/api/channels/${channel.id}/deliveries`, deliveriesRoute.GET],
      [`/api/channels/${channel.id}/audit`, channelAuditRoute.GET],
      [`/api/channels/${channel.id}/statistics/errors.tsv`, errorsTsvRoute.GET],
      [`/api/providers/${owned.id}/members`, membersRoute.GET],
      ["/api/providers", providersRoute.GET],
    ];
    for (const [path, handler] of reads) {
      const answer = await guest.call(handler, { method: "GET", path });
      const body = await answer.clone().text();
      const error = await expectErrorAnswer(answer, 401, `GET ${path}`);
      expect(error.message).toBe("Sign in to use the console");
      expect(body).not.toMatch(/channelSecret/);
    }
  });
});
