/** The installed packs, highest precedence first, with what decides which brand rules win. */
import type { PackInfo, PackPrecedence } from "../../shared/messages/packs.ts";
import { when } from "./format.ts";

const PRECEDENCE: Record<PackPrecedence, string> = {
  "brand-owner": "Brand's own (signed)",
  community: "Community",
  default: "Built-in default",
};
const RANK: Record<PackPrecedence, number> = { "brand-owner": 0, community: 1, default: 2 };

export function PackTable(props: { packs: PackInfo[]; busy: boolean; onRemove: (id: string) => void }) {
  const packs = [...props.packs].sort((a, b) => RANK[a.precedence] - RANK[b.precedence] || a.id.localeCompare(b.id));
  return (
    <table class="rules-packs">
      <caption>Installed rule packs. When two packs describe the same brand, the higher row wins.</caption>
      <thead>
        <tr>
          <th scope="col">Pack</th>
          <th scope="col">Version</th>
          <th scope="col">Publisher</th>
          <th scope="col">Brands</th>
          <th scope="col">Source</th>
          <th scope="col">Installed</th>
          <th scope="col">Expires</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span class="rules-sr">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {packs.map((p) => (
          <tr key={p.id} class="rules-pack" data-pack-id={p.id}>
            <th scope="row">
              {p.name}
              <div class="rules-muted">{p.id}</div>
            </th>
            <td data-col="version">{p.version}</td>
            <td>{p.publisher}</td>
            <td data-col="brands">{p.brandCount.toLocaleString()}</td>
            <td>
              {PRECEDENCE[p.precedence]}
              <div class="rules-muted">{p.origin === "file" ? "imported file" : p.origin}</div>
            </td>
            <td>{when(p.installedAt)}</td>
            <td>{p.expires ?? "never"}</td>
            <td data-col="status" class={p.active ? "rules-ok" : "rules-bad"}>
              {p.active ? "active" : "expired: not used"}
            </td>
            <td>
              {p.origin === "file" ? (
                <button
                  type="button"
                  disabled={props.busy}
                  onClick={() => props.onRemove(p.id)}
                  aria-label={`Remove ${p.name}`}
                >
                  Remove
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
