# Checks the layering of sim/: which folder may include which, and that each folder's CMake target
# links every folder it includes from. Reads source and CMake files only; knows no C++ semantics.
"""Layering and link-what-you-include checks for the folders under sim/.

Run as `python3 layers.py SOURCE_DIR [--archive FOLDER=LIBRARY ...]`; exits 1 and names every
offending include or missing link. With --archive, a folder that includes another folder's
headers without linking its target (allowed only for the pairs in HEADER_ONLY_USE) is also checked
with `nm`: its library must need no symbol that the other folder's library defines.
"""

import argparse
import os
import re
import subprocess
import sys

ALL = "*"

# Folders every folder may include from (besides itself): ALL for the whole folder, or the set of
# headers it may include. A folder missing here fails the check until its layer is decided.
_CLI_MAY_INCLUDE = {"engine": ALL, "model": ALL, "scenario": ALL, "experiment": ALL, "io": ALL}
MAY_INCLUDE = {
    "engine": {},
    "model": {"engine": ALL},
    # Scenario files are read into the model's plain configuration structs, nothing else of the
    # model: these headers and what they include from model/ (pathway_config.hpp includes
    # pathway_types.hpp; network_config.hpp includes no other model header).
    "scenario": {
        "engine": ALL,
        "model": {"model/pathway_config.hpp", "model/network_config.hpp",
                  "model/pathway_types.hpp"},
    },
    # The runner is handed typed model configuration; it never reads scenario files.
    "experiment": {"engine": ALL, "model": ALL},
    # Results files hold the experiment's results and the model's named outputs; io also
    # implements the experiment's interfaces for storing and encoding those results (sweep
    # checkpoints, the task farm's messages).
    "io": {
        "engine": ALL,
        "model": {"model/recorder.hpp", "model/service_metrics.hpp", "model/pathway_outputs.hpp",
                  "model/pathway_types.hpp"},
        "experiment": {"experiment/run_results.hpp", "experiment/comparison.hpp",
                       "experiment/parameter_sets.hpp", "experiment/calibration_results.hpp",
                       "experiment/point_store.hpp", "experiment/results_encoding.hpp"},
    },
    # The command line starts the what-if server; the server never includes the command line.
    "cli": dict(_CLI_MAY_INCLUDE, serve=ALL),
    "serve": _CLI_MAY_INCLUDE,
}

# Restricted header lists that must be closed: every header on the list includes, from its own
# folder, only headers on the list, so the folder sees no more of that layer through them.
CLOSED = {("scenario", "model")}

# Folder pairs (includer, included) where the includer uses only declarations and inline code of
# the included folder's headers and so does not link its target; verified with nm when the
# libraries are given.
HEADER_ONLY_USE = {
    ("scenario", "model"): "fills the plain model config structs; calls no model code",
    ("io", "engine"): "uses only engine/confidence.hpp (inline, Boost.Math)",
    ("io", "model"): "names outputs through plain tables and the Recorder interface",
    ("io", "experiment"): "reads and writes the plain result structs and parameter sets; runs nothing",
}

_INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.MULTILINE)
_SOURCE_EXT = (".hpp", ".h", ".cpp", ".cc")


def folders(sim_dir):
    """Returns the names of the folders under sim/, sorted."""
    return sorted(d for d in os.listdir(sim_dir) if os.path.isdir(os.path.join(sim_dir, d)))


def includes(path):
    """Returns the quoted includes of a source file, in order."""
    with open(path, encoding="utf-8") as fh:
        return _INCLUDE.findall(fh.read())


def _sources(folder_dir):
    for root, _, files in os.walk(folder_dir):
        for name in sorted(files):
            if name.endswith(_SOURCE_EXT):
                yield os.path.join(root, name)


