/** Names the rules that are not in use because their stored pack is damaged (the popup and the options page). */
import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "../shared/i18n.ts";
import type { DamagedPack } from "../shared/messages/packs.ts";
import { send } from "../shared/messages/send.ts";
import { asSaid, type Said, said } from "../shared/said.ts";
import { Msg, SaidText } from "./msg.tsx";

const english = (text: string) => <span lang="en">{text}</span>;

/** The rules left out as the worker told them, each valid; null for a record written before (English only). */
function missingSaid(d: DamagedPack): Said[] | null {
  if (!Array.isArray(d.missingSaid) || d.missingSaid.length !== d.missing.length) return null;
  const valid = d.missingSaid.map((s) => asSaid(s));
  return valid.every((s) => s !== null) ? (valid as Said[]) : null;
}

/**
 * What the worker says is damaged, inside a sentence in the UI's language:
 * the reason and the rules left out worded from their keys (the validator's
 * details), only the paths and values quoted from the pack isolated; a record
 * written before keeps its English, isolated and marked so.
 */
export function DamageText({ d }: { d: DamagedPack }) {
  const name = d.name ? `${d.name} (${d.id})` : d.id;
  if (d.reason !== null) {
    const reason = asSaid(d.reasonSaid);
    if (reason) return <SaidText said={said("rules_damaged_pack", { name, reason })} />;
    return <Msg k="rules_damaged_pack" p={{ name, reason: d.reason }} wrap={{ reason: english }} />;
  }
  const told = missingSaid(d);
  const missing = told
    ? () =>
        told.map((s, i) => (
          <Fragment key={i}>
            {i > 0 ? "; " : ""}
            <SaidText said={s} />
          </Fragment>
        ))
    : english;
  return <Msg k="rules_damaged_partly" p={{ name, missing: d.missing.join("; ") }} wrap={{ missing }} />;
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
