/**
 * The pack tool's commands as functions (the CLI in cli/pack.ts parses argv
 * and calls these; tests call them directly). Each returns an exit code and
 * writes through `io`, so nothing here touches process globals.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join } from "node:path";
import {
  fingerprint,
  generateKeyPair,
  importPrivateKey,
  importPublicKey,
  signPackBytes,
  toPem,
  verifyPackBytes,
} from "../../src/shared/pack-signature.ts";
import { checkPackSize, PackError, validatePack } from "../../src/shared/pack-validate.ts";
import { BuildError, buildPack, type PackMeta, rowHint } from "./build.ts";
import { CsvError } from "./csv.ts";
import { readSources } from "./sources.ts";

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Where `keygen` writes without -o: the user's configuration directory
 * ($XDG_CONFIG_HOME/copycatch/keys, else ~/.config/copycatch/keys), never the
 * working directory, which is usually a repository about to be committed.
 */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const config = env.XDG_CONFIG_HOME?.startsWith("/") ? env.XDG_CONFIG_HOME : join(home, ".config");
  return join(config, "copycatch", "keys");
}

export async function keygen(dir: string, io: Io): Promise<number> {
  const privatePath = join(dir, "private-key.pem");
  if (existsSync(privatePath)) {
    io.err(`${privatePath} exists: refusing to overwrite a private key (choose another directory with -o)`);
    return 1;
  }
  // Owner-only directory and private files: the key signs every rule update of the brand.
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  const pair = await generateKeyPair();
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  const jwk = await crypto.subtle.exportKey("jwk", pair.privateKey);
  writeFileSync(privatePath, toPem(pkcs8, "PRIVATE KEY"), { mode: 0o600 });
  writeFileSync(join(dir, "private-key.jwk.json"), `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(join(dir, "public-key.pem"), toPem(spki, "PUBLIC KEY"));
  io.out(`private key: ${privatePath} (and private-key.jwk.json): keep it secret, never publish it`);
  io.out(`public key:  ${join(dir, "public-key.pem")}: publish it with your feed`);
  io.out(`fingerprint: ${await fingerprint(spki)}`);
  return 0;
}

/** The pack built from sheets or folders: a folder's pack.json gives the metadata, `meta` overrides it. */
export function buildFrom(inputs: string | string[], meta: Partial<PackMeta>) {
  const src = readSources(typeof inputs === "string" ? [inputs] : inputs);
  const full = { ...src.meta, ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) };
  for (const k of ["id", "name", "publisher"] as const) {
    if (!full[k]) throw new BuildError(`--${k} is required (or "${k}" in the folder's pack.json)`);
  }
  const m: PackMeta = {
    id: full.id as string,
    name: full.name as string,
    publisher: full.publisher as string,
    version: full.version ?? 1,
    issued: full.issued ?? new Date().toISOString().slice(0, 10),
    expires: full.expires ?? null,
    description: full.description ?? null,
  };
  return buildPack(src.rows, m, src.data, src.origins);
}

export function build(inputs: string | string[], output: string, meta: Partial<PackMeta>, io: Io): number {
  try {
    const { pack, json, warnings } = buildFrom(inputs, meta);
    for (const w of warnings) io.err(`warning: ${w}`);
    writeFileSync(output, json);
    io.out(
      `${output}: ${pack.id} version ${pack.version}, ${pack.brands.length} brands, ${pack.vocabulary.length} terms, ${pack.typoStopwords?.length ?? 0} typo stopwords`,
    );
    return 0;
  } catch (error) {
    if (
      error instanceof BuildError ||
      error instanceof CsvError ||
      error instanceof PackError ||
      error instanceof SyntaxError
    ) {
      io.err(`error: ${rowHint(error.message)}`);
      return 1;
    }
    throw error;
  }
}

export async function sign(packPath: string, keyPath: string, io: Io): Promise<number> {
  const key = await importPrivateKey(readFileSync(keyPath, "utf8"));
  const signature = await signPackBytes(new Uint8Array(readFileSync(packPath)), key);
  writeFileSync(`${packPath}.sig`, `${signature}\n`);
  io.out(`${packPath}.sig written: publish it next to ${basename(packPath)}, and re-sign after every change`);
  return 0;
}

export async function verify(packPath: string, pubPath: string, sigPath: string | null, io: Io): Promise<number> {
  const pub = await importPublicKey(readFileSync(pubPath, "utf8"));
  const sigFile = sigPath ?? `${packPath}.sig`;
  if (!existsSync(sigFile)) {
    io.err(`${sigFile}: missing (sign the pack with "pack sign")`);
    return 1;
  }
  const ok = await verifyPackBytes(new Uint8Array(readFileSync(packPath)), readFileSync(sigFile, "utf8"), pub.key);
  if (!ok) {
    io.err(`BAD signature: ${sigFile} does not sign ${packPath} with the key ${pub.fingerprint}`);
    return 1;
  }
  io.out(`good signature by ${pub.fingerprint}`);
  return 0;
}

/** The same checks as the extension: size before parsing, then validatePack. */
export function lint(packPath: string, io: Io, now = new Date().toISOString()): number {
  try {
    const bytes = readFileSync(packPath);
    checkPackSize(bytes.length);
    const { pack, warnings } = validatePack(JSON.parse(bytes.toString("utf8")), { now });
    for (const w of warnings) io.err(`warning: ${w}`);
    io.out(
      `${packPath}: ${pack.id} version ${pack.version}, ${pack.brands.length} brands, ${warnings.length} warnings`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PackError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    if (error instanceof SyntaxError) {
      io.err(`error: not JSON: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
