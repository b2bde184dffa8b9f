import { useEffect, useState } from "preact/hooks";
import { send } from "../shared/messages/send.ts";
import type { Role } from "../shared/profile.ts";
import type { TabState } from "../shared/tab-state.ts";
import { AgentReportPanel } from "./agent-report.tsx";
import { CorrectionForm } from "./correction-form.tsx";
import { HighlightToggle } from "./highlight-toggle.tsx";
import { SellerHistory } from "./seller-history.tsx";
import { ShopperReportPanel } from "./shopper-report.tsx";

type VerdictState = Extract<TabState, { status: "verdict" }>;

/** Below the verdict: show on page, report (shopper or agent, by the role chosen in options), correct. */
export function ReportPanel({ tabId, state }: { tabId: number; state: VerdictState }) {
  const [role, setRole] = useState<Role | null>(null);
  useEffect(() => {
    send({ type: "get-report-settings" }).then(
      (s) => setRole(s.role),
      () => setRole("shopper"),
    );
  }, []);
  return (
    <>
      <HighlightToggle tabId={tabId} verdict={state.verdict} />
      {role === "agent" ? <SellerHistory tabId={tabId} refresh={0} /> : null}
      {role === "agent" ? <AgentReportPanel tabId={tabId} /> : null}
      {role === "shopper" && state.verdict.risk !== "low" && state.verdict.risk !== "unknown" ? (
        <ShopperReportPanel listing={state.listing} verdict={state.verdict} at={state.at} />
      ) : null}
      <div class="footer-row">
        <CorrectionForm listing={state.listing} verdict={state.verdict} />
      </div>
    </>
  );
}
