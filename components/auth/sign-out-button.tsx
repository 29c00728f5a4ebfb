"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Ends the session (Better Auth deletes its row and clears the cookie), then shows `then`: the
 * sign-in page, or the page the operator is on when it has something to show signed out.
 */
export function SignOutButton({ then = "/sign-in" }: { then?: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      // One line in every language (サインアウト was set one character per line on a phone).
      className="whitespace-nowrap"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          await fetch("/api/auth/sign-out", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: "{}",
          });
        } finally {
          router.push(then);
          router.refresh();
        }
      }}
    >
      {t("signOut.label")}
    </Button>
  );
}
