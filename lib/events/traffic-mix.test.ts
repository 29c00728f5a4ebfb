import { describe, expect, it } from "vitest";
import { mixedEvent, parseMix } from "./traffic-mix";

describe("the traffic command's mix", () => {
  it("reads types, message types and weights", () => {
    expect(parseMix("message=5, message:image=1,follow=2")).toEqual([
      { type: "message", messageType: "text", weight: 5 },
      { type: "message", messageType: "image", weight: 1 },
      { type: "follow", messageType: "text", weight: 2 },
    ]);
  });

  it.each([
    ["typing=1", '"typing" is not one of LINE\'s event types'],
    ["message:gif=1", '"gif" is not a message type'],
    ["follow:image=1", "only message takes a message type"],
    ["follow=0", "the weight must be 1 to 1000"],
    ["follow", "is not type[:messageType]=weight"],
  ])("refuses %s, saying why", (text, why) => {
    expect(() => parseMix(text)).toThrow(why);
  });

  it("sends each type in proportion to its weight, spread through the run", () => {
    const mix = parseMix("message=5,follow=1,postback=2,message:sticker=2");
    const sent = Array.from({ length: 1000 }, (_, i) => mixedEvent(mix, i + 1, "Hello"));
    const kinds = sent.map((event) =>
      event.type === "message" ? `message:${(event.message as { type: string }).type}` : event.type,
    );
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    expect([
      count("message:text"),
      count("follow"),
      count("postback"),
      count("message:sticker"),
    ]).toEqual([500, 100, 200, 200]);
    // Not in runs: the first ten sends hold every type.
    expect(new Set(kinds.slice(0, 10)).size).toBe(4);
    // Each text says which send it was.
    const texts = sent.flatMap((event, index) =>
      kinds[index] === "message:text" ? [[index + 1, event.message]] : [],
    );
    for (const [sequence, message] of texts) {
      expect(message).toEqual({ type: "text", text: `Hello #${sequence}` });
    }
  });
});
