import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createChannelInput, updateChannelInput } from "../channels/channel-input";
import { InvalidInputError, TooLargeError } from "../errors";
import { parseLineBody } from "./line-body";
import { parseInput, parseJsonBody, readBodyText, readJsonBody, unstorableTextIn } from "./parse";
import { LINE_BODY_TOO_LARGE_MESSAGE, MAX_BODY_BYTES } from "./request-defences";

function post(body?: string): Request {
  return new Request("http://localhost/api/test", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
}

/** The InvalidInputError (a 400) a call throws; fails the test when it throws nothing or something else. */
async function invalidInputOf(action: () => unknown): Promise<InvalidInputError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error("expected an InvalidInputError");
}

describe("readJsonBody", () => {
  it("parses a JSON body", async () => {
    expect(await readJsonBody(post('{"name":"Echo bot","n":[1,2]}'))).toEqual({
      name: "Echo bot",
      n: [1, 2],
    });
  });

  it.each([undefined, "", "  \n"])("refuses a missing body (%j) with 400", async (body) => {
    const error = await invalidInputOf(() => readJsonBody(post(body)));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("Request body must be a JSON object");
  });

  it.each(['{"name": "x"', "name=x", "{'name': 'x'}"])(
    "refuses malformed JSON %j with 400",
    async (body) => {
      const error = await invalidInputOf(() => readJsonBody(post(body)));
      expect(error.code).toBe("invalid_input");
      expect(error.message).toMatch(/^Malformed JSON in request body: \S/);
    },
  );
});

describe("text that cannot be stored", () => {
  const SURROGATE = "must be valid text: it holds an unpaired UTF-16 surrogate";
  const NUL = "must be valid text: it holds the NUL character (U+0000)";

  // The bodies as sent on the wire: JSON escapes, which JSON.parse turns into lone code units.
  it.each([
    ['{"name":"a\\ud800b"}', "name", SURROGATE],
    ['{"name":"\\udfff"}', "name", SURROGATE],
    ['{"name":"x\\ude00\\ud83d"}', "name", SURROGATE],
    ['{"name":"Bot","description":"\\ud800"}', "description", SURROGATE],
    [
      '{"events":[{"type":"message","message":{"type":"text","text":"hi \\udc00"}}]}',
      "events.0.message.text",
      SURROGATE,
    ],
    [
      '{"events":[{"type":"follow"},{"type":"postback","postback":{"data":"\\ud800"}}]}',
      "events.1.postback.data",
      SURROGATE,
    ],
    ['{"endpoint":"https://example.com/\\ud800"}', "endpoint", SURROGATE],
    ['"\\ud800"', "(body)", SURROGATE],
    ['{"name":"a\\u0000b"}', "name", NUL],
    ['{"a":{"b":[1,true,null,"ok","\\u0000"]}}', "a.b.4", NUL],
  ])("refuses %s with 400, naming %s", async (body, property, message) => {
    const error = await invalidInputOf(() => readJsonBody(post(body)));
    expect(error).toMatchObject({
      code: "invalid_input",
      message: `${property}: ${message}`,
      details: [{ property, message }],
    });
  });

  it("names a property name that cannot be stored, readably", async () => {
    const error = await invalidInputOf(() => readJsonBody(post('{"ok":1,"x\\ud800":2}')));
    expect(error.details).toEqual([
      {
        property: "x\ufffd",
        message: "is a property name that holds an unpaired UTF-16 surrogate",
      },
    ]);
  });

  it("names the first problem in document order", () => {
    expect(unstorableTextIn({ a: ["ok", "\u0000"], b: "\ud800" })?.property).toBe("a.1");
  });

  it.each([
    '{"name":"\\ud83d\\ude00 \u00fc \ufffd \\uffff"}',
    '{"text":"\\u0001\\u001f line\\nbreak"}',
    "[]",
    "42",
  ])("accepts well-formed text (paired surrogates, other control characters): %s", async (body) => {
    expect(await readJsonBody(post(body))).toEqual(JSON.parse(body));
  });

  // 200,000 levels, twice: well under a second alone, but the CI runs it beside the browser tests
  // on two cores, where it once took more than the default 5 s. Not a timing test.
  it("walks deep nesting without overflowing the stack", { timeout: 30_000 }, () => {
    const depth = 200_000;
    const deep = JSON.parse(`${"[".repeat(depth)}"\\ud800"${"]".repeat(depth)}`);
    const problem = unstorableTextIn(deep);
    expect(problem?.message).toBe(SURROGATE);
    expect(problem?.property).toBe(Array.from({ length: depth }, () => "0").join("."));
    expect(unstorableTextIn(JSON.parse(`${"[".repeat(depth)}"ok"${"]".repeat(depth)}`))).toBeNull();
  });
});

