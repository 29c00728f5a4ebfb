import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { NotFoundPanel } from "@/components/layout/not-found-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("notFound") };
}

export default function NotFound() {
  const t = useTranslations("pages.notFound");
  return (
    <NotFoundPanel
      heading={t("heading")}
      text={t("text")}
      back={{ href: "/console", label: t("back") }}
    />
  );
}
