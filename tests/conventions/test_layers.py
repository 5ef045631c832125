# Unit tests of the layering check on small synthetic sim/ trees: each rule catches its violation.
# The real tree is checked by the conventions_layers test; these show the check can fail.
import os
import shutil
import subprocess

import pytest

import layers

SOURCE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

CMAKE = {
    "engine": "add_library(sim_engine a.cpp)\n",
    "model": "add_library(sim_model a.cpp)\ntarget_link_libraries(sim_model PUBLIC sim_engine)\n",
    "scenario": "add_library(sim_scenario a.cpp)\n"
                "target_link_libraries(sim_scenario PUBLIC sim_engine yaml-cpp)\n",
    "experiment": "add_library(sim_experiment a.cpp)\nadd_library(cmhsim::experiment ALIAS "
                  "sim_experiment)\ntarget_link_libraries(sim_experiment PUBLIC sim_model "
                  "PRIVATE TBB::tbb)\n",
    "io": "add_library(sim_io a.cpp)\n",
    "cli": "add_library(sim_cli a.cpp)\n"
           "target_link_libraries(sim_cli PUBLIC cmhsim::experiment sim_scenario sim_io)\n",
}


def make_tree(root, files, cmake=None):
    """Writes sim/<folder>/CMakeLists.txt for every folder and the given {path: text} files."""
    sim = root / "sim"
    for folder, text in (CMAKE if cmake is None else cmake).items():
        (sim / folder).mkdir(parents=True, exist_ok=True)
        (sim / folder / "CMakeLists.txt").write_text(text)
    for path, text in files.items():
        (sim / path).parent.mkdir(parents=True, exist_ok=True)
        (sim / path).write_text(text)
    return str(sim)


GOOD = {
    "engine/clock.hpp": "#pragma once\n#include <cstdint>\n",
    "model/pathway_types.hpp": "#pragma once\n",
    "model/pathway_config.hpp": '#include "engine/clock.hpp"\n#include "model/pathway_types.hpp"\n',
    "model/network_config.hpp": '#include "engine/clock.hpp"\n',
    "model/pathway_model.hpp": '#include "model/pathway_config.hpp"\n',
    "scenario/scenario.hpp": '#include "model/pathway_config.hpp"\n#include "engine/clock.hpp"\n',
    "experiment/runner.hpp": '#include "model/pathway_model.hpp"\n',
    "experiment/run_results.hpp": "#pragma once\n",
    "io/writer.hpp": '#include "experiment/run_results.hpp"\n#include "local.hpp"\n',
    "io/local.hpp": "#pragma once\n",
    "cli/main.cpp": '#include "experiment/runner.hpp"\n#include "io/writer.hpp"\n'
                    '#include "scenario/scenario.hpp"\n',
}


def problems(sim):
    return layers.check_includes(sim) + layers.check_links(sim)


def test_a_tree_that_follows_the_rules_passes(tmp_path):
    assert problems(make_tree(tmp_path, GOOD)) == []


def test_the_real_tree_follows_the_rules():
    sim = os.path.join(SOURCE_DIR, "sim")
    assert problems(sim) == []
    graph, _ = layers.include_graph(sim)
    assert {"engine", "model", "scenario", "experiment", "io", "cli"} <= set(graph)
    assert graph["engine"] == []
    assert any(o == "engine" for _, o, _ in graph["model"])


def test_engine_including_the_model_fails(tmp_path):
    files = dict(GOOD, **{"engine/clock.hpp": '#include "model/pathway_types.hpp"\n'})
    found = problems(make_tree(tmp_path, files))
    assert any('sim/engine/clock.hpp: #include "model/pathway_types.hpp": engine/ may not '
               "include from model/" in p for p in found)


def test_scenario_including_the_model_implementation_fails(tmp_path):
    files = dict(GOOD, **{"scenario/loader.cpp": '#include "model/pathway_model.hpp"\n'})
    found = problems(make_tree(tmp_path, files))
    assert len(found) == 1
    assert "scenario/ may include from model/ only model/network_config.hpp" in found[0]


def test_experiment_including_scenario_fails(tmp_path):
    files = dict(GOOD, **{"experiment/runner.cpp": '#include "scenario/scenario.hpp"\n'})
    found = problems(make_tree(tmp_path, files))
    assert len(found) == 2
    assert "experiment/ may not include from scenario/" in found[0]
    # It also does not link sim_scenario.
    assert "sim_experiment includes from scenario/" in found[1]


