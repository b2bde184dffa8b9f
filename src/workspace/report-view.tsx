/** The printable report of one case, or of all cases of one seller: the same HTML template as `npm run case-report`. */
import { useEffect, useRef, useState } from "preact/hooks";
import { caseReportSection, REPORT_CSS, type ReportCase } from "../shared/case-report.ts";
import { t } from "../shared/i18n.ts";
import type { CaseDetail } from "../shared/messages/cases.ts";
import { send } from "../shared/messages/send.ts";
import { errorText } from "../shared/said.ts";
import { inertNodes } from "./inert-html.ts";
import { href } from "./route.ts";

export function reportCaseOf(d: CaseDetail, now: Date): ReportCase {
  const c = d.record;
  return {
    caseId: c.id,
    createdAt: c.createdAt,
    url: c.url,
    marketplace: c.marketplace,
    extensionVersion: c.extensionVersion,
    packs: c.packs,
    artefacts: c.artefacts,
    captureErrors: c.captureErrors,
    capturedBy: c.capturedBy,
    manifestSha256: c.manifestSha256,
    listing: c.listing,
    verdict: c.verdict,
    noticeText: d.noticeText,
    screenshot: d.screenshot,
    followUp: c.followUp,
    timestamp: c.timestamp,
    integrity: { intact: d.check.intact, problems: d.check.problems, checkedAt: now.toISOString() },
  };
}

export function ReportView({ caseIds, back }: { caseIds: string[]; back: string }) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = caseIds.join(",");
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (html !== null) target.current?.replaceChildren(...inertNodes(html));
  }, [html]);
  useEffect(() => {
    const now = new Date();
    Promise.all(key.split(",").map((caseId) => send({ type: "get-case", caseId }))).then(
      (details) => setHtml(details.map((d) => caseReportSection(reportCaseOf(d, now))).join("\n")),
      (e: unknown) => setError(errorText(e)),
    );
  }, [key]);
  if (error) return <p role="alert">{error}</p>;
  if (!html) return <p class="loading">{t("report_preparing")}</p>;
  return (
    <div class="report-view">
      <style>{REPORT_CSS}</style>
      <nav class="no-print actions">
        <a href={back}>{t("back")}</a>
        <button type="button" class="print" onClick={() => print()}>
          {t("print")}
        </button>
        <span class="muted">{t("report_english")}</span>
      </nav>
      {/* Built by caseReportSection, which escapes every text it is given; adopted as inert nodes. */}
      <div class="report-ready" ref={target} lang="en" dir="ltr" />
    </div>
  );
}

export const caseBack = (id: string) => href({ view: "case", id });
export const sellerBack = (key: string) => href({ view: "seller", key });
