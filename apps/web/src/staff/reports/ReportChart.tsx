// A bar chart of one figure per row, drawn with uPlot (ADR 0053: the smallest kept library that
// draws bars, in this lazy chunk only). It is a picture of the table beside it, which is what
// assistive technology reads: the canvas is hidden from it and the figure says so.
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import { useStaffText } from "../../i18n/staff/useStaffText";
import styles from "./reports.module.css";

interface Props {
  title: string;
  labels: string[];
  values: number[];
  format: (value: number) => string;
}

const HEIGHT = 220;

/** Whether this browser can draw (a test DOM has neither media queries nor a canvas: the table stands alone). */
const canDraw = () => typeof window.matchMedia === "function" && document.createElement("canvas").getContext("2d") !== null;

/** uPlot and its stylesheet, fetched the first time a chart is drawn. */
const loadUPlot = () => Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([module]) => module.default);

export default function ReportChart({ title, labels, values, format }: Props) {
  const { t } = useStaffText();
  const holder = useRef<HTMLDivElement>(null);
  // Redrawn when the figures change, not on every render of the page (the arrays are new each time).
  const drawing = JSON.stringify([title, labels, values]);
  useEffect(() => {
    const element = holder.current;
    if (!element || !canDraw()) return;
    let plot: uPlot | undefined;
    let resize: ResizeObserver | undefined;
    let gone = false;
    void loadUPlot().then((UPlot) => {
      if (gone) return;
      const style = getComputedStyle(element);
      const colour = style.getPropertyValue("--accent").trim() || "#1d5fb8";
      const text = style.getPropertyValue("--text").trim() || "#1b2330";
      const indices = labels.map((_, i) => i);
      const top = Math.max(...values, 0) || 1;
      const drawn = new UPlot(
        {
          width: Math.max(element.clientWidth, 280),
          height: HEIGHT,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: [0, top * 1.1] } },
          axes: [
            { stroke: text, splits: () => indices, values: (_u, splits) => splits.map((i) => labels[i] ?? ""), grid: { show: false } },
            { stroke: text, values: (_u, splits) => splits.map(format), size: 64 },
          ],
          series: [{}, { label: title, fill: colour, stroke: colour, paths: UPlot.paths.bars!({ size: [0.6, 64] }), points: { show: false } }],
        },
        [indices, values],
        element,
      );
      plot = drawn;
      resize = new ResizeObserver(() => drawn.setSize({ width: Math.max(element.clientWidth, 280), height: HEIGHT }));
      resize.observe(element);
    });
    return () => {
      gone = true;
      resize?.disconnect();
      plot?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `drawing` stands for title, labels and values
  }, [drawing]);
  return (
    <figure className={styles.chart}>
      <div ref={holder} aria-hidden="true" />
      <figcaption>
        {title} <span className="visually-hidden">{t("reports.chart.sameAsTable")}</span>
      </figcaption>
    </figure>
  );
}
