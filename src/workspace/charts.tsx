/** Plain SVG charts: cases per marketplace per week (stacked bars) and the share of filed cases removed. */
import { useMemo } from "preact/hooks";
import type { CaseSummary } from "../shared/case.ts";
import { t, ui } from "../shared/i18n.ts";
import { MARKETPLACE_NAME } from "../shared/report-portals.ts";
import { casesPerWeek, removedShare } from "./chart-data.ts";

/** Colour-blind-safe (Okabe–Ito); each series is also named in the legend and in each bar's title. */
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

function WeeklyChart({ cases }: { cases: readonly CaseSummary[] }) {
  const data = useMemo(() => casesPerWeek(cases), [cases]);
  if (data.weeks.length === 0) return null;
  const W = 560;
  const H = 180;
  const left = 30;
  const bottom = 30;
  const max = Math.max(1, ...data.counts.map((row) => row.reduce((a, b) => a + b, 0)));
  const bw = (W - left) / data.weeks.length;
  const y = (n: number) => ((H - bottom) * n) / max;
  return (
    <figure class="chart weekly-chart">
      <svg
        viewBox={`0 0 ${W} ${H + 20 * Math.ceil(data.marketplaces.length / 4)}`}
        width={W}
        role="img"
        aria-labelledby="weekly-title"
      >
        <title id="weekly-title">{t("chart_weekly_title")}</title>
        <text x={0} y={10}>
          {max}
        </text>
        <text x={0} y={H - bottom}>
          0
        </text>
        {data.weeks.map((w, i) => {
          let top = H - bottom;
          return (
            <g key={w} class="week" data-week={w}>
              {data.counts[i]?.map((n, m) => {
                if (n === 0) return null;
                const h = y(n);
                top -= h;
                const market = data.marketplaces[m] as CaseSummary["marketplace"];
                return (
                  <rect
                    key={market}
                    x={left + i * bw + 1}
                    y={top}
                    width={Math.max(1, bw - 2)}
                    height={h}
                    fill={COLOURS[m % COLOURS.length]}
                    data-marketplace={market}
                    data-count={n}
                  >
                    <title>{t("chart_bar", { marketplace: MARKETPLACE_NAME[market], week: w, count: n })}</title>
                  </rect>
                );
              })}
              {i % Math.ceil(data.weeks.length / 6) === 0 ? (
                <text x={left + i * bw} y={H - bottom + 14}>
                  {w.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
        {data.marketplaces.map((m, i) => (
          <g key={m} transform={`translate(${left + (i % 4) * 130}, ${H + 4 + 18 * Math.floor(i / 4)})`}>
            <rect width={10} height={10} fill={COLOURS[i % COLOURS.length]} />
            <text x={14} y={9}>
              {MARKETPLACE_NAME[m]}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{t("chart_weekly_caption")}</figcaption>
    </figure>
  );
}

function RemovedChart({ cases }: { cases: readonly CaseSummary[] }) {
  const rows = useMemo(() => removedShare(cases), [cases]);
  if (rows.length === 0) return null;
  const W = 420;
  const row = 22;
  const left = 110;
  return (
    <figure class="chart removed-chart">
      <svg viewBox={`0 0 ${W} ${rows.length * row + 6}`} width={W} role="img" aria-labelledby="removed-title">
        <title id="removed-title">{t("chart_removed_title")}</title>
        {rows.map((r, i) => {
          const share = r.removed / r.filed;
          return (
            <g
              key={r.marketplace}
              class="removed-row"
              data-marketplace={r.marketplace}
              data-removed={r.removed}
              data-filed={r.filed}
            >
              <text x={0} y={i * row + 15}>
                {MARKETPLACE_NAME[r.marketplace]}
              </text>
              <rect x={left} y={i * row + 4} width={W - left - 90} height={14} fill="none" stroke="currentColor" />
              <rect x={left} y={i * row + 4} width={(W - left - 90) * share} height={14} fill="#009E73" />
              <text x={W - 84} y={i * row + 15}>
                {`${ui().num(share, { style: "percent" })} (${r.removed}/${r.filed})`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t("chart_removed_caption")}</figcaption>
    </figure>
  );
}

export function Charts({ cases }: { cases: readonly CaseSummary[] }) {
  if (cases.length === 0) return null;
  return (
    <details class="ws-charts" open>
      <summary>{t("charts")}</summary>
      <div class="charts">
        <WeeklyChart cases={cases} />
        <RemovedChart cases={cases} />
      </div>
    </details>
  );
}
