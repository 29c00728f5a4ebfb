import Link from "next/link";

/**
 * The 404 panel: what is missing and the way back. `level` 2 where the page already has its
 * heading (a channel's, around an unknown webhook).
 */
export function NotFoundPanel({
  heading,
  text,
  back,
  level = 1,
}: {
  heading: string;
  text: string;
  back: { href: string; label: string };
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <section className="rounded-lg border border-line bg-white p-10 text-center">
      <p className="font-mono text-sm text-muted">404</p>
      <Heading className={`mt-2 font-semibold ${level === 1 ? "text-2xl" : "text-xl"}`}>
        {heading}
      </Heading>
      <p className="mt-2 text-muted">{text}</p>
      <Link
        href={back.href}
        className="mt-6 inline-block rounded-md bg-line-green-dark px-4 py-2 font-medium text-white hover:bg-line-green-darker"
      >
        {back.label}
      </Link>
    </section>
  );
}
