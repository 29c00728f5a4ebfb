import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { PASSWORD_MIN_LENGTH } from "@/lib/shared/account-input";
import {
  type AcceptInvitationFields,
  hasProblems,
  acceptInvitationProblems as problemsWith,
} from "./accept-invitation-rules";

const translators = (locale: "en" | "ja") => ({
  account: createTranslator({ locale, messages: MESSAGES[locale], namespace: "account" }),
  invitations: createTranslator({ locale, messages: MESSAGES[locale], namespace: "invitations" }),
});
const en = translators("en");
const acceptInvitationProblems = (fields: AcceptInvitationFields) => problemsWith(fields, en);

const good = {
  name: "Hanako",
  password: "p".repeat(PASSWORD_MIN_LENGTH),
  confirmation: "p".repeat(PASSWORD_MIN_LENGTH),
};

describe("acceptInvitationProblems", () => {
  it("accepts a name and a password of the minimum length, typed twice", () => {
    expect(acceptInvitationProblems(good)).toEqual({});
    expect(hasProblems(acceptInvitationProblems(good))).toBe(false);
  });

  it("asks for a name that is not only spaces, up to 100 characters", () => {
    expect(acceptInvitationProblems({ ...good, name: "   " }).name).toBe("Enter your name.");
    expect(acceptInvitationProblems({ ...good, name: "n".repeat(101) }).name).toBe(
      "Use at most 100 characters.",
    );
    expect(acceptInvitationProblems({ ...good, name: ` ${"n".repeat(100)} ` })).toEqual({});
  });

  it("asks for the server's minimum password length, and the same password twice", () => {
    const short = "p".repeat(PASSWORD_MIN_LENGTH - 1);
    const problems = acceptInvitationProblems({ ...good, password: short, confirmation: short });
    expect(problems.password).toBe(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
    expect(acceptInvitationProblems({ ...good, confirmation: `${good.password}x` })).toEqual({
      confirmation: "The two passwords are not the same.",
    });
    expect(hasProblems(problems)).toBe(true);
  });

  it("says the same in Japanese with Japanese translators", () => {
    const short = "p".repeat(PASSWORD_MIN_LENGTH - 1);
    expect(
      problemsWith({ name: " ", password: short, confirmation: `${short}x` }, translators("ja")),
    ).toEqual({
      name: "名前を入力してください。",
      password: `${PASSWORD_MIN_LENGTH}文字以上で入力してください。`,
      confirmation: "2つのパスワードが一致しません。",
    });
    expect(problemsWith({ ...good, name: "n".repeat(101) }, translators("ja")).name).toBe(
      "100文字以内で入力してください。",
    );
  });
});
