import Link from "next/link";

export default function NotFound() {
  return (
    <section className="max-w-prose space-y-4">
      <h1 className="text-3xl font-semibold">Pagina non trovata</h1>
      <p className="text-ink-muted">
        La pagina che cerchi non esiste o è stata spostata.{" "}
        <span lang="en">This page does not exist or has moved.</span>
      </p>
      <p>
        <Link href="/">Torna alla home</Link>
      </p>
    </section>
  );
}
