# cmhsim_analysis: figures and an HTML report from cmhsim's HDF5 results files.
# Reads files only through the documented schema (docs/results-schema.md); knows nothing of the C++ code.
"""Figures and a self-contained HTML report from cmhsim results files."""

__version__ = "0.1.0"

from .results import (  # noqa: F401
    SUPPORTED_SCHEMA_VERSIONS,
    Comparison,
    ResultsError,
    Run,
    Sweep,
    open_results,
)
from .prcc import prcc  # noqa: F401
