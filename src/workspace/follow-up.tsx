/** Follow-up of a case: its state, the moves allowed from it (each dated), the agent's notes and the history. */
import { useState } from "preact/hooks";
import type { CaseRecord } from "../shared/case.ts";
import { type CaseEvent, type CaseState, filing, NEXT_STATES, STATE_LABEL } from "../shared/case-state.ts";
import { send } from "../shared/messages/send.ts";
import { PORTAL_OF, PORTALS, type PortalId } from "../shared/report-portals.ts";
import { utc } from "./case-list-view.tsx";

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
      setStatus(e instanceof Error ? e.message : String(e));
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
      `Marked ${STATE_LABEL[to].toLowerCase()}`,
    );
  };
  return (
    <section class="follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">Follow-up</h2>
      <p>
        State:{" "}
        <strong class={`state state-${f.state}`} data-state={f.state}>
          {STATE_LABEL[f.state]}
        </strong>
        {filed ? (
          <span class="filing">
            {" "}
            · filed {utc(filed.at)} UTC at {filed.portal ? (PORTALS[filed.portal]?.name ?? filed.portal) : "?"}
            {filed.reference ? (
              <>
                , reference <code class="filing-ref">{filed.reference}</code>
              </>
            ) : null}
          </span>
        ) : null}
      </p>
      <div class="actions state-moves">
        {NEXT_STATES[f.state].map((s) => (
          <button key={s} type="button" class="secondary" data-to={s} aria-pressed={to === s} onClick={() => setTo(s)}>
            Mark {STATE_LABEL[s].toLowerCase()}…
          </button>
        ))}
      </div>
      {to ? (
        <form class="state-form" onSubmit={submit}>
          {to === "filed" ? (
            <>
              <label>
                Portal{" "}
                <select name="portal" value={portal} onChange={(e) => setPortal(e.currentTarget.value as PortalId)}>
                  {(Object.keys(PORTALS) as PortalId[]).map((id) => (
                    <option key={id} value={id}>
                      {PORTALS[id]?.name ?? id}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                The portal's reference{" "}
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
            Note <input name="note" value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit" class="confirm-state">
            Mark {STATE_LABEL[to].toLowerCase()} now
          </button>
        </form>
      ) : null}
      <label class="notes">
        Notes (yours; kept with the case and in its exports)
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
        onClick={() => run(() => send({ type: "set-case-notes", caseId: record.id, notes }), "Notes saved")}
      >
        Save notes
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
      return "Case captured";
    case "note":
      return "Notes edited";
    case "timestamp":
      return e.note ?? "Manifest time-stamped";
    case "check":
      return e.check
        ? `Re-check: ${e.check.result} (HTTP ${e.check.status ?? "—"}, ${e.check.bytes} bytes${e.check.sha256 ? `, sha256 ${e.check.sha256.slice(0, 16)}…` : ""}) ${e.check.detail}`
        : "Re-check";
    case "state":
      return `→ ${STATE_LABEL[e.state]}${e.portal ? ` at ${PORTALS[e.portal]?.name ?? e.portal}` : ""}${e.reference ? ` (ref. ${e.reference})` : ""}${e.url ? ` at ${e.url}` : ""}`;
  }
}

export function HistoryList({ history }: { history: CaseEvent[] }) {
  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title">History (UTC)</h2>
      <ol class="history-list">
        {history.map((e, i) => (
          <li key={i} class="history-event" data-kind={e.kind} data-state={e.state} data-by={e.by}>
            <time dateTime={e.at}>{utc(e.at)}</time> <span class="by">[{e.by}]</span> {eventText(e)}
            {e.note && e.kind === "state" ? <span class="event-note"> — {e.note}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
