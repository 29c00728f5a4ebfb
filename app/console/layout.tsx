import type { ReactNode } from "react";

// Every console page reads the database at request time; none may be prerendered at build.
export const dynamic = "force-dynamic";

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return children;
}
