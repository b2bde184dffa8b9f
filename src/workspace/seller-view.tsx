/** One seller (cases sharing a seller id, store name or shop link): all their cases, oldest first. */

import { Msg } from "../popup/msg.tsx";
import type { CaseSummary } from "../shared/case.ts";
import { t, ui } from "../shared/i18n.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import { CaseRowView, CaseTableHead, utc } from "./case-list-view.tsx";
import { href } from "./route.ts";
import type { SellerIndex } from "./workspace.tsx";

function describeKey(key: string): string {
  const [kind, ...rest] = key.split(":");
  if (kind === "id")
    return t("seller_key_id", {
      id: rest.slice(1).join(":"),
      marketplace: MARKETPLACE_NAME[rest[0] as CaseSummary["marketplace"]] ?? rest[0] ?? "",
    });
  if (kind === "name") return t("seller_key_name", { name: rest.join(":") });
  if (kind === "link") return t("seller_key_link", { link: rest.join(":") });
  return key;
}

export function SellerView(props: { sellerKey: string; sellers: SellerIndex; byId: Map<string, CaseSummary> }) {
  const group = props.sellers.byKey.get(props.sellerKey);
  if (!group) return <p role="alert">{t("seller_no_case")}</p>;
  const cases = group.ids
    .map((id) => props.byId.get(id))
    .filter((c): c is CaseSummary => c !== undefined)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const names = [...new Set(cases.map((c) => c.sellerName).filter((n) => n))];
  const markets = [...new Set(cases.map((c) => MARKETPLACE_NAME[c.marketplace]))];
  return (
    <div class="seller-view">
      <nav class="crumbs">
        <a href={href({ view: "list" })}>{t("all_cases_back")}</a>
      </nav>
      <h1 class="seller-title">
        <bdi>{names.join(" / ") || t("field_seller")}</bdi>
      </h1>
      <p class="seller-summary">
        {cases[0] ? (
          <Msg
            k="seller_summary_since"
            p={{ count: cases.length, marketplaces: ui().list(markets), since: utc(cases[0].createdAt) }}
            wrap={{ count: (n) => <strong class="seller-count">{n}</strong> }}
          />
        ) : (
          <Msg
            k="seller_summary"
            p={{ count: cases.length, marketplaces: ui().list(markets) }}
            wrap={{ count: (n) => <strong class="seller-count">{n}</strong> }}
          />
        )}
      </p>
      <details>
        <summary>{t("seller_why_one")}</summary>
        <ul class="seller-keys">
          {group.keys.map((k) => (
            <li key={k}>
              <bdi>{describeKey(k)}</bdi>
            </li>
          ))}
        </ul>
      </details>
      <div class="actions">
        <a class="button secondary seller-report" href={href({ view: "seller-report", key: props.sellerKey })}>
          {t("seller_report")}
        </a>
      </div>
      <table class="ws-cases">
        <CaseTableHead />
        <tbody>
          {cases.map((c) => (
            <CaseRowView key={c.id} c={c} sellers={props.sellers} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
