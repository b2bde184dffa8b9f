/**
 * The pack tool for brand owners: `npm run -s pack -- <command>`.
 *   keygen [-o DIR]
 *   build BRANDS.csv|BRANDS.json|FOLDER ... -o PACK.json [--id ID --name NAME --publisher WHO] [--version N] [--issued DATE] [--expires DATE] [--description TEXT]
 *   sign PACK.json --key PRIVATE.pem
 *   verify PACK.json --pub PUBLIC.pem [--sig PACK.json.sig]
 *   lint PACK.json
 * See docs/pack-tool.md.
 */
import { parseArgs } from "node:util";
import { errorMessage } from "../src/shared/error-message.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import { build, defaultKeyDir, type Io, keygen, lint, sign, verify } from "./pack/commands.ts";

const USAGE = `usage: pack <command>
  keygen [-o DIR]                       new ECDSA P-256 key pair (private-key.pem, private-key.jwk.json, public-key.pem),
                                        by default in ~/.config/copycatch/keys (owner-only files)
  build SHEET.csv|SHEET.json|FOLDER ... -o PACK.json --id ID --name NAME --publisher WHO [--version N] [--issued YYYY-MM-DD] [--expires DATE] [--description TEXT]
                                        (a folder's pack.json may give id, name, publisher and the rest)
  sign PACK.json --key PRIVATE.pem      writes PACK.json.sig
  verify PACK.json --pub PUBLIC.pem [--sig FILE]
  lint PACK.json                        the validation the extension runs; exit 1 on error`;

const io: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      key: { type: "string" },
      pub: { type: "string" },
      sig: { type: "string" },
      id: { type: "string" },
      name: { type: "string" },
      version: { type: "string" },
      publisher: { type: "string" },
      issued: { type: "string" },
      expires: { type: "string" },
      description: { type: "string" },
    },
  });
  const file = positionals[0];
  switch (command) {
    case "keygen":
      return keygen(values.out ?? defaultKeyDir(), io);
    case "build": {
      const version = values.version === undefined ? undefined : Number(values.version);
      if (version !== undefined && (!Number.isSafeInteger(version) || version < 0)) {
        throw new UsageError("--version: expected an integer");
      }
      if (positionals.length === 0) throw new UsageError("BRANDS file or folder is required");
      return build(
        positionals,
        need(values.out, "-o PACK.json"),
        {
          id: values.id,
          name: values.name,
          publisher: values.publisher,
          version,
          issued: values.issued,
          expires: values.expires,
          description: values.description,
        },
        io,
      );
    }
    case "sign":
      return sign(need(file, "PACK.json"), need(values.key, "--key"), io);
    case "verify":
      return verify(need(file, "PACK.json"), need(values.pub, "--pub"), values.sig ?? null, io);
    case "lint":
      return lint(need(file, "PACK.json"), io);
    default:
      throw new UsageError(command ? `unknown command "${command}"` : "no command");
  }
}

if (isCommand(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
        console.error(`${(error as Error).message}\n\n${USAGE}`);
        process.exit(2);
      }
      console.error(`error: ${errorMessage(error)}`);
      process.exit(1);
    },
  );
}
