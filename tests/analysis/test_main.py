# Unit tests of the command-line entry: it draws to files with the Agg backend, while importing the
# package leaves the caller's backend alone. Runs Python in a child process to see a fresh state.
import os
import subprocess
import sys

from conftest import SOURCE_DIR, write_run

SCRIPT = """
import sys
import matplotlib
matplotlib.use("svg")
import cmhsim_analysis, cmhsim_analysis.report, cmhsim_analysis.palette
print(matplotlib.get_backend())
from cmhsim_analysis.__main__ import main
code = main([sys.argv[1], "-o", sys.argv[2], "--dpi", "40"])
print(code, matplotlib.get_backend())
"""


def test_importing_keeps_the_backend_and_the_command_line_uses_agg(tmp_path):
    path = tmp_path / "run.h5"
    write_run(path)
    env = dict(os.environ, PYTHONPATH=os.path.join(SOURCE_DIR, "analysis"),
               PYTHONDONTWRITEBYTECODE="1")
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(path), str(tmp_path / "report")],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[0] == "svg"
    assert out.splitlines()[-1] == "0 agg"
    assert (tmp_path / "report" / "report.html").is_file()
