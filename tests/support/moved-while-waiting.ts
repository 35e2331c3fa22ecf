import pg from "pg";

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/**
 * Runs `act` on a reservation at the worst moment of a box-office move: `act` read the
 * reservation at performance `from` and waits for that performance's lock while the move
 * to `to` commits; meanwhile a confirmation at `to` took that performance's lock, and once
 * `act` waits for it too, the confirmation goes on to lock the reservation. Code that
 * locked `to` while still holding the reservation would deadlock there (PostgreSQL ends
 * one of the two with 40P01). Resolves with what `act` returned.
 */
export async function actWhileReservationMoves<T>(
  { reservationId, from, to }: { reservationId: number; from: number; to: number },
  act: () => Promise<T>,
): Promise<T> {
  const [mover, confirmation, watcher] = [await connect(), await connect(), await connect()];
  // Resolves once `sessions` sessions wait for transaction `xid`'s locks.
  const waitingFor = async (xid: string, sessions: number) => {
    for (let tries = 0; tries < 200; tries++) {
      const { rows } = await watcher.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks
          WHERE NOT granted AND locktype = 'transactionid' AND transactionid::text = $1`,
        [xid],
      );
      if (rows[0].n >= sessions) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`nobody came to wait for transaction ${xid}`);
  };
  const xidOf = async (client: pg.Client) =>
    (await client.query<{ x: string }>("SELECT pg_current_xact_id()::text AS x")).rows[0].x;
  try {
    // The move, not yet committed: it holds the old performance and the reservation.
    await mover.query("BEGIN");
    await mover.query("SELECT id FROM performances WHERE id = $1 FOR UPDATE", [from]);
    await mover.query("UPDATE reservations SET performance_id = $1 WHERE id = $2", [
      to,
      reservationId,
    ]);
    const moverXid = await xidOf(mover);
    // The confirmation waits for the move to take the new performance's lock; `act`
    // read the old performance and waits for it.
    await confirmation.query("BEGIN");
    const confirmationLocked = confirmation.query(
      "SELECT id FROM performances WHERE id = $1 FOR UPDATE",
      [to],
    );
    const acting = act();
    await waitingFor(moverXid, 2);
    await mover.query("COMMIT");
    await confirmationLocked;
    // `act` now waits for the new performance, held by the confirmation, which goes on
    // to lock the reservation: it must not find it held by `act`.
    await waitingFor(await xidOf(confirmation), 1);
    await confirmation.query("SELECT id FROM reservations WHERE id = $1 FOR UPDATE", [
      reservationId,
    ]);
    await confirmation.query("COMMIT");
    return await acting;
  } finally {
    await Promise.all([mover.end(), confirmation.end(), watcher.end()]);
  }
}
