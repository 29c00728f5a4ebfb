// Bad input the API contract tests send (lib/http/contract/, and e2e/api/ for what stays there):
// bodies that are not a JSON object, and path ids that name nothing or cannot be ids.

/**
 * Bodies that are not a JSON object at all; `message` is what the error should say. Where a body
 * holds a name, it is `"x"`, so a test can put a marker there and look for it afterwards.
 */
export const notAJsonObject = [
  { case: "malformed JSON", body: '{"name": ', message: /Malformed JSON/ },
  { case: "JSON with a trailing comma", body: '{"name": "x",}', message: /Malformed JSON/ },
  { case: "single-quoted JSON", body: "{'name': 'x'}", message: /Malformed JSON/ },
  { case: "an empty body", body: "", message: /must be a JSON object/ },
  { case: "a whitespace body", body: " \n\t", message: /must be a JSON object/ },
  { case: "JSON null", body: "null", message: /object/ },
  { case: "a JSON array", body: '[{"name": "x"}]', message: /object/ },
  { case: "a JSON string", body: '"x"', message: /object/ },
  { case: "a JSON number", body: "42", message: /object/ },
] as const;

/** A well-formed id that nothing has (ids are random, so a clash is one in nine billion). */
export const UNKNOWN_ID = "1000000000";

/**
 * Ids that cannot be ids, as they appear in a path (percent-encoded): the handlers must answer
 * 404, never 400 or 500.
 */
export const MALFORMED_IDS = [
  "abc",
  "0123456789",
  "123456789",
  "12345678901",
  "1234567890abc",
  "-123456789",
  "1e9",
  encodeURIComponent("1234567890\n"),
  encodeURIComponent("１２３４５６７８９０"),
  encodeURIComponent("' OR '1'='1"),
  "x".repeat(300),
];
