#!/usr/bin/env python3
# Compares two cmhsim HDF5 results files bit for bit: every group, dataset and attribute, except
# the provenance attributes that name where, when and how the run happened. Exit 0 = identical.
import sys

import h5py
import numpy as np

# Provenance that legitimately differs between runs of the same sweep.
IGNORED_ATTRIBUTES = {"host", "started_utc", "finished_utc", "threads", "ranks", "wall_seconds"}


def comparable(value):
    """Returns a value's exact content: raw bytes for numbers, the strings themselves for text."""
    if isinstance(value, (str, bytes)):
        return value
    array = np.asarray(value)
    if array.dtype.kind in "OSU":
        return (array.shape, tuple(array.ravel().tolist()))
    return (str(array.dtype), array.shape, array.tobytes())


def attributes(obj):
    """Returns an object's attributes, without the ignored ones."""
    return {n: comparable(obj.attrs[n]) for n in obj.attrs if n not in IGNORED_ATTRIBUTES}


def collect(path):
    """Returns {object path: (kind, dtype, shape, data bytes, attributes)} for a whole file."""
    items = {}

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset):
            data = comparable(obj[()])
            items[name] = ("dataset", str(obj.dtype), obj.shape, data, attributes(obj))
        else:
            items[name] = ("group", None, None, None, attributes(obj))

    with h5py.File(path, "r") as f:
        items["/"] = ("group", None, None, None, attributes(f))
        f.visititems(visit)
    return items


def main():
    if len(sys.argv) != 3:
        print("usage: compare_sweeps.py A.h5 B.h5", file=sys.stderr)
        return 2
    a, b = collect(sys.argv[1]), collect(sys.argv[2])
    problems = []
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            problems.append(f"{name}: only in {'B' if name not in a else 'A'}")
            continue
        kind_a, dtype_a, shape_a, data_a, attrs_a = a[name]
        kind_b, dtype_b, shape_b, data_b, attrs_b = b[name]
        if (kind_a, dtype_a, shape_a) != (kind_b, dtype_b, shape_b):
            problems.append(f"{name}: {kind_a} {dtype_a} {shape_a} vs {kind_b} {dtype_b} {shape_b}")
        elif data_a != data_b:
            problems.append(f"{name}: data differ")
        for attr in sorted(set(attrs_a) | set(attrs_b)):
            if attrs_a.get(attr) != attrs_b.get(attr):
                problems.append(f"{name}: attribute {attr} differs")
    datasets = sum(1 for v in a.values() if v[0] == "dataset")
    if problems:
        print(f"{len(problems)} differences:", *problems[:50], sep="\n  ")
        return 1
    print(f"identical: {len(a)} objects, {datasets} datasets (ignoring {sorted(IGNORED_ATTRIBUTES)})")
    return 0 if datasets > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
