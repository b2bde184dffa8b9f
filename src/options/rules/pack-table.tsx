/** The installed packs, highest precedence first, with what decides which brand rules win. */

import { t, ui } from "../../shared/i18n.ts";
import type { PackInfo, PackPrecedence } from "../../shared/messages/packs.ts";
import { when } from "./format.ts";

function precedenceLabel(p: PackPrecedence): string {
  return t(p === "brand-owner" ? "precedence_brand_owner" : `precedence_${p}`);
}
const RANK: Record<PackPrecedence, number> = { "brand-owner": 0, community: 1, default: 2 };

export function PackTable(props: { packs: PackInfo[]; busy: boolean; onRemove: (id: string) => void }) {
  const packs = [...props.packs].sort((a, b) => RANK[a.precedence] - RANK[b.precedence] || a.id.localeCompare(b.id));
  return (
    <table class="rules-packs">
      <caption>{t("packs_caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("col_pack")}</th>
          <th scope="col">{t("col_version")}</th>
          <th scope="col">{t("col_publisher")}</th>
          <th scope="col">{t("col_brands")}</th>
          <th scope="col">{t("col_source")}</th>
          <th scope="col">{t("col_installed")}</th>
          <th scope="col">{t("col_expires")}</th>
          <th scope="col">{t("col_status")}</th>
          <th scope="col">
            <span class="rules-sr">{t("col_actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {packs.map((p) => (
          <tr key={p.id} class="rules-pack" data-pack-id={p.id}>
            <th scope="row">
              <bdi>{p.name}</bdi>
              <div class="rules-muted">{p.id}</div>
            </th>
            <td data-col="version">{p.version}</td>
            <td>
              <bdi>{p.publisher}</bdi>
            </td>
            <td data-col="brands">{ui().num(p.brandCount)}</td>
            <td>
              {precedenceLabel(p.precedence)}
              <div class="rules-muted">{t(`origin_${p.origin}`)}</div>
            </td>
            <td>{when(p.installedAt)}</td>
            <td>{p.expires ?? t("never")}</td>
            <td data-col="status" class={p.active ? "rules-ok" : "rules-bad"}>
              {p.active ? t("pack_active") : t("pack_expired")}
            </td>
            <td>
              {p.origin === "file" ? (
                <button
                  type="button"
                  disabled={props.busy}
                  onClick={() => props.onRemove(p.id)}
                  aria-label={t("remove_named", { name: p.name })}
                >
                  {t("remove")}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
