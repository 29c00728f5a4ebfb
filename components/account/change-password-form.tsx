"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { changePasswordErrorMessage } from "./change-password-errors";
import { newPasswordProblems, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";
import { useChangePassword } from "./use-change-password";

/** Current password, new password twice; every other session is signed out on success. */
export function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  // Shown only after a submit, so the fields do not complain while the operator is typing.
  const [checked, setChecked] = useState(false);
  const changePassword = useChangePassword();
  const problems = checked ? newPasswordProblems(newPassword, confirmation) : {};

  return (
    <Card title="Change password">
      <form
        className="grid max-w-sm gap-3 py-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          const found = newPasswordProblems(newPassword, confirmation);
          if (!currentPassword || found.newPassword || found.confirmation) return;
          changePassword.mutate(
            { currentPassword, newPassword },
            {
              onSuccess: () => {
                // Passwords do not linger in memory or in the fields once they have done their job.
                setCurrentPassword("");
                setNewPassword("");
                setConfirmation("");
                setChecked(false);
              },
            },
          );
        }}
      >
        {changePassword.isSuccess && (
          <Alert tone="success">Your password is changed. Every other session is signed out.</Alert>
        )}
        {changePassword.isError && (
          <Alert tone="error">{changePasswordErrorMessage(changePassword.error)}</Alert>
        )}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          error={checked && !currentPassword ? "Enter your current password." : null}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX_LENGTH}
          value={newPassword}
          error={problems.newPassword}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          onChange={(event) => setNewPassword(event.target.value)}
        />
        <TextField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX_LENGTH}
          value={confirmation}
          error={problems.confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
        />
        <div>
          <Button type="submit" variant="primary" disabled={changePassword.isPending}>
            {changePassword.isPending ? "Changing…" : "Change password"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
