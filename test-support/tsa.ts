/**
 * A local RFC 3161 time-stamping authority made with `openssl ts`: a CA, a
 * TSA certificate (extendedKeyUsage timeStamping) signed by it, and a
 * loopback HTTP endpoint answering application/timestamp-query. Made fresh in
 * a temporary folder for each test run; nothing reaches the network.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface LocalTsa {
  dir: string;
  /** PEM of the CA that signed the TSA certificate. */
  caPem: string;
  /** PEM of the TSA certificate itself. */
  tsaPem: string;
  /** Answer one DER query with a DER reply. */
  reply(query: Uint8Array): Uint8Array;
  /** Queries received over HTTP. */
  queries: Uint8Array[];
  /** http://127.0.0.1:PORT/tsa once serve() ran. */
  url: string;
  serve(): Promise<string>;
  close(): Promise<void>;
}

const openssl = (args: string[], cwd: string) =>
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });

export function makeTsa(): LocalTsa {
  const dir = mkdtempSync(join(tmpdir(), "copycatch-tsa-"));
  openssl(
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2"]
      .concat(["-subj", "/CN=Copycatch Test TSA CA", "-addext", "basicConstraints=critical,CA:TRUE"])
      .concat(["-addext", "keyUsage=critical,keyCertSign,cRLSign"]),
    dir,
  );
  openssl(
    [
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "tsa.key",
      "-out",
      "tsa.csr",
      "-subj",
      "/CN=Copycatch Test TSA/O=Loopback",
    ],
    dir,
  );
  writeFileSync(
    join(dir, "tsa-ext.cnf"),
    "extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n",
  );
  openssl(
    [
      "x509",
      "-req",
      "-in",
      "tsa.csr",
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      "tsa.pem",
    ].concat(["-days", "2", "-extfile", "tsa-ext.cnf"]),
    dir,
  );
  writeFileSync(join(dir, "serial"), "01\n");
  writeFileSync(
    join(dir, "tsa.cnf"),
    [
      "[ tsa ]",
      "default_tsa = tsa_config1",
      "[ tsa_config1 ]",
      `dir = ${dir}`,
      `serial = ${join(dir, "serial")}`,
      "crypto_device = builtin",
      `signer_cert = ${join(dir, "tsa.pem")}`,
      `certs = ${join(dir, "ca.pem")}`,
      `signer_key = ${join(dir, "tsa.key")}`,
      "signer_digest = sha256",
      "default_policy = 1.3.6.1.4.1.99999.1",
      "digests = sha256",
      "accuracy = secs:1",
      "ordering = yes",
      "tsa_name = yes",
      "ess_cert_id_chain = no",
      "ess_cert_id_alg = sha256",
      "",
    ].join("\n"),
  );
  let n = 0;
  const tsa: LocalTsa = {
    dir,
    caPem: readFileSync(join(dir, "ca.pem"), "utf8"),
    tsaPem: readFileSync(join(dir, "tsa.pem"), "utf8"),
    queries: [],
    url: "",
    reply(query) {
      const q = join(dir, `q${++n}.tsq`);
      const r = join(dir, `r${n}.tsr`);
      writeFileSync(q, query);
      openssl(["ts", "-reply", "-config", join(dir, "tsa.cnf"), "-queryfile", q, "-out", r], dir);
      return new Uint8Array(readFileSync(r));
    },
    serve: async () => "",
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
  tsa.serve = async () => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.method !== "POST" || req.headers["content-type"] !== "application/timestamp-query") {
          res.writeHead(400).end();
          return;
        }
        const query = new Uint8Array(Buffer.concat(chunks));
        tsa.queries.push(query);
        try {
          const reply = tsa.reply(query);
          res.writeHead(200, { "content-type": "application/timestamp-reply" }).end(Buffer.from(reply));
        } catch {
          res.writeHead(500).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
    tsa.close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    };
    return tsa.url;
  };
  return tsa;
}
