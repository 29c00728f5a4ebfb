// Who may call what, written out as the console's role model says it (docs/operators.md, "Roles
// per provider"), and held against the endpoint definitions: a rule loosened or dropped in a
// definition fails here, however the rest of the suite exercises the endpoint. (The guard that
// applies the rules is tested in lib/access/access.int.test.ts; the handlers' refusals per role
// in lib/http/contract/.)
import { describe, expect, it } from "vitest";
import type { RouteAccess } from "../access/route-access";
import { ENDPOINTS } from "./endpoints";

const VIEWER = { channel: "read" } as const;
const MEMBER = { channel: "configure" } as const;
const CHANNEL_ADMIN = { channel: "manage" } as const;
const PROVIDER_VIEWER = { provider: "read" } as const;
const PROVIDER_ADMIN = { provider: "manage" } as const;
const LINE = "line-token";

const ROLE_MODEL: Record<string, RouteAccess> = {
  // Open: signing in (Better Auth checks its own routes), health, and accepting an invitation,
  // whose link is the credential.
  "GET /api/auth/[...all]": "public",
  "POST /api/auth/[...all]": "public",
  "GET /api/health": "public",
  "GET /api/health/ready": "public",
  "POST /api/invitations/accept": "public-or-operator",
  // Any operator: their providers, a new provider (they become its Admin), their own language.
  "GET /api/providers": "operator",
  "POST /api/providers": "operator",
  "PUT /api/account/locale": "account",
  // A Viewer sees the provider, its channels' settings, deliveries, statistics and audit log.
  "GET /api/providers/[providerId]": PROVIDER_VIEWER,
  "GET /api/providers/[providerId]/audit": PROVIDER_VIEWER,
  "GET /api/providers/[providerId]/members": PROVIDER_VIEWER,
  "GET /api/channels/[channelId]": VIEWER,
  "GET /api/channels/[channelId]/access-token": VIEWER,
  "GET /api/channels/[channelId]/audit": VIEWER,
  "GET /api/channels/[channelId]/deliveries": VIEWER,
  "GET /api/channels/[channelId]/notifications": VIEWER,
  "GET /api/channels/[channelId]/statistics/deliveries": VIEWER,
  "GET /api/channels/[channelId]/statistics/deliveries.tsv": VIEWER,
  "GET /api/channels/[channelId]/statistics/errors": VIEWER,
  "GET /api/channels/[channelId]/statistics/errors.tsv": VIEWER,
  "GET /api/channels/[channelId]/webhooks/[webhookId]": VIEWER,
  // A Member also changes webhook settings, presses Verify, sends test messages and redelivers.
  "PATCH /api/channels/[channelId]": MEMBER,
  "POST /api/channels/[channelId]/webhook/verify": MEMBER,
  "POST /api/channels/[channelId]/deliveries/redeliver": MEMBER,
  "POST /api/channels/[channelId]/resume": MEMBER,
  "GET /api/channels/[channelId]/replays": VIEWER,
  "POST /api/channels/[channelId]/replays": MEMBER,
  "POST /api/channels/[channelId]/replays/preview": MEMBER,
  "POST /api/channels/[channelId]/replays/[replayId]/cancel": MEMBER,
  "POST /api/channels/[channelId]/pause": MEMBER,
  "POST /api/channels/[channelId]/events": { channel: "configure", channelToken: true },
  // An Admin also reveals and reissues secrets, issues tokens, deletes channels, and manages
  // the provider and its members.
  "GET /api/channels/[channelId]/secret": CHANNEL_ADMIN,
  "POST /api/channels/[channelId]/secret": CHANNEL_ADMIN,
  "POST /api/channels/[channelId]/access-token": CHANNEL_ADMIN,
  "DELETE /api/channels/[channelId]": CHANNEL_ADMIN,
  "PATCH /api/providers/[providerId]": PROVIDER_ADMIN,
  "DELETE /api/providers/[providerId]": PROVIDER_ADMIN,
  "POST /api/providers/[providerId]/channels": PROVIDER_ADMIN,
  "POST /api/providers/[providerId]/members": PROVIDER_ADMIN,
  "PATCH /api/providers/[providerId]/members/[userId]": PROVIDER_ADMIN,
  "DELETE /api/providers/[providerId]/members/[userId]": PROVIDER_ADMIN,
  "DELETE /api/providers/[providerId]/invitations/[invitationId]": PROVIDER_ADMIN,
  // Prometheus's scrape: METRICS_TOKEN.
  "GET /metrics": "metrics-token",
  // LINE's Messaging API: a channel access token.
  "GET /v2/bot/channel/webhook/endpoint": LINE,
  "PUT /v2/bot/channel/webhook/endpoint": LINE,
  "POST /v2/bot/channel/webhook/test": LINE,
  ...Object.fromEntries(
    ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].map((method) => [
      `${method} /v2/[...path]`,
      LINE,
    ]),
  ),
};

describe("the endpoints' access", () => {
  it("is the role model's, endpoint by endpoint", () => {
    const declared = Object.fromEntries(
      ENDPOINTS.map(({ method, path, access }) => [`${method} ${path}`, access]),
    );
    expect(declared).toEqual(ROLE_MODEL);
  });
});
