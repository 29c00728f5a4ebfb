import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";

type Tree = { [key: string]: string | Tree };

/** Every message of a tree, by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments and tags a message uses, with their kind ("count:plural", "<link>"). */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        into.add(`${element.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.select:
      case TYPE.plural:
        into.add(`${element.value}:${TYPE[element.type]}`);
        for (const option of Object.values(element.options)) placeholders(option.value, into);
        break;
      case TYPE.tag:
        into.add(`<${element.value}>`);
        placeholders(element.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

const flat = Object.fromEntries(
  LOCALES.map((locale) => [locale, flatten(MESSAGES[locale] as unknown as Tree)]),
);
const english = flat.en as Map<string, string>;

describe.each(LOCALES.filter((locale) => locale !== "en"))("%s messages", (locale) => {
  const other = flat[locale] as Map<string, string>;

  it("have exactly English's keys", () => {
    const missing = [...english.keys()].filter((key) => !other.has(key));
    const extra = [...other.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("use the same arguments and tags as English, each message", () => {
    const differ = [...english.entries()].flatMap(([key, text]) => {
      const translated = other.get(key);
      if (translated === undefined) return [];
      const want = [...placeholders(parse(text))].sort();
      const got = [...placeholders(parse(translated))].sort();
      return JSON.stringify(want) === JSON.stringify(got) ? [] : [{ key, want, got }];
    });
    expect(differ).toEqual([]);
  });
});

describe.each(LOCALES)("%s messages", (locale) => {
  it("are valid ICU messages and none is empty", () => {
    for (const [key, text] of flat[locale] as Map<string, string>) {
      expect(text.trim(), key).not.toBe("");
      expect(() => parse(text), key).not.toThrow();
    }
  });
});

describe("the parity check", () => {
  it("would see a key only one language has, and a lost argument", () => {
    const en = flatten({ a: { b: "x {n, plural, one {# item} other {# items}}" }, c: "y" });
    const ja = flatten({ a: { b: "x" } });
    expect([...en.keys()].filter((key) => !ja.has(key))).toEqual(["c"]);
    expect([...placeholders(parse(en.get("a.b") ?? ""))]).toEqual(["n:plural"]);
    expect([...placeholders(parse(ja.get("a.b") ?? ""))]).toEqual([]);
  });
});