def test_io_including_the_runner_fails(tmp_path):
    files = dict(GOOD, **{"io/writer.cpp": '#include "experiment/runner.hpp"\n'})
    found = problems(make_tree(tmp_path, files))
    assert found == ['sim/io/writer.cpp: #include "experiment/runner.hpp": io/ may include from '
                     "experiment/ only experiment/calibration_results.hpp, "
                     "experiment/comparison.hpp, experiment/parameter_sets.hpp, "
                     "experiment/point_store.hpp, "
                     "experiment/results_encoding.hpp, experiment/run_results.hpp"]


def test_a_config_header_that_pulls_in_more_of_the_model_fails(tmp_path):
    files = dict(GOOD, **{"model/network_config.hpp": '#include "model/pathway_model.hpp"\n'})
    found = problems(make_tree(tmp_path, files))
    assert found == ['sim/model/network_config.hpp: #include "model/pathway_model.hpp" is not on '
                     "the list of model/ headers scenario/ may see; list it or drop it"]


def test_a_folder_without_a_rule_fails(tmp_path):
    cmake = dict(CMAKE, report="add_library(sim_report a.cpp)\n")
    files = dict(GOOD, **{"report/page.cpp": '#include "io/writer.hpp"\n'})
    found = problems(make_tree(tmp_path, files, cmake))
    assert len(found) == 2
    assert "sim/report/: a folder with no layer rule" in found[0]
    assert "sim_report includes from io/" in found[1]


def test_serve_may_include_like_cli(tmp_path):
    cmake = dict(CMAKE, serve="add_library(sim_serve a.cpp)\n"
                              "target_link_libraries(sim_serve PUBLIC sim_cli)\n")
    files = dict(GOOD,
                 **{"serve/server.cpp": '#include "cli/main.cpp"\n#include "io/writer.hpp"\n'})
    assert layers.check_includes(make_tree(tmp_path, files, cmake)) == [
        'sim/serve/server.cpp: #include "cli/main.cpp": serve/ may not include from cli/ '
        "(it may include from: engine, experiment, io, model, scenario)"]


def test_an_include_of_a_missing_file_fails(tmp_path):
    files = dict(GOOD, **{"io/writer.hpp": '#include "nowhere.hpp"\n'})
    assert problems(make_tree(tmp_path, files)) == [
        'sim/io/writer.hpp: #include "nowhere.hpp" names no file under sim/']


def test_a_private_link_does_not_reach_further(tmp_path):
    cmake = dict(CMAKE, cli="add_library(sim_cli a.cpp)\ntarget_link_libraries(sim_cli PUBLIC "
                            "sim_experiment PRIVATE sim_scenario)\n",
                 experiment="add_library(sim_experiment a.cpp)\n"
                            "target_link_libraries(sim_experiment PRIVATE sim_model)\n")
    found = problems(make_tree(tmp_path, GOOD, cmake))
    # cli links experiment, whose private link to the model does not make the model usable, and
    # cli includes no model header; it does include io/ without linking sim_io.
    assert found == ["sim/cli/CMakeLists.txt: sim_cli includes from io/ (e.g. sim/cli/main.cpp) "
                     "but does not link sim_io (directly or through PUBLIC links)"]
    _, links = layers.link_graph(os.path.join(tmp_path, "sim"))
    reached = layers.linked("sim_cli", links)
    assert {"sim_experiment", "sim_scenario", "sim_engine"} <= reached
    assert "sim_model" not in reached


def _archive(tmp_path, name, code):
    src = tmp_path / f"{name}.cpp"
    src.write_text(code)
    obj = tmp_path / f"{name}.o"
    lib = tmp_path / f"lib{name}.a"
    subprocess.run(["c++", "-c", str(src), "-o", str(obj)], check=True)
    subprocess.run(["ar", "rcs", str(lib), str(obj)], check=True)
    return str(lib)


@pytest.mark.skipif(not (shutil.which("c++") and shutil.which("nm")), reason="needs c++ and nm")
def test_header_only_use_is_checked_against_the_libraries(tmp_path):
    sim = make_tree(tmp_path, GOOD)
    model = _archive(tmp_path, "model", "int model_code() { return 1; }\n")
    header_only = _archive(tmp_path, "scen1",
                           "inline int f() { return 2; }\nint g() { return f(); }\n")
    calls_model = _archive(tmp_path, "scen2",
                           "int model_code();\nint g() { return model_code(); }\n")
    pair = {("scenario", "model"): "config structs only"}
    assert layers.check_symbols(sim, {"scenario": header_only, "model": model}, pair) == []
    found = layers.check_symbols(sim, {"scenario": calls_model, "model": model}, pair)
    assert len(found) == 1
    assert found[0].startswith("sim_scenario uses code of model/ without linking sim_model "
                               "(1 symbols, e.g. _Z10model_codev)")
