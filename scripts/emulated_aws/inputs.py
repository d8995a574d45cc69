"""The inputs of the emulated-AWS check, and their copies with the user's account ids replaced."""
import glob
import os
import re
import shutil


def named_ids(source, prefix):
    """The ids of the user's account (sg-..., subnet-...) an input names, in order."""
    found = []
    for path in input_files(source):
        for m in re.finditer(r"\b%s-[0-9a-f]{8,17}\b" % prefix, open(path, errors="replace").read()):
            if m.group(0) not in found:
                found.append(m.group(0))
    return found


def input_files(source):
    if os.path.isfile(source):
        return [source]
    return sorted(os.path.join(d, f) for d, _, files in os.walk(source) for f in files)


def rewrite_ids(source, account, into):
    """A copy of the input in which the security groups and subnets of the user's account are the
    emulated account's (an id cannot be chosen in moto); the input itself when it names none."""
    mapping = dict(account.named_groups)
    for i, subnet in enumerate(named_ids(source, "subnet")):
        mapping[subnet] = account.subnets[i % len(account.subnets)]
    if not mapping:
        return source
    target = os.path.join(into, os.path.basename(source.rstrip("/")))
    shutil.rmtree(target, ignore_errors=True)
    for path in input_files(source):
        rel = os.path.relpath(path, source) if os.path.isdir(source) else os.path.basename(path)
        dest = os.path.join(target, rel) if os.path.isdir(source) else target
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        text = open(path, errors="replace").read()
        for old, new in mapping.items():
            text = re.sub(r"\b%s\b" % re.escape(old), new, text)
        with open(dest, "w") as f:
            f.write(text)
    return target


def listed(corpus, only, examples=True):
    """(label, path): the bundled examples/k8s/*/ folders, then each file of `corpus`."""
    found = [("examples/k8s/" + os.path.basename(d.rstrip("/")), d) for d in sorted(glob.glob("examples/k8s/*/"))] if examples else []
    if corpus:
        found += [(f, f) for f in sorted(glob.glob(os.path.join(corpus, "*"))) if os.path.isfile(f)]
    if only:  # comma-separated parts of labels
        found = [(label, src) for label, src in found if any(part in label for part in only.split(","))]
    return found


