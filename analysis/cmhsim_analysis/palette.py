# Colours, line styles, markers and hatches that stay distinguishable in greyscale and for
# colour-blind readers (Okabe-Ito colours, each paired with its own dash pattern and marker).
"""The report's palette and matplotlib style."""

import matplotlib

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision
# deficiencies. Ordered so that neighbours also differ in lightness when printed in grey.
OKABE_ITO = [
    "#000000",  # black
    "#E69F00",  # orange
    "#0072B2",  # blue
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
]
LINESTYLES = ["-", "--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)), (0, (8, 2)), (0, (1, 3)), (0, (3, 1))]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
HATCHES = ["", "///", "...", "xxx", "\\\\\\", "+++", "ooo", "---", "***"]
# Sequential colour map that is monotonic in lightness (reads in greyscale, colour-blind safe).
SEQUENTIAL_CMAP = "cividis"


def style(i):
    """Returns the colour, line style and marker of series i."""
    return {
        "color": OKABE_ITO[i % len(OKABE_ITO)],
        "linestyle": LINESTYLES[i % len(LINESTYLES)],
        "marker": MARKERS[i % len(MARKERS)],
    }


def hatch(i):
    """Returns the hatch pattern of bar segment i."""
    return HATCHES[i % len(HATCHES)]


def apply_rc():
    """Sets matplotlib defaults for publication figures with reproducible SVG output."""
    matplotlib.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 9,
            "axes.titlesize": 10,
            "axes.titleweight": "bold",
            "axes.labelsize": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#dddddd",
            "grid.linewidth": 0.6,
            "legend.fontsize": 8,
            "legend.frameon": False,
            "savefig.bbox": "tight",
            "svg.fonttype": "none",  # text stays text in SVG: searchable and editable
            "svg.hashsalt": "cmhsim",  # stable element ids, so the same data gives the same SVG
        }
    )
