import { describe, expect, it } from "vitest";
import { currentTab } from "./current-tab";

const channel = ["basics", "messaging-api", "deliveries"].map((tab) => `/console/channel/7/${tab}`);
const provider = ["", "/members", "/settings"].map((tab) => `/console/provider/1${tab}`);

describe("currentTab", () => {
  it("marks the tab whose page it is", () => {
    expect(currentTab("/console/channel/7/deliveries", channel)).toEqual({
      href: "/console/channel/7/deliveries",
      as: "page",
    });
  });

  it("marks the tab a page is under as its section", () => {
    expect(currentTab("/console/channel/7/deliveries/01JABC", channel)).toEqual({
      href: "/console/channel/7/deliveries",
      as: "section",
    });
  });

  it("prefers the page's own tab to a tab whose path contains it", () => {
    expect(currentTab("/console/provider/1/members", provider)).toEqual({
      href: "/console/provider/1/members",
      as: "page",
    });
    expect(currentTab("/console/provider/1/members/x", provider)?.href).toBe(
      "/console/provider/1/members",
    );
  });

  it("marks nothing outside the tabs, nor a path that only shares a prefix", () => {
    expect(currentTab("/console/channel/7", channel)).toBeNull();
    expect(currentTab("/console/channel/7/deliveries-old", channel)).toBeNull();
  });
});
