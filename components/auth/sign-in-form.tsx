"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { PasswordField } from "@/components/account/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";

/**
 * Email and password, posted to Better Auth's sign-in endpoint; on success, the page the operator
 * was sent here from (`returnTo`, checked by the server page to be one of the console's).
 */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  return (
    <Card title="Sign in">
      <form
        className="grid gap-3 py-3"
        onSubmit={async (event) => {
          event.preventDefault();
          setPending(true);
          setError(null);
          try {
            const response = await fetch("/api/auth/sign-in/email", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ email, password }),
            });
            if (response.ok) {
              router.push(returnTo);
              router.refresh();
              return;
            }
            setError(
              response.status === 429
                ? "Too many attempts. Wait a minute and try again."
                : "The email or the password is not right.",
            );
          } catch {
            setError("The console did not answer. Try again.");
          }
          setPending(false);
        }}
      >
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          required
          onChange={(event) => setEmail(event.target.value)}
        />
        <PasswordField
          purpose="current"
          label="Password"
          value={password}
          required
          onChange={(event) => setPassword(event.target.value)}
        />
        <div>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Signing in…" : "Sign in"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
