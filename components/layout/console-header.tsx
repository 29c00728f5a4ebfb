import { headers } from "next/headers";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentOperator } from "@/lib/access/current-operator";

export async function ConsoleHeader() {
  const operator = await currentOperator(await headers());
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-6">
        <Link href="/console" className="flex items-center gap-2 font-semibold">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-md bg-line-green-dark text-xs font-bold text-white"
          >
            W
          </span>
          Webhook Console
        </Link>
        <span className="text-sm text-muted">for LINE Messaging API bots</span>
        {operator && (
          <div className="ml-auto flex items-center gap-3">
            <Link
              href="/account"
              title="Your account: sessions and password"
              className="text-sm text-muted hover:text-ink hover:underline"
              data-testid="signed-in-operator"
            >
              {operator.email}
            </Link>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
