import { describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE, auditPageUrl } from "./audit-paging";

describe("auditPageUrl", () => {
  it("asks a channel's or a provider's log for its newest page", () => {
    expect(auditPageUrl({ channelId: "1234567890" }, null)).toBe(
      `/api/channels/1234567890/audit?limit=${AUDIT_PAGE_SIZE}`,
    );
    expect(auditPageUrl({ providerId: "2000000001" }, null)).toBe(
      `/api/providers/2000000001/audit?limit=${AUDIT_PAGE_SIZE}`,
    );
  });

  it("asks for the entries older than the last one shown", () => {
    expect(auditPageUrl({ channelId: "1234567890" }, "01JDQ3V6Y8X9Z0ABCDEFGHJKMN", 10)).toBe(
      "/api/channels/1234567890/audit?limit=10&before=01JDQ3V6Y8X9Z0ABCDEFGHJKMN",
    );
  });
});
