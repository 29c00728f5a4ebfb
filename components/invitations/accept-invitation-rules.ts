// What the invitation form checks before sending, so the person hears it next to the field. The
// server checks the same again (lib/members/member-input.ts). Pure: the messages come from the
// caller's translators, the password's from "account" and the name's from "invitations".
import { newPasswordProblems, PASSWORDS_DIFFER } from "@/components/account/password-rules";
import type { Translator } from "@/components/i18n/translator";

export const NAME_MAX_LENGTH = 100;

export interface AcceptInvitationFields {
  name: string;
  password: string;
  confirmation: string;
}

export type AcceptInvitationProblems = Partial<Record<keyof AcceptInvitationFields, string>>;

/** What is wrong with the form; empty when it may be sent. */
export function acceptInvitationProblems(
  { name, password, confirmation }: AcceptInvitationFields,
  t: { account: Translator<"account">; invitations: Translator<"invitations"> },
): AcceptInvitationProblems {
  const problems: AcceptInvitationProblems = newPasswordProblems(
    password,
    confirmation,
    PASSWORDS_DIFFER,
    t.account,
  );
  const trimmed = name.trim();
  if (trimmed === "") problems.name = t.invitations("rules.enterName");
  else if (trimmed.length > NAME_MAX_LENGTH) {
    problems.name = t.invitations("rules.nameTooLong", { max: NAME_MAX_LENGTH });
  }
  return problems;
}

export function hasProblems(problems: AcceptInvitationProblems): boolean {
  return Object.values(problems).some(Boolean);
}
