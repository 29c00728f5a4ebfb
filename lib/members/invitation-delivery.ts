import { notificationSettingsFromEnv } from "../notifications/notification-settings";
import type { Env } from "../settings/read-env";
import type { InvitationDelivery } from "./manage-members";

/** Invitations are mailed when the console sends mail (SMTP_URL), and handed to the Admin if not. */
export function invitationDeliveryFromEnv(env: Env = process.env): InvitationDelivery {
  const { smtpUrl, consoleOrigin } = notificationSettingsFromEnv(env);
  return smtpUrl ? { by: "email", consoleOrigin } : { by: "admin" };
}
