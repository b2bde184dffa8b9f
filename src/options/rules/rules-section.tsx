/** Options: the "Rules" section: installed packs, subscriptions, importing a file. */

import { useCallback, useEffect, useState } from "preact/hooks";
import { DamagedRules } from "../../popup/rules-warning.tsx";
import type { RulesOverview, SubscribeRequest } from "../../shared/messages/packs.ts";
import { send } from "../../shared/messages/send.ts";
import { AddSubscription } from "./add-subscription.tsx";
import { requestFeedAccess } from "./feed-access.ts";
import { message } from "./format.ts";
import { ImportPack } from "./import-pack.tsx";
import { PackTable } from "./pack-table.tsx";
import { SubscriptionItem } from "./subscription-item.tsx";
import "./rules.css";

type Notice = { kind: "ok" | "error"; text: string; details?: string[] } | null;

export function RulesSection() {
  const [overview, setOverview] = useState<RulesOverview | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const refresh = useCallback(async () => {
    try {
      setOverview(await send({ type: "rules-overview" }));
    } catch (e) {
      setNotice({ kind: "error", text: `Could not read the rules: ${message(e)}` });
    }
  }, []);

  useEffect(() => {
    // Ask the browser not to evict the rules and cases under storage pressure. persist() exists in pages, not in
    // the service worker, so the options page asks for the extension's whole origin (IndexedDB included).
    void navigator.storage?.persist?.().catch(() => undefined);
    void refresh();
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refresh]);

  // While a check runs in the background (an alarm, or one started before a reload), follow it.
  const updating = overview?.subscriptions.some((s) => s.status === "updating" || s.status === "pending") ?? false;
  useEffect(() => {
    if (!updating) return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [updating, refresh]);

  const run = async (action: () => Promise<Notice>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setNotice({ kind: "error", text: message(e) });
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const subscribe = (req: SubscribeRequest, note: string | null) =>
    run(async () => {
      const sub = await send({ type: "subscribe", ...req });
      if (sub.status === "ok")
        return { kind: "ok", text: `Subscribed: ${sub.packId} version ${sub.packVersion} is active.` };
      return { kind: "error", text: `Subscribed, but the first update failed (see below).${note ? ` ${note}` : ""}` };
    });

  return (
    <section class="options-section rules-section" aria-labelledby="rules-title">
      <h2 id="rules-title">Rules</h2>
      <p class="rules-muted">
        Brand rules come from the built-in pack, pack files you import and feeds you subscribe to. A brand's own signed
        pack wins over community packs, which win over the built-in one.
        {overview?.lastLoad ? ` Rules loaded in ${overview.lastLoad.ms.toFixed(1)} ms.` : ""}
      </p>
      {notice ? (
        <div class={`rules-notice rules-notice-${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
          <p>{notice.text}</p>
          {notice.details?.length ? (
            <ul>
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {overview ? (
        <>
          <DamagedRules damaged={overview.damaged} />
          <PackTable
            packs={overview.packs}
            busy={busy}
            onRemove={(id) =>
              run(async () => {
                await send({ type: "remove-pack", id });
                return { kind: "ok", text: `Removed ${id}.` };
              })
            }
          />
          <h3>Subscriptions</h3>
          {overview.subscriptions.length === 0 ? <p class="rules-muted">No subscriptions.</p> : null}
          <ul class="rules-subs">
            {overview.subscriptions.map((sub) => (
              <SubscriptionItem
                key={sub.id}
                sub={sub}
                busy={busy}
                onUpdate={() =>
                  run(async () => {
                    // Show the check as running at once; the worker's answer replaces this.
                    setOverview((o) =>
                      o
                        ? {
                            ...o,
                            subscriptions: o.subscriptions.map((s) =>
                              s.id === sub.id ? { ...s, status: "updating" } : s,
                            ),
                          }
                        : o,
                    );
                    const after = await send({ type: "update-subscription", id: sub.id });
                    return after.status === "ok"
                      ? { kind: "ok", text: `${after.url} is up to date (version ${after.packVersion}).` }
                      : null;
                  })
                }
                onRemove={() =>
                  run(async () => {
                    await send({ type: "unsubscribe", id: sub.id });
                    return { kind: "ok", text: `Unsubscribed from ${sub.url}.` };
                  })
                }
                onGrant={
                  sub.error?.message.startsWith("Could not reach")
                    ? () =>
                        void requestFeedAccess(sub.url).then((granted) =>
                          setNotice(
                            granted
                              ? { kind: "ok", text: "Access granted: press “Update now”." }
                              : { kind: "error", text: "Access was not granted." },
                          ),
                        )
                    : null
                }
              />
            ))}
          </ul>
        </>
      ) : null}
      <AddSubscription busy={busy} onSubmit={subscribe} />
      <ImportPack
        busy={busy}
        onFile={(text) =>
          run(async () => {
            const { pack, warnings } = await send({ type: "import-pack", text });
            return {
              kind: "ok",
              text: `Imported ${pack.name} version ${pack.version} (${pack.brandCount} brands).${warnings.length ? ` ${warnings.length} entries were skipped:` : ""}`,
              details: warnings.slice(0, 20),
            };
          })
        }
      />
    </section>
  );
}
