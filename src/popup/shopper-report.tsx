import { useState } from "preact/hooks";
import browser from "webextension-polyfill";
import { errorMessage } from "../shared/error-message.ts";
import type { Listing } from "../shared/listing.ts";
import { send } from "../shared/messages/send.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import { type ShopperReport, shopperReport } from "../shared/shopper-report.ts";
import type { Verdict } from "../shared/verdict.ts";
import { Alert } from "./alert.tsx";
import { CopyButton } from "./copy-button.tsx";
import { useFocusWhenOpen } from "./focus.ts";

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
      setError(errorMessage(e));
    }
  };
  if (!report) {
    return (
      <section class="report" aria-label="Report">
        <button type="button" class="report-button" onClick={start}>
          Report to {MARKETPLACE_NAME[listing.marketplace]}
        </button>
        <Alert message={error} />
      </section>
    );
  }
  return (
    <section class="report prepared" aria-label="Report">
      <h2 ref={heading} tabIndex={-1}>
        Report
      </h2>
      {report.portalUrl ? (
        <p>
          Opened{" "}
          <a href={report.portalUrl} target="_blank" rel="noopener noreferrer" class="portal-link">
            {report.portalName}
          </a>
          . {report.hint}
          {report.portalUrlVerified ? null : (
            <span class="unverified-url">
              {" "}
              No public source confirms this address: it is the marketplace's help page as last known.
            </span>
          )}
        </p>
      ) : (
        <p>{report.hint}</p>
      )}
      <label class="stacked" for="report-text">
        Text to send
      </label>
      <textarea id="report-text" class="report-text" readOnly rows={7} value={report.text} />
      <div class="actions">
        <CopyButton text={report.text} label="Copy text" />
      </div>
      <BrandContact report={report} />
    </section>
  );
}

function BrandContact({ report }: { report: ShopperReport }) {
  const contact = report.contact;
  if (!contact || (!contact.email && !contact.url))
    return <p class="brand-contact">The rules name no contact for this brand.</p>;
  return (
    <div class="brand-contact">
      <h3>Tell the brand</h3>
      {report.mailto ? (
        <p>
          <a href={report.mailto} class="brand-email">
            E-mail {contact.email}
          </a>
        </p>
      ) : null}
      {contact.url && /^https:\/\//.test(contact.url) ? (
        <p>
          <a href={contact.url} target="_blank" rel="noopener noreferrer" class="brand-url">
            Brand's report page
          </a>
        </p>
      ) : null}
      {contact.notes ? <p class="brand-notes">{contact.notes}</p> : null}
    </div>
  );
}
