# Unit tests of the format check on a small synthetic tree: it names exactly the unformatted files.
# The real tree is checked by the conventions_format test (label "format").
import os
import shutil

import pytest

import check_format

SOURCE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLANG_FORMAT = shutil.which("clang-format")


def make_tree(root, files):
    shutil.copy(os.path.join(SOURCE_DIR, ".clang-format"), root / ".clang-format")
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)


def test_only_cpp_and_hpp_files_under_sim_tests_and_bench_are_checked(tmp_path):
    make_tree(tmp_path, {"sim/a/x.cpp": "", "sim/a/x.hpp": "", "tests/t.cpp": "", "bench/b.cpp": "",
                         "sim/a/notes.md": "", "analysis/y.cpp": "", "sim/a/z.h": ""})
    assert check_format.cxx_files(str(tmp_path)) == [
        "bench/b.cpp", "sim/a/x.cpp", "sim/a/x.hpp", "tests/t.cpp"]


@pytest.mark.skipif(CLANG_FORMAT is None, reason="needs clang-format")
def test_unformatted_files_are_named_and_fail_the_check(tmp_path, capsys):
    good = "int f(int x) { return x + 1; }\n"
    bad = "int  f( int x ){return x+1;}\n"
    make_tree(tmp_path, {"sim/good.cpp": good, "sim/bad.cpp": bad, "tests/bad_test.hpp": bad})
    files = check_format.cxx_files(str(tmp_path))
    assert check_format.unformatted(CLANG_FORMAT, str(tmp_path), files) == [
        "sim/bad.cpp", "tests/bad_test.hpp"]
    assert check_format.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "not formatted: sim/bad.cpp" in out and "2 of 3 files would change" in out
    (tmp_path / "sim/bad.cpp").write_text(good)
    (tmp_path / "tests/bad_test.hpp").write_text(good)
    assert check_format.main([str(tmp_path)]) == 0
    # The check never changes a file.
    assert (tmp_path / "sim/good.cpp").read_text() == good


def test_a_missing_clang_format_fails_clearly(tmp_path, capsys, monkeypatch):
    make_tree(tmp_path, {"sim/good.cpp": "int x;\n"})
    monkeypatch.setenv("PATH", str(tmp_path))
    assert check_format.main([str(tmp_path), "--clang-format", str(tmp_path / "none")]) == 1
    assert "clang-format not found" in capsys.readouterr().err
