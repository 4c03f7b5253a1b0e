"""The back-test report: scores against the baselines, and one fan chart per held-out mission."""

from __future__ import annotations

import html
import io
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from stabforce.engines.forecast.backtest import BacktestResult


def _fan_svg(mission: Any) -> str:
    fig, ax = plt.subplots(figsize=(4.2, 2.6), dpi=100)
    months = mission.months
    ax.fill_between(months, mission.p10, mission.p90, color="#7aa6d8", alpha=0.45, label="80% interval")
    ax.plot(months, mission.p50, color="#1f5fa8", lw=1.6, label="median")
    ax.plot(months, mission.actual, "o", color="#a3300b", ms=3.5, label="actual")
    ax.axhline(mission.ceiling, color="#222", ls="--", lw=1, label="initial ceiling")
    ax.set_title(mission.name, fontsize=10)
    ax.set_xlabel("months after authorization", fontsize=8)
    ax.set_ylabel("troops", fontsize=8)
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=6, loc="lower right")
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def render_html(result: BacktestResult, *, title: str = "Back-test of the build-up forecast") -> str:
    """Return a self-contained HTML page with the scores and a fan chart per held-out mission."""
    rows = "".join(
        f"<tr><td>{html.escape(m.name)}</td><td>{m.coverage80:.0%}</td><td>{m.crps:.3f}</td>"
        f"<td>{m.crps_climatology:.3f}</td><td>{m.crps_plan:.3f}</td><td>{m.crps_hindsight:.3f}</td>"
        f"<td>{share:.0%}</td></tr>" for m, share in zip(result.missions, result.shares(), strict=True))
    worst = max(zip(result.shares(), result.missions, strict=True), key=lambda pair: pair[0])
    charts = "".join(f"<figure>{_fan_svg(m)}</figure>" for m in result.missions)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d2330}} table{{border-collapse:collapse}}
td,th{{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left}} figure{{display:inline-block;margin:.3rem}}
.scores strong{{font-size:1.2em}}</style></head><body>
<h1>{html.escape(title)}</h1>
<p>Leave-one-mission-out over {len(result.missions)} UN missions with a monthly series: each is forecast from
what was known at its authorization by a model fitted on the others, and scored on its months 1–24.
CRPS is a share of the mission's initial ceiling (lower is better). Runs per forecast: {result.runs:,};
seed {result.seed}.</p>
<p class="scores">80% interval coverage: <strong>{result.coverage80:.0%}</strong> (goal 70–90%) ·
CRPS <strong>{result.crps:.3f}</strong> · climatology {result.crps_climatology:.3f}
({result.crps / result.crps_climatology:.2f}×) · plan baseline {result.crps_plan:.3f}
({result.crps / result.crps_plan:.2f}×) · hindsight {result.crps_hindsight:.3f}
({result.crps_hindsight / result.crps_climatology:.2f}× climatology)</p>
<p>How far this can go: <em>hindsight</em> picks, after seeing what the held-out mission did, the one other
mission's curve closest to it. It is not a forecast (nobody knows at authorization which curve that will be),
yet it scores {result.crps_hindsight / result.crps_climatology:.2f}× climatology. {html.escape(worst[1].name)}
alone makes {worst[0]:.0%} of the pooled CRPS: its ceiling was raised after authorization, and scores are
shares of the initial ceiling.</p>
<table><thead><tr><th>mission</th><th>coverage 80%</th><th>CRPS</th><th>climatology</th><th>plan</th>
<th>hindsight</th><th>share of pooled CRPS</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2>Forecast fans against what happened</h2>{charts}
<p>The plan baseline is the usual official promise: the full ceiling at three months. Climatology is the
unconditional historical curves: the other missions' curves, equally weighted, counted from authorization.
The forecast re-aligns past re-hatted missions on the held-out mission's transfer of authority, which its
resolution set. Data: IPI Providing for Peacekeeping monthly strengths; authorizations in
missions.csv with their sources.</p>
</body></html>"""
