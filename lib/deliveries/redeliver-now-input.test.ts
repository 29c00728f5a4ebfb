import { describe, expect, it } from "vitest";
import { REDELIVER_NOW_LIMIT } from "../shared/redeliver-now";
import { redeliverNowInput } from "./redeliver-now-input";

const ID = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

function problem(body: unknown) {
  const result = redeliverNowInput.safeParse(body);
  return result.success ? null : result.error.issues.map((i) => [i.path.join("."), i.message]);
}

describe("redeliverNowInput", () => {
  it("takes 1 to 100 webhook ids", () => {
    expect(problem({ webhookIds: [ID] })).toBeNull();
    expect(problem({ webhookIds: Array(REDELIVER_NOW_LIMIT).fill(ID) })).toBeNull();
  });

  it("names webhookIds in every refusal", () => {
    expect(problem({ webhookIds: [] })).toEqual([["webhookIds", "must name at least one webhook"]]);
    expect(problem({ webhookIds: Array(REDELIVER_NOW_LIMIT + 1).fill(ID) })).toEqual([
      ["webhookIds", "must name at most 100 webhooks"],
    ]);
    expect(problem({ webhookIds: ["x"] })).toEqual([
      ["webhookIds.0", "must be webhook ids (ULIDs)"],
    ]);
    expect(problem({ webhookIds: ID })).toEqual([
      ["webhookIds", "must be an array of webhook ids"],
    ]);
    expect(problem({ webhookIds: [ID], all: true })?.[0]?.[0]).toBe("");
    expect(problem({})).toEqual([["webhookIds", "must be an array of webhook ids"]]);
  });
});
