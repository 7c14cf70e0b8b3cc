// What the benchmark's target servers share: reading their arguments and telling the harness
// where they listen (one JSON line on stdout, the only thing they print there).
import type http from "node:http";

export function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Listens on 127.0.0.1 (port 0: any free port) and prints {"url": "http://127.0.0.1:PORT"}. */
export function announce(server: http.Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
      process.stdout.write(`${JSON.stringify({ url })}\n`);
      resolve(url);
    });
  });
}
