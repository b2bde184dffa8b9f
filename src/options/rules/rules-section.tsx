/** Options: the "Rules" section: installed packs, subscriptions, importing a file. */

import { useCallback, useEffect, useState } from "preact/hooks";
import { SaidText, Told } from "../../popup/msg.tsx";
import { DamagedRules } from "../../popup/rules-warning.tsx";
import { t, ui } from "../../shared/i18n.ts";
import type { RulesOverview, SubscribeRequest } from "../../shared/messages/packs.ts";
import { send } from "../../shared/messages/send.ts";
import { type Said, saidOf } from "../../shared/said.ts";
import { AddSubscription } from "./add-subscription.tsx";
import { requestFeedAccess } from "./feed-access.ts";
import { message } from "./format.ts";
import { ImportPack } from "./import-pack.tsx";
import { PackTable } from "./pack-table.tsx";
import { SubscriptionItem } from "./subscription-item.tsx";
import "./rules.css";

/**
 * A status line; `said`, when the worker told the error as a key, is worded with its params in `<bdi>`; each
 * detail (a skipped entry of an imported pack) likewise, or its English text when it has no key.
 */
type Notice = { kind: "ok" | "error"; text: string; said?: Said; details?: { text: string; said?: Said }[] } | null;

export function RulesSection() {
  const [overview, setOverview] = useState<RulesOverview | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const refresh = useCallback(async () => {
    try {
      setOverview(await send({ type: "rules-overview" }));
    } catch (e) {
      setNotice({ kind: "error", text: t("rules_unreadable", { error: message(e) }) });
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
      const said = saidOf(e);
      setNotice({ kind: "error", text: message(e), ...(said ? { said } : {}) });
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const subscribe = (req: SubscribeRequest, note: string | null) =>
    run(async () => {
      const sub = await send({ type: "subscribe", ...req });
      if (sub.status === "ok")
        return {
          kind: "ok",
          text: t("subscribed", { pack: t("pack_version", { id: sub.packId ?? "", version: sub.packVersion ?? "" }) }),
        };
      return { kind: "error", text: `${t("subscribed_failed")}${note ? ` ${note}` : ""}` };
    });

  return (
    <section class="options-section rules-section" aria-labelledby="rules-title">
      <h2 id="rules-title">{t("rules_title")}</h2>
      <p class="rules-muted">
        {t("rules_intro")}
        {overview?.lastLoad
          ? ` ${t("rules_loaded_in", { ms: ui().num(overview.lastLoad.ms, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}`
          : ""}
      </p>
      {notice ? (
        <div class={`rules-notice rules-notice-${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
          <p>{notice.said ? <SaidText said={notice.said} /> : notice.text}</p>
          {notice.details?.length ? (
            <ul>
              {notice.details.map((d) => (
                <li key={d.text}>
                  <Told said={d.said} text={d.text} />
                </li>
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
                return { kind: "ok", text: t("removed_named", { name: id }) };
              })
            }
          />
          <h3>{t("subscriptions")}</h3>
          {overview.subscriptions.length === 0 ? <p class="rules-muted">{t("subscriptions_none")}</p> : null}
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
                      ? { kind: "ok", text: t("feed_up_to_date", { url: after.url, version: after.packVersion ?? "" }) }
                      : null;
                  })
                }
                onRemove={() =>
                  run(async () => {
                    await send({ type: "unsubscribe", id: sub.id });
                    return { kind: "ok", text: t("unsubscribed", { url: sub.url }) };
                  })
                }
                onGrant={
                  (sub.error?.said?.key ?? "") === "feed_network" || sub.error?.message.startsWith("Could not reach")
                    ? () =>
                        void requestFeedAccess(sub.url).then((granted) =>
                          setNotice(
                            granted
                              ? { kind: "ok", text: t("access_granted") }
                              : { kind: "error", text: t("access_refused") },
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
            const { pack, warnings, warningsSaid } = await send({ type: "import-pack", text });
            return {
              kind: "ok",
              text: `${t("imported", { name: pack.name, version: pack.version, brands: pack.brandCount })}${warnings.length ? ` ${t("import_skipped", { count: warnings.length })}` : ""}`,
              details: warnings.slice(0, 20).map((w, i) => ({ text: w, said: warningsSaid[i] })),
            };
          })
        }
      />
    </section>
  );
}
