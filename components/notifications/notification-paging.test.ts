import { describe, expect, it } from "vitest";
import { NOTIFICATIONS_PAGE_SIZE, notificationsPageUrl } from "./notification-paging";

describe("notificationsPageUrl", () => {
  it("asks for a channel's newest emails", () => {
    expect(notificationsPageUrl("1234567890", null)).toBe(
      `/api/channels/1234567890/notifications?limit=${NOTIFICATIONS_PAGE_SIZE}`,
    );
  });

  it("asks for the emails older than the last one shown", () => {
    expect(notificationsPageUrl("1234567890", "01JDQ3V6Y8X9Z0ABCDEFGHJKMN", 5)).toBe(
      "/api/channels/1234567890/notifications?limit=5&before=01JDQ3V6Y8X9Z0ABCDEFGHJKMN",
    );
  });
});
