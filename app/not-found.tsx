import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("notFound") };
}

export default function NotFound() {
  const t = useTranslations("pages.notFound");
  return (
    <section className="rounded-lg border border-line bg-white p-10 text-center">
      <p className="font-mono text-sm text-muted">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-muted">{t("text")}</p>
      <Link
        href="/console"
        className="mt-6 inline-block rounded-md bg-line-green-dark px-4 py-2 font-medium text-white hover:bg-line-green-darker"
      >
        {t("back")}
      </Link>
    </section>
  );
}
