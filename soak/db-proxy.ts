// A TCP proxy in front of PostgreSQL that can play "the database went down": every open
// connection is cut and new ones are closed at once until it comes back — what the app
// sees while PostgreSQL restarts, without restarting a server other programs share.
import net from "node:net";

export type DbProxy = {
  /** `url` with its host and port replaced by the proxy's. */
  urlFor: (url: string) => string;
  down: () => void;
  up: () => void;
  isDown: () => boolean;
  close: () => Promise<void>;
};

export async function startDbProxy(targetUrl: string): Promise<DbProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  const targetHost = target.hostname;
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    urlFor: (url) => {
      const rewritten = new URL(url);
      rewritten.hostname = "127.0.0.1";
      rewritten.port = String(port);
      return rewritten.toString();
    },
    down: () => {
      down = true;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    up: () => {
      down = false;
    },
    isDown: () => down,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
