/** One seller (cases sharing a seller id, store name or shop link): all their cases, oldest first. */
import type { CaseSummary } from "../shared/case.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import { CaseRowView, CaseTableHead, utc } from "./case-list-view.tsx";
import { href } from "./route.ts";
import type { SellerIndex } from "./workspace.tsx";

function describeKey(key: string): string {
  const [kind, ...rest] = key.split(":");
  if (kind === "id")
    return `seller id ${rest.slice(1).join(":")} on ${MARKETPLACE_NAME[rest[0] as CaseSummary["marketplace"]] ?? rest[0]}`;
  if (kind === "name") return `store name “${rest.join(":")}” (folded)`;
  if (kind === "link") return `shop link ${rest.join(":")}`;
  return key;
}

export function SellerView(props: { sellerKey: string; sellers: SellerIndex; byId: Map<string, CaseSummary> }) {
  const group = props.sellers.byKey.get(props.sellerKey);
  if (!group) return <p role="alert">No case has this seller.</p>;
  const cases = group.ids
    .map((id) => props.byId.get(id))
    .filter((c): c is CaseSummary => c !== undefined)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const names = [...new Set(cases.map((c) => c.sellerName).filter((n) => n))];
  const markets = [...new Set(cases.map((c) => MARKETPLACE_NAME[c.marketplace]))];
  return (
    <div class="seller-view">
      <nav class="crumbs">
        <a href={href({ view: "list" })}>‹ All cases</a>
      </nav>
      <h1 class="seller-title">{names.join(" / ") || "Seller"}</h1>
      <p class="seller-summary">
        <strong class="seller-count">{cases.length}</strong> case{cases.length === 1 ? "" : "s"} on {markets.join(", ")}
        {cases[0] ? `, first ${utc(cases[0].createdAt)} UTC` : ""}.
      </p>
      <details>
        <summary>Why these cases are one seller</summary>
        <ul class="seller-keys">
          {group.keys.map((k) => (
            <li key={k}>{describeKey(k)}</li>
          ))}
        </ul>
      </details>
      <div class="actions">
        <a class="button secondary seller-report" href={href({ view: "seller-report", key: props.sellerKey })}>
          Printable report of all their cases
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
