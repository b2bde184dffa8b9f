import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { t } from "../shared/i18n.ts";
import type { Listing } from "../shared/listing.ts";
import { send } from "../shared/messages/send.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import { errorText } from "../shared/said.ts";
import { type ShopperReport, shopperReport } from "../shared/shopper-report.ts";
import type { Verdict } from "../shared/verdict.ts";
import { Alert } from "./alert.tsx";
import { CopyButton } from "./copy-button.tsx";
import { useFocusWhenOpen } from "./focus.ts";
import { Msg, SaidText } from "./msg.tsx";

/** One click: open the marketplace's report page and prepare the text and the brand's contact. */
export function ShopperReportPanel({ listing, verdict, at }: { listing: Listing; verdict: Verdict; at: string }) {
  const [report, setReport] = useState<ShopperReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useFocusWhenOpen<HTMLHeadingElement>(report !== null);
  const start = async () => {
    try {
      const contact = verdict.brand ? (await send({ type: "brand-contact", brandId: verdict.brand.id })).contact : null;
      const prepared = shopperReport(listing, verdict, at, contact);
      setReport(prepared);
      if (prepared.portalUrl) await browser.tabs.create({ url: prepared.portalUrl });
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (!report) {
    return (
      <section class="report" aria-label={t("report")}>
        <button type="button" class="report-button" onClick={start}>
          {t("report_to", { marketplace: MARKETPLACE_NAME[listing.marketplace] })}
        </button>
        <Alert message={error} />
      </section>
    );
  }
  return (
    <section class="report prepared" aria-label={t("report")}>
      <h2 ref={heading} tabIndex={-1}>
        {t("report")}
      </h2>
      {report.portalUrl ? (
        <p>
          <Msg
            k="report_opened"
            p={{ portal: report.portalName }}
            wrap={{
              portal: (name) => (
                <a href={report.portalUrl ?? ""} target="_blank" rel="noopener noreferrer" class="portal-link">
                  {name}
                </a>
              ),
            }}
          />{" "}
          <SaidText said={report.hintSaid} />
          {report.portalUrlVerified ? null : <span class="unverified-url"> {t("report_unverified_url")}</span>}
        </p>
      ) : (
        <p>
          <SaidText said={report.hintSaid} />
        </p>
      )}
      <label class="stacked" for="report-text">
        {t("report_text")}
      </label>
      <textarea id="report-text" class="report-text" lang="en" dir="ltr" readOnly rows={7} value={report.text} />
      <div class="actions">
        <CopyButton text={report.text} label={t("copy_text")} />
      </div>
      <BrandContact report={report} />
    </section>
  );
}

function BrandContact({ report }: { report: ShopperReport }) {
  const contact = report.contact;
  if (!contact || (!contact.email && !contact.url)) return <p class="brand-contact">{t("brand_no_contact")}</p>;
  return (
    <div class="brand-contact">
      <h3>{t("brand_tell")}</h3>
      {report.mailto ? (
        <p>
          <a href={report.mailto} class="brand-email">
            <Msg k="brand_email" p={{ email: contact.email ?? "" }} />
          </a>
        </p>
      ) : null}
      {contact.url && /^https:\/\//.test(contact.url) ? (
        <p>
          <a href={contact.url} target="_blank" rel="noopener noreferrer" class="brand-url">
            {t("brand_report_page")}
          </a>
        </p>
      ) : null}
      {contact.notes ? (
        <p class="brand-notes" dir="auto">
          {contact.notes}
        </p>
      ) : null}
    </div>
  );
}
