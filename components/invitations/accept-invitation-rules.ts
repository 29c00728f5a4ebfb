// What the invitation form checks before sending, so the person hears it next to the field. The
// server checks the same again (lib/members/member-input.ts). Pure: the messages come from the
// caller's translators, the password's from "account" and the name's from "invitations".
import type { useTranslations } from "next-intl";
import {
  type AccountTranslator,
  newPasswordProblems,
  PASSWORDS_DIFFER,
} from "@/components/account/password-rules";

export const NAME_MAX_LENGTH = 100;

/** The "invitations" messages, from useTranslations("invitations") or createTranslator in tests. */
export type InvitationsTranslator = ReturnType<typeof useTranslations<"invitations">>;

export interface AcceptInvitationFields {
  name: string;
  password: string;
  confirmation: string;
}

export type AcceptInvitationProblems = Partial<Record<keyof AcceptInvitationFields, string>>;

/** What is wrong with the form; empty when it may be sent. */
export function acceptInvitationProblems(
  { name, password, confirmation }: AcceptInvitationFields,
  t: { account: AccountTranslator; invitations: InvitationsTranslator },
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
