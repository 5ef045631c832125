# Saving figures as PNG and SVG with a caption inside the image, and their metadata.
# Knows matplotlib and files; nothing of results or HTML.
"""Writing one figure as PNG (300 dpi) and SVG with its caption."""

import os
import textwrap
from dataclasses import dataclass

import matplotlib.pyplot as plt


@dataclass
class FigureFile:
    """A written figure: its short name, title, caption and file paths."""

    stem: str
    title: str
    caption: str
    png: str
    svg: str


def save(fig, out_dir, stem, title, caption, dpi=300):
    """Writes fig as OUT_DIR/STEM.png and .svg with the title on top and caption below; closes it."""
    fig.suptitle(title, fontsize=12, fontweight="bold", x=0.01, ha="left")
    width_in = fig.get_size_inches()[0]
    wrapped = textwrap.fill(caption, width=max(60, int(width_in * 15)))
    fig.text(0.01, 0.0, wrapped, ha="left", va="top", fontsize=8, color="#333333")
    os.makedirs(out_dir, exist_ok=True)
    png = os.path.join(out_dir, stem + ".png")
    svg = os.path.join(out_dir, stem + ".svg")
    # No timestamps or software versions in the files: the same results give the same bytes.
    fig.savefig(png, dpi=dpi, metadata={"Software": None}, bbox_inches="tight", pad_inches=0.15)
    fig.savefig(svg, metadata={"Date": None, "Creator": None}, bbox_inches="tight", pad_inches=0.15)
    plt.close(fig)
    return FigureFile(stem=stem, title=title, caption=caption, png=png, svg=svg)


def band_caption(replications):
    """Returns the sentence that says what shaded bands mean."""
    return (f"Lines are means and shaded bands are 95% confidence intervals (Student t) of the "
            f"mean over {replications} replications.")
