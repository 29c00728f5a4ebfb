import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  COULD_NOT_CONNECT_DETAILS,
  FAILURE_REASONS,
  REQUEST_TIMEOUT_DETAILS,
  UNCLASSIFIED_DETAILS,
} from "@/lib/shared/failure-reasons";
import { explainDetail, explainReason } from "./failure-explanations";

const translators = {
  en: createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "statistics" }),
  ja: createTranslator({ locale: "ja", messages: MESSAGES.ja, namespace: "statistics" }),
};

const NAMED: [string, readonly string[]][] = [
  ["could_not_connect", COULD_NOT_CONNECT_DETAILS],
  ["request_timeout", REQUEST_TIMEOUT_DETAILS],
  ["unclassified", UNCLASSIFIED_DETAILS],
];

describe.each(Object.entries(translators))("in %s", (_locale, t) => {
  it("explains every reason, each differently", () => {
    const texts = FAILURE_REASONS.map((reason) => explainReason(t, reason));
    expect(texts.every((text) => text.length > 10)).toBe(true);
    expect(new Set(texts).size).toBe(FAILURE_REASONS.length);
  });

  it("explains every detail LINE names, each differently, and any status code", () => {
    const texts = NAMED.flatMap(([reason, details]) =>
      details.map((detail) => explainDetail(t, reason, detail)),
    );
    expect(texts.every((text) => typeof text === "string" && text.length > 10)).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
    expect(explainDetail(t, "error_status_code", "503")).toBe(
      explainDetail(t, "error_status_code", "404"),
    );
  });

  it("has nothing to say of a detail LINE does not name", () => {
    expect(explainDetail(t, "unclassified", "Something else")).toBeNull();
  });
});

it("words LINE's summaries in English and Japanese", () => {
  expect(explainDetail(translators.en, "could_not_connect", "Unknown host")).toBe(
    "The Webhook URL's host could not be found.",
  );
  expect(explainDetail(translators.ja, "could_not_connect", "Unknown host")).toBe(
    "Webhook URLに指定されたホストが見つかりませんでした。",
  );
});