def resolve(sim_dir, including_file, header):
    """Returns (folder, 'folder/header') of a quoted include, or None if it names no sim/ file."""
    first = header.split("/", 1)[0]
    if "/" in header and os.path.isdir(os.path.join(sim_dir, first)):
        return first, header
    local = os.path.normpath(os.path.join(os.path.dirname(including_file), header))
    if os.path.isfile(local):
        rel = os.path.relpath(local, sim_dir).replace(os.sep, "/")
        if not rel.startswith(".."):
            return rel.split("/", 1)[0], rel
    return None


def include_graph(sim_dir):
    """Returns {folder: [(file, included folder, 'folder/header')]} of cross-folder includes."""
    graph = {}
    problems = []
    for folder in folders(sim_dir):
        edges = graph.setdefault(folder, [])
        for path in _sources(os.path.join(sim_dir, folder)):
            rel = os.path.relpath(path, os.path.dirname(sim_dir))
            for header in includes(path):
                target = resolve(sim_dir, path, header)
                if target is None:
                    problems.append(f'{rel}: #include "{header}" names no file under sim/')
                elif target[0] != folder:
                    edges.append((rel, target[0], target[1]))
    return graph, problems


def check_includes(sim_dir, rules=None, closed=None):
    """Returns a message for every include that goes against the layer rules."""
    rules = MAY_INCLUDE if rules is None else rules
    closed = CLOSED if closed is None else closed
    graph, problems = include_graph(sim_dir)
    for folder, edges in graph.items():
        if folder not in rules:
            problems.append(f"sim/{folder}/: a folder with no layer rule; add it to MAY_INCLUDE in "
                            f"{os.path.relpath(__file__)}")
            continue
        for rel, other, header in edges:
            allowed = rules[folder].get(other)
            if allowed is None:
                problems.append(f'{rel}: #include "{header}": {folder}/ may not include from '
                                f"{other}/ (it may include from: "
                                f"{', '.join(sorted(rules[folder])) or 'nothing'})")
            elif allowed != ALL and header not in allowed:
                problems.append(f'{rel}: #include "{header}": {folder}/ may include from {other}/ '
                                f"only {', '.join(sorted(allowed))}")
    for folder, other in sorted(closed):
        for header in sorted(rules[folder][other]):
            path = os.path.join(sim_dir, header)
            if not os.path.isfile(path):
                problems.append(f"sim/{header}: listed for {folder}/ but missing")
                continue
            for inc in includes(path):
                target = resolve(sim_dir, path, inc)
                if target and target[0] == other and target[1] not in rules[folder][other]:
                    problems.append(f'sim/{header}: #include "{inc}" is not on the list of '
                                    f"{other}/ headers {folder}/ may see; list it or drop it")
    return problems


