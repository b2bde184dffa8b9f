/** Names the rules that are not in use because their stored pack is damaged (the popup and the options page). */
import { useEffect, useState } from "preact/hooks";
import { t } from "../shared/i18n.ts";
import type { DamagedPack } from "../shared/messages/packs.ts";
import { send } from "../shared/messages/send.ts";
import { Msg } from "./msg.tsx";

const english = (text: string) => <span lang="en">{text}</span>;

/** What the worker says is damaged (its own words, English, isolated) inside a sentence in the UI's language. */
export function DamageText({ d }: { d: DamagedPack }) {
  const name = d.name ? `${d.name} (${d.id})` : d.id;
  if (d.reason !== null)
    return <Msg k="rules_damaged_pack" p={{ name, reason: d.reason }} wrap={{ reason: english }} />;
  return <Msg k="rules_damaged_partly" p={{ name, missing: d.missing.join("; ") }} wrap={{ missing: english }} />;
}

export function DamagedRules({ damaged }: { damaged: DamagedPack[] }) {
  if (damaged.length === 0) return null;
  return (
    <section class="card rules-damaged" role="status" data-state="rules-damaged">
      <p>{t("rules_damaged_intro")}</p>
      <ul>
        {damaged.map((d) => (
          <li key={d.id}>
            <DamageText d={d} />
          </li>
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
