# Command line: python3 -m cmhsim_analysis RESULTS.h5 -o DIR (what `cmhsim report` runs), or
# `remeasure ...`. Knows arguments and exit codes; the work is done by report.py and remeasure.py.
"""Entry point: writes the figures and report.html for one results file, or, with the subcommand
`remeasure`, re-measures the model values of docs/calibration.md (remeasure.py)."""

import argparse
import sys

import matplotlib

from . import remeasure
from .report import build_report
from .results import ResultsError

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def main(argv=None):
    """Parses arguments, builds the report (or re-measures) and returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["remeasure"]:
        return remeasure.main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="cmhsim report",
        description="Write figures (PNG 300 dpi and SVG) and a self-contained report.html from a "
                    "cmhsim run, comparison, sweep or calibration results file.")
    parser.add_argument("results", help="HDF5 results file written by cmhsim run, compare, sweep or calibrate")
    parser.add_argument("-o", "--output", required=True, help="directory for the report (created)")
    parser.add_argument("--dpi", type=int, default=300, help="PNG resolution (default 300)")
    args = parser.parse_args(argv)
    # Files only, never a window: chosen here rather than at import so that notebooks and other
    # programs importing the package keep their own backend.
    matplotlib.use("Agg")
    try:
        report = build_report(args.results, args.output, dpi=args.dpi)
    except ResultsError as e:
        print(f"cmhsim report: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as e:
        print(f"cmhsim report: cannot write the report: {e}", file=sys.stderr)
        return EXIT_FAILURE
    for fig in report.figures:
        print(f"wrote {fig.png}\nwrote {fig.svg}")
    print(f"wrote {report.html}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
