/** Follow-up of a case: its state, the moves allowed from it (each dated), the agent's notes and the history. */
import { useState } from "preact/hooks";
import { Msg } from "../popup/msg.tsx";
import type { CaseRecord } from "../shared/case.ts";
import { type CaseEvent, type CaseState, filing, NEXT_STATES } from "../shared/case-state.ts";
import { t, ui } from "../shared/i18n.ts";
import { send } from "../shared/messages/send.ts";
import { PORTAL_OF, PORTALS, type PortalId } from "../shared/report-portals.ts";
import { errorText } from "../shared/said.ts";
import { checkDetail, checkLabel, stateLabel, utc } from "./case-list-view.tsx";

export function FollowUpPanel({ record, onChanged }: { record: CaseRecord; onChanged: () => Promise<void> }) {
  const f = record.followUp;
  const [to, setTo] = useState<CaseState | null>(null);
  const [portal, setPortal] = useState<PortalId>(PORTAL_OF[record.marketplace]);
  const [reference, setReference] = useState("");
  const [note, setNote] = useState("");
  const [notes, setNotes] = useState(f.notes);
  const [status, setStatus] = useState("");
  const filed = filing(f);
  const run = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      setStatus(done);
      setTo(null);
      setNote("");
      setReference("");
      await onChanged();
    } catch (e) {
      setStatus(errorText(e));
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!to) return;
    void run(
      () =>
        send({
          type: "set-case-state",
          caseId: record.id,
          to,
          portal: to === "filed" ? portal : null,
          reference: to === "filed" ? reference : null,
          note: note || null,
        }),
      t("case_marked", { state: stateLabel(to) }),
    );
  };
  return (
    <section class="follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t("follow_up")}</h2>
      <p>
        {t("state_label")}{" "}
        <strong class={`state state-${f.state}`} data-state={f.state}>
          {stateLabel(f.state)}
        </strong>
        {filed ? (
          <span class="filing">
            {" · "}
            {t("filed_at", {
              time: utc(filed.at),
              portal: filed.portal ? (PORTALS[filed.portal]?.name ?? filed.portal) : "?",
            })}
            {filed.reference ? (
              <>
                {" · "}
                <Msg
                  k="filed_reference"
                  p={{ reference: filed.reference }}
                  wrap={{ reference: (r) => <code class="filing-ref">{r}</code> }}
                />
              </>
            ) : null}
          </span>
        ) : null}
      </p>
      <div class="actions state-moves">
        {NEXT_STATES[f.state].map((s) => (
          <button key={s} type="button" class="secondary" data-to={s} aria-pressed={to === s} onClick={() => setTo(s)}>
            {t("case_mark", { state: stateLabel(s) })}
          </button>
        ))}
      </div>
      {to ? (
        <form class="state-form" onSubmit={submit}>
          {to === "filed" ? (
            <>
              <label>
                {t("portal")}{" "}
                <select name="portal" value={portal} onChange={(e) => setPortal(e.currentTarget.value as PortalId)}>
                  {(Object.keys(PORTALS) as PortalId[]).map((id) => (
                    <option key={id} value={id}>
                      {PORTALS[id]?.name ?? id}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("portal_reference")}{" "}
                <input
                  name="reference"
                  value={reference}
                  maxLength={200}
                  onInput={(e) => setReference(e.currentTarget.value)}
                />
              </label>
            </>
          ) : null}
          <label>
            {t("note")}{" "}
            <input name="note" value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit" class="confirm-state">
            {t("case_mark_now", { state: stateLabel(to) })}
          </button>
        </form>
      ) : null}
      <label class="notes">
        {t("notes_label")}
        <textarea
          name="notes"
          rows={4}
          maxLength={20000}
          value={notes}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
      </label>
      <button
        type="button"
        class="secondary save-notes"
        disabled={notes === f.notes}
        onClick={() => run(() => send({ type: "set-case-notes", caseId: record.id, notes }), t("notes_saved"))}
      >
        {t("notes_save")}
      </button>
      <span role="status" class="follow-up-status">
        {status}
      </span>
    </section>
  );
}

function eventText(e: CaseEvent): string {
  switch (e.kind) {
    case "created":
      return t("event_created");
    case "note":
      return t("event_notes");
    case "timestamp":
      return e.note ?? t("event_timestamp");
    case "check": {
      if (!e.check) return t("event_check");
      const seen = {
        result: checkLabel(e.check.result),
        status: e.check.status ?? "—",
        bytes: ui().num(e.check.bytes),
        detail: checkDetail(e.check),
      };
      return e.check.sha256
        ? t("event_check_hashed", { ...seen, sha256: `${e.check.sha256.slice(0, 16)}…` })
        : t("event_check_seen", seen);
    }
    case "state": {
      const parts = [`→ ${stateLabel(e.state)}`];
      if (e.portal) parts.push(t("event_at", { where: PORTALS[e.portal]?.name ?? e.portal }));
      if (e.reference) parts.push(t("event_reference", { reference: e.reference }));
      if (e.url) parts.push(t("event_at", { where: e.url }));
      return parts.join(" ");
    }
  }
}

export function HistoryList({ history }: { history: CaseEvent[] }) {
  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title">{t("history_title")}</h2>
      <ol class="history-list">
        {history.map((e, i) => (
          <li key={i} class="history-event" data-kind={e.kind} data-state={e.state} data-by={e.by}>
            <time dateTime={e.at}>{utc(e.at)}</time> <span class="by">[{t(`by_${e.by}`)}]</span>{" "}
            <bdi>{eventText(e)}</bdi>
            {e.note && e.kind === "state" ? (
              <span class="event-note">
                {" — "}
                <bdi>{e.note}</bdi>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
