/**
 * RFC 3161 trusted time for a case manifest, with PKI.js (ASN.1/CMS) rather
 * than hand-written DER: the request (SHA-256 imprint of manifest.json, a
 * random nonce, the authority's certificate asked for), and the check of a
 * reply: granted, the imprint is the SHA-256 of the exact manifest bytes, and
 * the CMS signature holds (against the signer certificate the token carries,
 * and, when given, up to the authority certificates the user trusts).
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

const SHA256_OID = "2.16.840.1.101.3.4.2.1";

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function unhex(text: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/i.test(text)) throw new Error("expected hex");
  return new Uint8Array(text.match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? []);
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** DER TimeStampReq for a SHA-256 digest (hex), asking for the signer's certificate. */
export function timestampRequest(sha256Hex: string, nonce: Uint8Array): Uint8Array {
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: buffer(unhex(sha256Hex)) }),
    }),
    // A positive INTEGER: clear the top bit.
    nonce: new asn1js.Integer({ valueHex: buffer(Uint8Array.from(nonce, (b, i) => (i === 0 ? b & 0x7f : b))) }),
    certReq: true,
  });
  return new Uint8Array(req.toSchema().toBER(false));
}

export interface TokenInfo {
  /** The authority's time, UTC ISO 8601. */
  genTime: string;
  /** Hex of the stamped digest. */
  imprint: string;
  hashAlgorithm: string;
  nonce: string | null;
  serial: string;
  policy: string;
  /** Subject of the signer certificate carried in the token ("CN=..., O=..."), or "" when none is carried. */
  signer: string;
}

function subjectOf(cert: pkijs.Certificate): string {
  return cert.subject.typesAndValues
    .map((tv) => {
      const name = { "2.5.4.3": "CN", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.6": "C" }[tv.type] ?? tv.type;
      return `${name}=${String(tv.value.valueBlock.value)}`;
    })
    .join(", ");
}

function parse(reply: Uint8Array): { resp: pkijs.TimeStampResp; signed: pkijs.SignedData; info: TokenInfo } {
  const asn = asn1js.fromBER(buffer(reply));
  if (asn.offset === -1) throw new Error("not DER");
  const resp = new pkijs.TimeStampResp({ schema: asn.result });
  const status = resp.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    throw new Error(`the authority refused (PKIStatus ${status})`);
  }
  if (!resp.timeStampToken) throw new Error("the reply carries no token");
  const signed = new pkijs.SignedData({ schema: resp.timeStampToken.content });
  const content = signed.encapContentInfo.eContent;
  if (signed.encapContentInfo.eContentType !== pkijs.id_eContentType_TSTInfo || !content) {
    throw new Error("the token does not hold a TSTInfo");
  }
  const tst = pkijs.TSTInfo.fromBER(content.getValue());
  const sid = signed.signerInfos[0]?.sid;
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signerCert =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : certs[0];
  return {
    resp,
    signed,
    info: {
      genTime: tst.genTime.toISOString(),
      imprint: hex(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
      hashAlgorithm: tst.messageImprint.hashAlgorithm.algorithmId,
      nonce: tst.nonce ? hex(tst.nonce.valueBlock.valueHexView) : null,
      serial: hex(tst.serialNumber.valueBlock.valueHexView),
      policy: tst.policy,
      signer: signerCert ? subjectOf(signerCert) : "",
    },
  };
}

/** What a reply says, without checking its signature (for display). Throws when it is not a granted token. */
export function readReply(reply: Uint8Array): TokenInfo {
  return parse(reply).info;
}

export interface ReplyCheck {
  ok: boolean;
  info: TokenInfo | null;
  problems: string[];
}

/** PEM (one or more certificates) to DER. */
export function pemCertificates(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
    Uint8Array.from(atob((m[1] ?? "").replace(/\s+/g, "")), (c) => c.charCodeAt(0)),
  );
}

/**
 * Check a reply against the exact bytes it should stamp. `trusted`: DER
 * certificates of the authority (or its CA) the user trusts; when given, the
 * signer's chain must lead to one of them.
 */
export async function verifyReply(
  reply: Uint8Array,
  data: Uint8Array,
  trusted: Uint8Array[] = [],
  expectedNonce?: string,
): Promise<ReplyCheck> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(reply);
  } catch (error) {
    return {
      ok: false,
      info: null,
      problems: [`unreadable: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const { resp, info } = parsed;
  const problems: string[] = [];
  if (info.hashAlgorithm !== SHA256_OID) problems.push(`imprint algorithm ${info.hashAlgorithm}, expected SHA-256`);
  const digest = hex(await crypto.subtle.digest("SHA-256", buffer(data)));
  if (info.imprint !== digest) problems.push(`the token stamps ${info.imprint}, not the manifest's SHA-256 ${digest}`);
  if (expectedNonce !== undefined && info.nonce !== expectedNonce)
    problems.push("the reply's nonce is not the request's");
  if (!info.signer) problems.push("the token carries no signer certificate");
  try {
    const certs = trusted.map((der) => pkijs.Certificate.fromBER(buffer(der)));
    const valid = await resp.verify({
      signer: 0,
      data: buffer(data),
      trustedCerts: certs,
      ...(certs.length > 0 ? { checkChain: true } : {}),
    } as pkijs.TimeStampRespVerifyParams);
    if (!valid) problems.push("the signature does not hold");
  } catch (error) {
    const message = error instanceof Error ? error.message : String((error as { message?: string })?.message ?? error);
    problems.push(`the signature does not hold: ${message}`);
  }
  return { ok: problems.length === 0, info, problems };
}
