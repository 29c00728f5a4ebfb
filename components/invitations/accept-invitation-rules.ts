// What the invitation form checks before sending, so the person hears it next to the field. The
// server checks the same again (lib/members/member-input.ts).
import { newPasswordProblems, PASSWORDS_DIFFER } from "@/components/account/password-rules";

export const NAME_MAX_LENGTH = 100;

export interface AcceptInvitationFields {
  name: string;
  password: string;
  confirmation: string;
}

export type AcceptInvitationProblems = Partial<Record<keyof AcceptInvitationFields, string>>;

/** What is wrong with the form; empty when it may be sent. */
export function acceptInvitationProblems({
  name,
  password,
  confirmation,
}: AcceptInvitationFields): AcceptInvitationProblems {
  const problems: AcceptInvitationProblems = newPasswordProblems(
    password,
    confirmation,
    PASSWORDS_DIFFER,
  );
  const trimmed = name.trim();
  if (trimmed === "") problems.name = "Enter your name.";
  else if (trimmed.length > NAME_MAX_LENGTH) {
    problems.name = `Use at most ${NAME_MAX_LENGTH} characters.`;
  }
  return problems;
}

export function hasProblems(problems: AcceptInvitationProblems): boolean {
  return Object.values(problems).some(Boolean);
}
