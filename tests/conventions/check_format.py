# Checks that every C++ file under sim/, tests/ and bench/ is formatted by the repository's
# .clang-format. Runs clang-format without changing any file; knows nothing of the code itself.
"""Lists the C++ files that `clang-format` would change; exits 1 if there are any.

Run as `python3 check_format.py SOURCE_DIR [--clang-format PATH]`. To format them:
`clang-format -i FILE...` from the source directory (it reads .clang-format there).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

FOLDERS = ("sim", "tests", "bench")
EXTENSIONS = (".cpp", ".hpp")
_VIOLATION = re.compile(r"^(.+?):\d+:\d+: (?:error|warning): code should be clang-formatted",
                        re.MULTILINE)


def cxx_files(source_dir):
    """Returns the C++ files under the checked folders, relative to source_dir, sorted."""
    out = []
    for folder in FOLDERS:
        for root, _, files in os.walk(os.path.join(source_dir, folder)):
            out += [os.path.relpath(os.path.join(root, f), source_dir)
                    for f in files if f.endswith(EXTENSIONS)]
    return sorted(out)


def unformatted(clang_format, source_dir, files):
    """Returns the files among `files` that clang-format would change."""
    bad = set()
    for start in range(0, len(files), 200):
        chunk = files[start : start + 200]
        result = subprocess.run([clang_format, "--dry-run", "--Werror", "--style=file", *chunk],
                                cwd=source_dir, capture_output=True, text=True)
        found = set(_VIOLATION.findall(result.stderr))
        if result.returncode != 0 and not found:
            raise RuntimeError(f"{clang_format} failed:\n{result.stderr}")
        bad |= found
    return sorted(bad)


def main(argv=None):
    """Checks the tree and returns 0 if every file is formatted, 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source_dir")
    parser.add_argument("--clang-format", default="",
                        help="the clang-format executable (default: clang-format on the PATH)")
    args = parser.parse_args(argv)
    exe = args.clang_format if os.path.isfile(args.clang_format) else shutil.which("clang-format")
    if not exe:
        print("check_format: clang-format not found; install it (Debian: apt-get install "
              "clang-format, as .ci/deps.sh does) and configure again", file=sys.stderr)
        return 1
    source_dir = os.path.abspath(args.source_dir)
    if not os.path.isfile(os.path.join(source_dir, ".clang-format")):
        print(f"check_format: no .clang-format in {source_dir}", file=sys.stderr)
        return 1
    files = cxx_files(source_dir)
    bad = unformatted(exe, source_dir, files)
    for f in bad:
        print(f"not formatted: {f}")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"check_format: {len(bad)} of {len(files)} files would change ({version})")
    if bad:
        print("check_format: format them with `clang-format -i FILE...` from the source directory",
              file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
