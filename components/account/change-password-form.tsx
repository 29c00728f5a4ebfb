"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { changePasswordErrorMessage } from "./change-password-errors";
import { NewPasswordFields } from "./new-password-fields";
import { PasswordField } from "./password-field";
import { NEW_PASSWORDS_DIFFER, newPasswordProblems } from "./password-rules";
import { useChangePassword } from "./use-change-password";

/** Current password, new password twice; every other session is signed out on success. */
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  // Shown only after a submit, so the fields do not complain while the operator is typing.
  const [checked, setChecked] = useState(false);
  const changePassword = useChangePassword();
  const found = newPasswordProblems(newPassword, confirmation, NEW_PASSWORDS_DIFFER, t);

  return (
    <Card title={t("changePassword.title")}>
      <form
        className="grid grid-cols-1 max-w-sm gap-3 py-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!currentPassword || found.password || found.confirmation) return;
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
        {changePassword.isSuccess && <Alert tone="success">{t("changePassword.success")}</Alert>}
        {changePassword.isError && (
          <Alert tone="error">{changePasswordErrorMessage(changePassword.error, t)}</Alert>
        )}
        <PasswordField
          purpose="current"
          label={t("changePassword.currentPassword")}
          value={currentPassword}
          error={checked && !currentPassword ? t("changePassword.enterCurrent") : null}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
        <NewPasswordFields
          passwordLabel={t("changePassword.newPassword")}
          confirmationLabel={t("changePassword.confirmNewPassword")}
          password={newPassword}
          confirmation={confirmation}
          problems={checked ? found : {}}
          onPasswordChange={setNewPassword}
          onConfirmationChange={setConfirmation}
        />
        <div>
          <Button type="submit" variant="primary" disabled={changePassword.isPending}>
            {changePassword.isPending ? t("changePassword.pending") : t("changePassword.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
