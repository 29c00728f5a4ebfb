import Link from "next/link";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <section className="rounded-lg border border-line bg-white p-10 text-center">
      <p className="font-mono text-sm text-muted">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">
        The provider or channel you are looking for does not exist, or it was deleted.
      </p>
      <Link
        href="/console"
        className="mt-6 inline-block rounded-md bg-line-green-dark px-4 py-2 font-medium text-white hover:bg-line-green-darker"
      >
        Back to providers
      </Link>
    </section>
  );
}