def _cmake_text(folder_dir):
    """Returns the folder's CMakeLists.txt and the .cmake files it includes, comments removed."""
    parts = []
    extra = sorted(n for n in os.listdir(folder_dir) if n.endswith(".cmake"))
    for name in ["CMakeLists.txt"] + extra:
        path = os.path.join(folder_dir, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as fh:
                parts.append(re.sub(r"#[^\n]*", "", fh.read()))
    return "\n".join(parts)


def link_graph(sim_dir):
    """Returns ({folder: target}, {target: [(linked target, visibility)]}) from sim/*/CMakeLists."""
    target_of, links, aliases = {}, {}, {}
    for folder in folders(sim_dir):
        text = _cmake_text(os.path.join(sim_dir, folder))
        for alias, real in re.findall(r"add_library\(\s*(\S+)\s+ALIAS\s+(\S+)\s*\)", text):
            aliases[alias] = real
        if re.search(rf"add_library\(\s*sim_{folder}\b", text):
            target_of[folder] = f"sim_{folder}"
        for args in re.findall(r"target_link_libraries\(([^)]*)\)", text):
            words = args.split()
            visibility = "PUBLIC"  # the plain signature propagates like PUBLIC
            for word in words[1:]:
                if word in ("PUBLIC", "PRIVATE", "INTERFACE"):
                    visibility = word
                else:
                    links.setdefault(words[0], []).append((word, visibility))
    for target in links:
        links[target] = [(aliases.get(t, t), v) for t, v in links[target]]
    return target_of, links


def linked(target, links):
    """Returns every target that target links directly or through its links' PUBLIC links."""
    seen = set()
    stack = [t for t, _ in links.get(target, [])]
    while stack:
        t = stack.pop()
        if t in seen:
            continue
        seen.add(t)
        stack.extend(u for u, v in links.get(t, []) if v in ("PUBLIC", "INTERFACE"))
    return seen


def check_links(sim_dir, header_only_use=None):
    """Returns a message for every folder whose target does not link a folder it includes from."""
    header_only_use = HEADER_ONLY_USE if header_only_use is None else header_only_use
    graph, _ = include_graph(sim_dir)
    target_of, links = link_graph(sim_dir)
    problems = []
    for folder, edges in graph.items():
        if folder not in target_of:
            problems.append(f"sim/{folder}/CMakeLists.txt: no target sim_{folder} (one per folder)")
            continue
        reached = linked(target_of[folder], links)
        for other in sorted({o for _, o, _ in edges}):
            if other not in target_of or target_of[other] in reached:
                continue
            if (folder, other) in header_only_use:
                continue
            first = next(rel for rel, o, _ in edges if o == other)
            problems.append(f"sim/{folder}/CMakeLists.txt: {target_of[folder]} includes from "
                            f"{other}/ (e.g. {first}) but does not link {target_of[other]} "
                            "(directly or through PUBLIC links)")
    return problems


def _nm(library, *flags):
    out = subprocess.run(["nm", "--format=posix", *flags, library], check=True,
                         capture_output=True, text=True).stdout
    return {line.split()[0] for line in out.splitlines()
            if line and not line.endswith(":") and len(line.split()) >= 2}


def check_symbols(sim_dir, archives, header_only_use=None):
    """Returns a message for every header-only pair whose includer needs the other's symbols."""
    header_only_use = HEADER_ONLY_USE if header_only_use is None else header_only_use
    target_of, links = link_graph(sim_dir)
    problems = []
    for folder, other in sorted(header_only_use):
        if folder not in archives or other not in archives:
            problems.append(f"no library given for {folder}/ or {other}/ (--archive FOLDER=PATH)")
            continue
        if target_of.get(other) in linked(target_of.get(folder), links):
            continue
        own = _nm(archives[folder], "--defined-only")
        needed = _nm(archives[folder], "--undefined-only") - own
        used = sorted(needed & _nm(archives[other], "--defined-only", "--extern-only"))
        if used:
            problems.append(f"{target_of[folder]} uses code of {other}/ without linking "
                            f"{target_of[other]} ({len(used)} symbols, e.g. {used[0]}); link it "
                            "in sim/" + folder + "/CMakeLists.txt and drop the pair from "
                            "HEADER_ONLY_USE")
    return problems


def main(argv=None):
    """Runs every check and returns 0 if the tree follows the rules, 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source_dir")
    parser.add_argument("--archive", action="append", default=[], metavar="FOLDER=LIBRARY")
    args = parser.parse_args(argv)
    sim_dir = os.path.join(os.path.abspath(args.source_dir), "sim")
    archives = dict(a.split("=", 1) for a in args.archive)
    missing = [p for p in archives.values() if not os.path.isfile(p)]
    if missing:
        print(f"layers: library not built: {missing[0]}", file=sys.stderr)
        return 1
    problems = check_includes(sim_dir) + check_links(sim_dir)
    if archives:
        problems += check_symbols(sim_dir, archives)
    for p in problems:
        print(p, file=sys.stderr)
    graph, _ = include_graph(sim_dir)
    print(f"layers: {sum(len(e) for e in graph.values())} cross-folder includes in "
          f"{len(graph)} folders checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
