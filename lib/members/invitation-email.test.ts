import { describe, expect, it } from "vitest";
import { invitationEmail } from "./invitation-email";

describe("the invitation email", () => {
  const input = {
    providerName: "Team\r\nBcc: everyone@example.com",
    role: "admin" as const,
    invitedBy: "admin@example.com",
    link: "https://console.example.com/invite/abc",
    expiresAt: new Date("2026-12-14T03:00:00Z"),
  };

  it("names the provider, the role, the inviter, the link and its expiry in UTC+9", () => {
    const { text } = invitationEmail(input);
    expect(text).toContain("admin@example.com invited this address");
    expect(text).toContain("as Admin.");
    expect(text).toContain("\nhttps://console.example.com/invite/abc\n");
    expect(text).toContain("until 2026-12-14 12:00:00 (UTC+9)");
  });

  it("keeps the provider's name on one line, so it cannot add a header or fake a line", () => {
    const { subject, text } = invitationEmail(input);
    expect(subject).toBe(
      "Webhook Console: You are invited to the provider Team Bcc: everyone@example.com",
    );
    expect(subject).not.toMatch(/[\r\n]/);
    expect(text.split("\n")[0]).toContain('"Team Bcc: everyone@example.com"');
  });
});
