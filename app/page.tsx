export default function HomePage() {
  return (
    <section className="max-w-prose space-y-4">
      <h1 className="text-4xl font-semibold">AzioneLab</h1>
      <p className="text-lg text-ink-muted">
        Compagnia teatrale a Roma. Presto qui gli spettacoli, le date e le prenotazioni.
      </p>
    </section>
  );
}
