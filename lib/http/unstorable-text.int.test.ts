import { describe, expect, it } from "vitest";
import { createChannelInput } from "../channels/channel-input";
import { createChannel } from "../channels/create-channel";
import { getChannel } from "../channels/get-channel";
import { prismaSql } from "../db/prisma-sql";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { InvalidInputError } from "../errors";
import { createProvider } from "../providers/create-provider";
import { parseJsonBody } from "./parse";

// Why every JSON body is checked for text that cannot be stored (lib/http/parse.ts): PostgreSQL
// refuses an unpaired surrogate and U+0000 (a 500 before the check); SQLite silently replaces a
// surrogate, so what was read back differed from what was sent. SQLite keeps U+0000, but the
// console answers the same on both databases, so it is refused on both.

function post(body: string): Request {
  return new Request("http://localhost/api/providers/1/channels", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
}

/** What `name` reads back as after a write straight to the database, or the error it caused. */
async function storedName(db: Parameters<typeof createChannel>[0], name: string) {
  const provider = await createProvider(db, { name: "Acme" }, "tester@example.com");
  try {
    const channel = await createChannel(db, provider.id, { name }, "tester@example.com");
    return { stored: (await getChannel(prismaSql(db), channel.id)).name };
  } catch (error) {
    return { error };
  }
}

describe.each(TEST_PROVIDERS)("text in request bodies on %s", (provider) => {
  const database = useTestDatabase(provider);

  it.each([
    ["an unpaired surrogate", "a\ud800b", '{"name":"a\\ud800b"}', ["sqlite", "postgres"]],
    ["U+0000", "a\u0000b", '{"name":"a\\u0000b"}', ["postgres"]],
  ])("refuses %s before the database", async (_case, name, body, notKeptBy) => {
    const { db } = database();
    const direct = await storedName(db, name);
    if (notKeptBy.includes(provider)) {
      expect(direct.stored, `${provider} kept it after all`).not.toBe(name);
    } else {
      expect(direct).toEqual({ stored: name });
    }

    const refused = await parseJsonBody(post(body), createChannelInput).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).details).toEqual([
      { property: "name", message: expect.stringMatching(/^must be valid text: it holds /) },
    ]);
  });

  it("stores every other text it lets through unchanged", async () => {
    const { db } = database();
    const name = "\u0001 tab\there \ud83d\ude00 \u00fc \ufffd \uffff \u202e";
    const input = await parseJsonBody(post(JSON.stringify({ name })), createChannelInput);
    expect(input.name).toBe(name.trim());
    expect(await storedName(db, input.name)).toEqual({ stored: input.name });
  });
});
