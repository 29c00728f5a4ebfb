import { TextField, type TextFieldProps } from "@/components/ui/text-field";
import { PASSWORD_MAX_LENGTH } from "./password-rules";

interface PasswordFieldProps extends Omit<TextFieldProps, "type" | "autoComplete" | "maxLength"> {
  /**
   * "current": a password the account already has (signing in, confirming a change).
   * "new": one being chosen, capped at what the server accepts.
   */
  purpose: "current" | "new";
}

/**
 * A password input that tells password managers which password it is, so they fill the saved one
 * or offer to save the new one. Only a new password is capped: one already set is the server's to
 * judge.
 */
export function PasswordField({ purpose, ...props }: PasswordFieldProps) {
  return purpose === "new" ? (
    <TextField
      type="password"
      autoComplete="new-password"
      maxLength={PASSWORD_MAX_LENGTH}
      {...props}
    />
  ) : (
    <TextField type="password" autoComplete="current-password" {...props} />
  );
}
