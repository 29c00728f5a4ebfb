import { describe, expect, it } from "vitest";
import { tickFormatter, tooltipLabel } from "./chart-time-labels";

// 2026-11-27T12:06:00Z is 21:06 on November 27 in UTC+9; 15:30Z is 00:30 on the 28th.
const evening = "2026-11-27T12:06:00.000Z";
const afterMidnight = "2026-11-27T15:30:00.000Z";

describe("the charts' time labels", () => {
  it("tick times alone, or with the day when the chart spans days, in UTC+9", () => {
    expect(tickFormatter("minute", false, "en")(evening)).toBe("21:06");
    expect(tickFormatter("hour", true, "en")(afterMidnight)).toBe("11-28 00:30");
    expect(tickFormatter("day", true, "en")(afterMidnight)).toBe("11-28");
  });

  it("write days as Japanese readers do on a Japanese page", () => {
    expect(tickFormatter("minute", false, "ja")(evening)).toBe("21:06");
    expect(tickFormatter("hour", true, "ja")(afterMidnight)).toBe("11/28 00:30");
    expect(tickFormatter("day", true, "ja")(afterMidnight)).toBe("11/28");
  });

  it("head a tooltip with the bucket's day or span", () => {
    expect(tooltipLabel("day", "en")(afterMidnight)).toBe("2026-11-28 (UTC+9)");
    expect(tooltipLabel("hour", "en")(evening)).toBe("2026-11-27 21:06–22:06 (UTC+9)");
    expect(tooltipLabel("minute", "ja")(evening)).toBe("2026年11月27日 21:06–21:07 (UTC+9)");
    expect(tooltipLabel("day", "ja")(afterMidnight)).toBe("2026年11月28日 (UTC+9)");
    expect(tooltipLabel("hour", "en")("not a time")).toBe("");
  });
});
