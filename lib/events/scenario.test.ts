import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { completeEvent } from "./complete-event";
import { lineSchemaProblems } from "./line-event-schema";
import { playScenario, scenarioInput } from "./scenario";

const SHIPPED = path.resolve("docs/scenarios");
const shipped = readdirSync(SHIPPED).filter((file) => file.endsWith(".json"));

describe("scenarios", () => {
  it("ships a few", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(3);
  });

  it.each(shipped)("%s is valid, and each of its events is as LINE's schema defines", (file) => {
    const scenario = scenarioInput.parse(
      JSON.parse(readFileSync(path.join(SHIPPED, file), "utf8")),
    );
    for (const { event } of scenario.steps) {
      expect(lineSchemaProblems(completeEvent("1234567890", event, Date.now()))).toEqual([]);
    }
  });

  it("plays the steps in order, each after its delay and after the previous answer", async () => {
    const scenario = scenarioInput.parse({
      name: "Three steps",
      steps: [
        { event: { type: "follow" } },
        { delayMs: 500, event: { type: "message", message: { type: "text", text: "hi" } } },
        { delayMs: 1500, event: { type: "unfollow" } },
      ],
    });
    const log: string[] = [];
    const played = await playScenario(
      scenario,
      async (event) => {
        log.push(`send ${event.type}`);
        await Promise.resolve();
        log.push(`answered ${event.type}`);
        return event.type.length;
      },
      { sleep: async (ms) => void log.push(`wait ${ms}`) },
    );
    expect(log).toEqual([
      "send follow",
      "answered follow",
      "wait 500",
      "send message",
      "answered message",
      "wait 1500",
      "send unfollow",
      "answered unfollow",
    ]);
    expect(played).toEqual([
      { step: 1, type: "follow", answer: 6 },
      { step: 2, type: "message", answer: 7 },
      { step: 3, type: "unfollow", answer: 8 },
    ]);
  });

  it("names a bad step's problem by its path", () => {
    const refused = scenarioInput.safeParse({
      name: "Bad",
      steps: [
        { event: { type: "follow" } },
        { delayMs: -1, event: { type: "beacon", beacon: { hwid: "d4" } } },
      ],
    });
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["steps.1.delayMs", "must not be negative"],
      ["steps.1.event.beacon.type", "is required"],
    ]);
  });
});