describe("parseInput", () => {
  it("returns the parsed (trimmed) input", () => {
    expect(parseInput(createChannelInput, { name: "  Echo bot " })).toEqual({ name: "Echo bot" });
  });

  it.each([
    [{}, "name", "must be a string"],
    [{ name: "   " }, "name", "must not be empty"],
    [{ name: "x".repeat(101) }, "name", "must be at most 100 characters"],
    [{ name: "Bot", description: 7 }, "description", "must be a string"],
  ])("names the offending property of %j", (input, property, message) => {
    const error = (() => {
      try {
        parseInput(createChannelInput, input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      code: "invalid_input",
      message: `${property}: ${message}`,
      details: [{ property, message }],
    });
  });

  it("names an unknown property", () => {
    expect(() => parseInput(createChannelInput, { name: "Bot", secret: "x" })).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        message: "secret: is not a known property",
        details: [{ property: "secret", message: "is not a known property" }],
      }),
    );
  });

  it("names every unknown property separately", () => {
    expect(() => parseInput(createChannelInput, { name: "Bot", a: 1, b: 2 })).toThrow(
      expect.objectContaining({
        message: "a: is not a known property",
        details: [
          { property: "a", message: "is not a known property" },
          { property: "b", message: "is not a known property" },
        ],
      }),
    );
  });

  it("joins nested paths with dots", () => {
    const schema = z.object({ filter: z.object({ from: z.string({ error: "must be a date" }) }) });
    expect(() => parseInput(schema, { filter: { from: 1 } })).toThrow(
      expect.objectContaining({ message: "filter.from: must be a date" }),
    );
  });

  it("reports problems with the body as a whole as (body)", () => {
    expect(() => parseInput(updateChannelInput, {})).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        message: "(body): must change at least one setting",
        details: [{ property: "(body)", message: "must change at least one setting" }],
      }),
    );
    expect(() => parseInput(createChannelInput, [])).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        message: expect.stringMatching(/^\(body\): /),
      }),
    );
  });

  it("lists every problem in details, the first in the message", () => {
    try {
      parseInput(updateChannelInput, { useWebhook: "yes", webhookUrl: "ftp://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        message: "webhookUrl: must start with https:// or http://",
      });
      expect((error as InvalidInputError).details).toEqual(
        expect.arrayContaining([
          { property: "useWebhook", message: "must be true or false" },
          { property: "webhookUrl", message: "must start with https:// or http://" },
        ]),
      );
    }
  });
});

describe("parseJsonBody", () => {
  it("reads and validates", async () => {
    expect(await parseJsonBody(post('{"name":"Bot"}'), createChannelInput)).toEqual({
      name: "Bot",
    });
    const error = await invalidInputOf(() =>
      parseJsonBody(post('{"name":""}'), createChannelInput),
    );
    expect(error.message).toBe("name: must not be empty");
  });
});

/**
 * A streamed (chunked) body of `chunks` chunks of `chunkBytes` bytes each, made as they are
 * pulled; `pulled()` tells how many the reader asked for.
 */
function streamedPost(chunks: number, chunkBytes: number, headers: Record<string, string> = {}) {
  let made = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (made === chunks) {
        controller.close();
        return;
      }
      made += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  const request = new Request("http://localhost/api/test", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => made };
}

/** The TooLargeError (a 413) a call throws; fails the test when it throws nothing or something else. */
async function tooLargeOf(action: () => unknown): Promise<TooLargeError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(TooLargeError);
    return error as TooLargeError;
  }
  throw new Error("expected a TooLargeError");
}

describe("readBodyText: bodies over 1 MB", () => {
  const chunk = 64 * 1024;

  it("reads a body of exactly 1 MB", async () => {
    const { request } = streamedPost(MAX_BODY_BYTES / chunk, chunk);
    expect((await readBodyText(request)).length).toBe(MAX_BODY_BYTES);
  });

  it("stops reading a streamed body as soon as it passes 1 MB (413)", async () => {
    // 50 MB offered; the reader must stop one chunk past the limit.
    const { request, pulled } = streamedPost(800, chunk);
    const error = await tooLargeOf(() => readBodyText(request));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/^Request body too large: the limit is 1 MB/);
    expect(pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES / chunk + 2);
  });

  it("refuses a body whose Content-Length is over 1 MB without reading it", async () => {
    const { request, pulled } = streamedPost(800, chunk, {
      "content-length": String(50 * 1024 * 1024),
    });
    await tooLargeOf(() => readBodyText(request));
    // A ReadableStream pulls once to fill its queue when it is made; the reader asked for none.
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("refuses through readJsonBody and, in LINE's words, through parseLineBody", async () => {
    const big = `{"name":"${"x".repeat(MAX_BODY_BYTES)}"}`;
    await tooLargeOf(() => readJsonBody(post(big)));
    const error = await tooLargeOf(() => parseLineBody(post(big), z.object({})));
    expect(error.message).toBe(LINE_BODY_TOO_LARGE_MESSAGE);
  });

  it("answers a body cut off by the client (an aborted upload) with a 400, not a 500", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"text":'));
      },
      pull(controller) {
        controller.error(new Error("aborted"));
      },
    });
    const request = new Request("http://localhost/", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    await expect(readBodyText(request)).rejects.toMatchObject({
      code: "invalid_input",
      message: "Request body incomplete: the client closed the connection",
    });
  });

  it("decodes UTF-8 split across chunks", async () => {
    const bytes = new TextEncoder().encode('{"name":"ボット"}');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    const request = new Request("http://localhost/", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    expect(await readBodyText(request)).toBe('{"name":"ボット"}');
  });
});

describe("readJsonBody's shortcut: only a \\u escape can hold unstorable text", () => {
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

  it("a body without one never holds any (JSON text as JSON.stringify writes it)", () => {
    fc.assert(
      // Any UTF-16 code unit: NUL and lone surrogates included.
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: codeUnit }), (value, text) => {
        for (const body of [JSON.stringify(value), JSON.stringify({ [text]: text })]) {
          if (!body.includes("\\u")) expect(unstorableTextIn(JSON.parse(body))).toBeNull();
        }
      }),
    );
  });

  it("and JSON.stringify writes each of them as one", () => {
    fc.assert(
      fc.property(fc.constantFrom("\u0000", "\ud800", "\udfff"), fc.string(), (bad, text) => {
        expect(JSON.stringify({ name: `${text}${bad}` })).toContain("\\u");
      }),
    );
  });
});
