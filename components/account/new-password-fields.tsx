import { useTranslations } from "next-intl";
import { PasswordField } from "./password-field";
import { type NewPasswordProblems, PASSWORD_MIN_LENGTH } from "./password-rules";

interface NewPasswordFieldsProps {
  /** The change form says "New password", as it also asks for the current one. */
  passwordLabel: string;
  confirmationLabel: string;
  password: string;
  confirmation: string;
  /** From newPasswordProblems; the form passes `{}` until the first submit. */
  problems: NewPasswordProblems;
  onPasswordChange: (password: string) => void;
  onConfirmationChange: (confirmation: string) => void;
}

/** A password being chosen, typed twice: the change-password and the accept-invitation forms. */
export function NewPasswordFields({
  passwordLabel,
  confirmationLabel,
  password,
  confirmation,
  problems,
  onPasswordChange,
  onConfirmationChange,
}: NewPasswordFieldsProps) {
  const t = useTranslations("account");
  return (
    <>
      <PasswordField
        purpose="new"
        label={passwordLabel}
        value={password}
        error={problems.password}
        hint={t("passwordRules.hint", { min: PASSWORD_MIN_LENGTH })}
        onChange={(event) => onPasswordChange(event.target.value)}
      />
      <PasswordField
        purpose="new"
        label={confirmationLabel}
        value={confirmation}
        error={problems.confirmation}
        onChange={(event) => onConfirmationChange(event.target.value)}
      />
    </>
  );
}
