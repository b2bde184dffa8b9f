/** Names the rules that are not in use because their stored pack is damaged (the popup and the options page). */
import { useEffect, useState } from "preact/hooks";
import { t } from "../shared/i18n.ts";
import type { DamagedPack } from "../shared/messages/packs.ts";
import { send } from "../shared/messages/send.ts";

/** What the worker says is damaged (its own words, English) inside a sentence in the UI's language. */
export function describeDamage(d: DamagedPack): string {
  const name = d.name ? `${d.name} (${d.id})` : d.id;
  if (d.reason !== null) return t("rules_damaged_pack", { name, reason: d.reason });
  return t("rules_damaged_partly", { name, missing: d.missing.join("; ") });
}

export function DamagedRules({ damaged }: { damaged: DamagedPack[] }) {
  if (damaged.length === 0) return null;
  return (
    <section class="card rules-damaged" role="status" data-state="rules-damaged">
      <p>{t("rules_damaged_intro")}</p>
      <ul>
        {damaged.map((d) => (
          <li key={d.id}>{describeDamage(d)}</li>
        ))}
      </ul>
    </section>
  );
}

/** The popup's copy: asks the worker which rules are missing; says nothing when none are. */
export function RulesWarning() {
  const [damaged, setDamaged] = useState<DamagedPack[]>([]);
  useEffect(() => {
    send({ type: "rules-health" }).then(
      (r) => setDamaged(r.damaged),
      () => undefined, // the verdict view shows worker errors; this notice is secondary
    );
  }, []);
  return <DamagedRules damaged={damaged} />;
}
