"""The chart, `bench/results/ratios.png`: every target's requests/s as a ratio to (a), the
bare Django view, and to (b), Wagtail's API v2, by data size, with the goals drawn in.
"""

from bench import common
from bench.targets import TARGETS


def write_chart(runs):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator

    sizes = [run["size"] for run in runs]
    x = list(range(len(sizes)))
    figure, (left, right) = plt.subplots(1, 2, figsize=(13, 6.5))
    colors = plt.get_cmap("tab10").colors
    markers = "osD^v<>ph"
    for n, target in enumerate(TARGETS):
        if target.key == "hello":
            continue
        style = {"marker": markers[n % len(markers)], "color": colors[n % len(colors)]}
        values = [run["summary"][target.key]["ratio_a"] for run in runs]
        left.plot(x, values, label=target.label, **style)
        if target.reference:
            values = [run["summary"][target.key]["ratio_b"] for run in runs]
            right.plot(x, values, **style)
    for axis, level, text, style, above in (
        (left, 0.9, "goal: 304 ≥ 0.9", ":", True),
        (left, 0.8, "goal: cached detail ≥ 0.8", "--", False),
        (right, 5, "goal: cold detail ≥ 5", "--", True),
        (right, 2, "goal: list ≥ 2", ":", True),
        (right, 1, "as fast as Wagtail API v2", "-", True),
    ):
        axis.axhline(level, color="grey", linestyle=style, linewidth=1)
        axis.annotate(
            text,
            (0, level),
            xytext=(4, 3 if above else -3),
            textcoords="offset points",
            va="bottom" if above else "top",
            fontsize=8,
            color="dimgrey",
        )
    for axis, title in (
        (left, "requests/s ÷ (a) bare Django view (1 = the ceiling)"),
        (right, "requests/s ÷ (b) Wagtail API v2, same pages and fields"),
    ):
        axis.set_yscale("log")
        axis.yaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))
        axis.yaxis.set_minor_locator(LogLocator(subs="all"))
        axis.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        axis.yaxis.set_minor_formatter(FuncFormatter(lambda value, _: ""))
        axis.set_xticks(x, [f"{s:,}" for s in sizes])
        axis.set_xlim(-0.3, len(sizes) - 0.7)
        axis.set_xlabel("articles in the database")
        axis.set_title(title, fontsize=11)
        axis.grid(True, which="major", axis="y", alpha=0.3)
    figure.legend(loc="lower center", ncol=2, fontsize=9, frameon=False)
    figure.suptitle("Patient education API and portal: throughput ratios by data size")
    figure.tight_layout(rect=(0, 0.14, 1, 1))
    path = common.RESULTS / "ratios.png"
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
