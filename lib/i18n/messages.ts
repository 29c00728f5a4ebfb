// The console's UI text, one JSON file per area and language (ADR 21). English is the source:
// its shape is the Messages type, so a key missing in Japanese fails the type check, and
// messages.test.ts fails on a key only Japanese has or a placeholder one language lacks.
// Pure: the server loads these for a request (request.ts); tests read them directly.
import type { Locale } from "./locales";
import enAccount from "./messages/en/account.json";
import enAudit from "./messages/en/audit.json";
import enAuth from "./messages/en/auth.json";
import enChannels from "./messages/en/channels.json";
import enCommon from "./messages/en/common.json";
import enData from "./messages/en/data.json";
import enDeliveries from "./messages/en/deliveries.json";
import enDemoBot from "./messages/en/demoBot.json";
import enInvitations from "./messages/en/invitations.json";
import enLayout from "./messages/en/layout.json";
import enMembers from "./messages/en/members.json";
import enNotifications from "./messages/en/notifications.json";
import enPages from "./messages/en/pages.json";
import enProviders from "./messages/en/providers.json";
import enRoles from "./messages/en/roles.json";
import enSettings from "./messages/en/settings.json";
import enStatistics from "./messages/en/statistics.json";
import enUi from "./messages/en/ui.json";
import jaAccount from "./messages/ja/account.json";
import jaAudit from "./messages/ja/audit.json";
import jaAuth from "./messages/ja/auth.json";
import jaChannels from "./messages/ja/channels.json";
import jaCommon from "./messages/ja/common.json";
import jaData from "./messages/ja/data.json";
import jaDeliveries from "./messages/ja/deliveries.json";
import jaDemoBot from "./messages/ja/demoBot.json";
import jaInvitations from "./messages/ja/invitations.json";
import jaLayout from "./messages/ja/layout.json";
import jaMembers from "./messages/ja/members.json";
import jaNotifications from "./messages/ja/notifications.json";
import jaPages from "./messages/ja/pages.json";
import jaProviders from "./messages/ja/providers.json";
import jaRoles from "./messages/ja/roles.json";
import jaSettings from "./messages/ja/settings.json";
import jaStatistics from "./messages/ja/statistics.json";
import jaUi from "./messages/ja/ui.json";

const en = {
  common: enCommon,
  layout: enLayout,
  pages: enPages,
  account: enAccount,
  audit: enAudit,
  auth: enAuth,
  channels: enChannels,
  data: enData,
  deliveries: enDeliveries,
  invitations: enInvitations,
  members: enMembers,
  notifications: enNotifications,
  providers: enProviders,
  roles: enRoles,
  settings: enSettings,
  statistics: enStatistics,
  ui: enUi,
  demoBot: enDemoBot,
};

export type Messages = typeof en;

const ja: Messages = {
  common: jaCommon,
  layout: jaLayout,
  pages: jaPages,
  account: jaAccount,
  audit: jaAudit,
  auth: jaAuth,
  channels: jaChannels,
  data: jaData,
  deliveries: jaDeliveries,
  invitations: jaInvitations,
  members: jaMembers,
  notifications: jaNotifications,
  providers: jaProviders,
  roles: jaRoles,
  settings: jaSettings,
  statistics: jaStatistics,
  ui: jaUi,
  demoBot: jaDemoBot,
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, ja };
