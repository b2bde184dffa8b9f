/**
 * The printable case report: one page per case a prosecutor can read (the
 * listing, the reasons with their evidence, the screenshot, the hashes and UTC
 * times, the notice, the follow-up and the chain of custody). One HTML
 * template for the workspace's print view and for `npm run case-report`
 * (Chromium's print to PDF of the same HTML). Every text from the listing is
 * escaped: markup in a title is printed as text.
 */
import { type CapturedBy, type CaseTimestamp, HISTORY_NAME } from "./case.ts";
import { type VerifyOptions, verifyBundle } from "./case-bundle.ts";
import { type CaseManifest, MANIFEST_NAME } from "./case-manifest.ts";
import type { FollowUp } from "./case-state.ts";
import { STATE_LABEL } from "./case-state.ts";
import { base64Encode } from "./hash.ts";
import type { Listing } from "./listing.ts";
import { MARKETPLACE_NAME, PORTALS } from "./report-portals.ts";
import type { Verdict } from "./verdict.ts";
import { readZip } from "./zip.ts";

/** The manifest's facts about the capture, as the manifest types them, plus what the report adds. */
export interface ReportCase
  extends Pick<
    CaseManifest,
    "caseId" | "createdAt" | "url" | "marketplace" | "extensionVersion" | "packs" | "artefacts" | "captureErrors"
  > {
  capturedBy: CapturedBy | null;
  manifestSha256: string;
  listing: Listing;
  verdict: Verdict;
  noticeText: string | null;
  /** Base64 PNG. */
  screenshot: string | null;
  followUp: FollowUp | null;
  timestamp: CaseTimestamp | null;
  /** The evidence re-hashed when the report was made: "intact" or what differs. */
  integrity: { intact: boolean; problems: string[]; checkedAt: string };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const e = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? "—" : escapeHtml(String(v));

function utc(iso: string): string {
  return `${iso
    .replace("T", " ")
    .replace(/\.\d+Z$/, "")
    .replace(/Z$/, "")} UTC`;
}

function rows(pairs: [string, string | null][]): string {
  return pairs.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join("");
}

function reasons(v: Verdict): string {
  if (v.reasons.length === 0) return "<p>No reasons recorded.</p>";
  const items = v.reasons.map((r) => {
    const ev = r.evidence
      ? ` — evidence in the ${e(r.evidence.field)}: <q>${e(r.evidence.text)}</q> (characters ${r.evidence.start}–${r.evidence.end})`
      : "";
    return `<li>${r.weight >= 0 ? "raises" : "lowers"} risk (weight ${e(r.weight)}): ${e(r.message)}${ev}</li>`;
  });
  return `<ol class="reasons">${items.join("")}</ol>`;
}

function history(f: FollowUp | null): string {
  if (!f) return "<p>No follow-up recorded.</p>";
  const items = f.history.map((h) => {
    const what =
      h.kind === "check" && h.check
        ? `re-check: ${h.check.result}, HTTP ${h.check.status ?? "—"}, ${h.check.bytes} bytes, SHA-256 ${h.check.sha256 ?? "—"}`
        : h.kind === "state"
          ? `${STATE_LABEL[h.state]}${h.portal ? ` at ${PORTALS[h.portal]?.name ?? h.portal}` : ""}${h.reference ? `, reference ${h.reference}` : ""}${h.url ? `, seen at ${h.url}` : ""}`
          : h.kind === "created"
            ? "captured"
            : (h.note ?? h.kind);
    return `<tr><td>${e(utc(h.at))}</td><td>${e(h.by)}</td><td>${e(what)}${h.note && h.kind === "state" ? ` — ${e(h.note)}` : ""}</td></tr>`;
  });
  return `<p>State now: <strong>${e(STATE_LABEL[f.state])}</strong></p>
<table class="history"><thead><tr><th>Time</th><th>By</th><th>Event</th></tr></thead><tbody>${items.join("")}</tbody></table>
${f.notes ? `<h3>Agent's notes</h3><pre>${e(f.notes)}</pre>` : ""}`;
}

/** One case as a <section>: starts on a new printed page. */
export function caseReportSection(c: ReportCase): string {
  const l = c.listing;
  const price = l.price ? `${l.price.amount} ${l.price.currency ?? ""}`.trim() : null;
  const hashes = c.artefacts
    .map((a) => `<tr><td>${e(a.name)}</td><td>${e(a.bytes)}</td><td><code>${e(a.sha256)}</code></td></tr>`)
    .join("");
  const custody = rows([
    ["Captured by", c.capturedBy ? `${c.capturedBy.name} <${c.capturedBy.email}>, ${c.capturedBy.company}` : null],
    ["Captured at", utc(c.createdAt)],
    ["Software", `Copycatch ${c.extensionVersion}`],
    ["Rule packs", c.packs.map((p) => `${p.id} v${p.version}`).join(", ") || null],
    ["Engine", c.verdict.engineVersion],
    [
      "Trusted time",
      c.timestamp
        ? `RFC 3161 token (manifest.tsr) from ${c.timestamp.authority}: ${utc(c.timestamp.genTime)}, signed by ${c.timestamp.signer}`
        : "none (local clock only)",
    ],
    [
      "Integrity",
      `${c.integrity.intact ? "intact: every file re-hashed matches the manifest" : `NOT intact: ${c.integrity.problems.join("; ")}`} (checked ${utc(c.integrity.checkedAt)})`,
    ],
  ]);
  return `<section class="case-report" data-case-id="${e(c.caseId)}">
<h1>Case report: counterfeit listing on ${e(MARKETPLACE_NAME[c.marketplace])}</h1>
<p class="meta">Case <code>${e(c.caseId)}</code> · manifest SHA-256 <code>${e(c.manifestSha256)}</code></p>
<h2>The listing</h2>
<table class="facts">${rows([
    ["Title", l.title],
    ["URL", c.url],
    ["Brand", l.brand],
    ["Price", price],
    ["Item id", l.sku],
    ["Seller", l.seller ? [l.seller.name, l.seller.id ? `(id ${l.seller.id})` : null].filter(Boolean).join(" ") : null],
    ["Ships from", l.shipsFrom],
  ])}</table>
<h2>Why it is likely counterfeit</h2>
<p>Risk <strong>${e(c.verdict.risk)}</strong>, score ${e(c.verdict.score)}/100${c.verdict.brand ? `, brand claimed: ${e(c.verdict.brand.name)}` : ""}.</p>
${reasons(c.verdict)}
<h2>Screenshot at capture</h2>
${c.screenshot ? `<img class="shot" alt="The listing as captured" src="data:image/png;base64,${c.screenshot}">` : `<p>No screenshot: ${e(c.captureErrors.join("; ") || "not captured")}</p>`}
<h2>Evidence files and their SHA-256</h2>
<table class="hashes"><thead><tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr></thead><tbody>${hashes}
<tr><td>manifest.json</td><td></td><td><code>${e(c.manifestSha256)}</code></td></tr></tbody></table>
${c.captureErrors.length > 0 ? `<p>Captures that failed: ${e(c.captureErrors.join("; "))}</p>` : ""}
<h2>Chain of custody</h2>
<table class="facts">${custody}</table>
<h2>Follow-up</h2>
${history(c.followUp)}
<h2>Notice</h2>
${c.noticeText ? `<pre class="notice">${e(c.noticeText)}</pre>` : "<p>No notice saved.</p>"}
</section>`;
}

export const REPORT_CSS = `
.case-report { font: 11pt/1.35 "DejaVu Sans", Arial, sans-serif; color: #000; background: #fff; max-width: 190mm; margin: 0 auto; }
.case-report + .case-report { break-before: page; }
.case-report h1 { font-size: 16pt; margin: 0 0 4pt; }
.case-report h2 { font-size: 12pt; margin: 12pt 0 4pt; border-bottom: 1px solid #888; text-transform: none; letter-spacing: 0; color: #000; }
.case-report table { border-collapse: collapse; width: 100%; }
.case-report th, .case-report td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; font-size: 9pt; overflow-wrap: anywhere; }
.case-report th[scope="row"] { width: 28%; }
.case-report code { font-size: 8pt; overflow-wrap: anywhere; }
.case-report pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8.5pt; border: 1px solid #bbb; padding: 4pt; }
.case-report .shot { max-width: 100%; max-height: 120mm; border: 1px solid #888; }
@page { size: A4; margin: 12mm; }
@media print { .no-print { display: none !important; } body { width: auto; max-width: none; } }
`;

/** A whole HTML document (the command line prints this). */
export function reportDocument(title: string, sections: string[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${REPORT_CSS}</style></head>
<body>${sections.join("\n")}</body></html>`;
}

const text = new TextDecoder();

function jsonOf<T>(bytes: Uint8Array | undefined): T | null {
  if (!bytes) return null;
  try {
    return JSON.parse(text.decode(bytes)) as T;
  } catch {
    return null;
  }
}

/** A report from an exported case bundle (ZIP): verified first, then read. */
export async function reportCaseFromBundle(
  zip: Uint8Array,
  now: Date = new Date(),
  options: VerifyOptions = {},
): Promise<ReportCase> {
  const check = await verifyBundle(zip, undefined, options);
  const files = new Map(readZip(zip).map((f) => [f.name, f.bytes]));
  const manifest = jsonOf<CaseManifest>(files.get(MANIFEST_NAME));
  const listing = jsonOf<Listing>(files.get("listing.json"));
  const verdict = jsonOf<Verdict>(files.get("verdict.json"));
  if (!manifest || !listing || !verdict)
    throw new Error("not a case bundle: manifest.json, listing.json or verdict.json is missing");
  const history = jsonOf<{
    state: FollowUp["state"];
    notes: string;
    history: FollowUp["history"];
    timestamp: CaseTimestamp | null;
  }>(files.get(HISTORY_NAME));
  const noticeName = manifest.artefacts.find((a) => a.kind === "notice" && a.name.endsWith(".txt"))?.name;
  const noticeBytes = noticeName ? files.get(noticeName) : undefined;
  const shot = files.get("screenshot.png");
  return {
    caseId: manifest.caseId,
    createdAt: manifest.createdAt,
    url: manifest.url,
    marketplace: manifest.marketplace,
    extensionVersion: manifest.extensionVersion,
    packs: manifest.packs,
    artefacts: manifest.artefacts,
    captureErrors: manifest.captureErrors,
    capturedBy: manifest.capturedBy ?? null,
    manifestSha256: check.manifestSha256 ?? "",
    listing,
    verdict,
    noticeText: noticeBytes ? text.decode(noticeBytes) : null,
    screenshot: shot ? base64Encode(shot) : null,
    followUp: history ? { state: history.state, notes: history.notes, history: history.history } : null,
    timestamp: history?.timestamp ?? null,
    integrity: { intact: check.intact, problems: check.problems, checkedAt: now.toISOString() },
  };
}
