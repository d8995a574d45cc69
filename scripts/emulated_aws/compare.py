"""How the accounts a case's formats leave are checked: each against the json documents (every field
they set, as describe-* returns it), and the three renderings of one plan (terraform, cfn, api)
against each other."""
import copy
import glob
import json
import os

import snapshot

def contains(expected, actual, path=""):
    """The places where `actual` (from the account) lacks or differs from what `expected` sets."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return ["%s: %r on AWS, expected an object" % (path or "/", actual)]
        out = []
        for k, v in expected.items():
            if v in (None, [], {}):
                continue
            out += contains(v, actual.get(k), path + "/" + k) if k in actual else ["%s/%s: missing on AWS" % (path, k)]
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return ["%s: %r on AWS, expected %r" % (path, actual, expected)]
        return [d for e, a in zip(expected, actual) for d in contains(e, a, path)]
    return [] if expected == actual else ["%s: %r on AWS, expected %r" % (path, actual, expected)]


# Fields moto 5.2 does not keep, so describe-* cannot return them (checked by the schema validators
# only): ECS services' deploymentConfiguration.
MOTO_DROPS = {"service": {"deploymentConfiguration"}, "taskDefinition": set()}


# What moto 5.2's CloudFormation keeps of an ECS resource (moto/ecs/models.py
# create_from_cloudformation_json); the rest of a cfn apply is compared as for the other formats.
MOTO_CFN_KEEPS = {"task-definitions": {"family", "containerDefinitions", "volumes", "memory"},
                  "services": {"serviceName", "desiredCount", "taskDefinition"}}


def as_cfn_on_moto(snap):
    """A snapshot reduced to what a cfn apply on moto can show."""
    out = copy.deepcopy(snap)
    for section, keep in MOTO_CFN_KEEPS.items():
        out[section] = {name: {k: v for k, v in entry.items() if k in keep} for name, entry in out[section].items()}
    for td in out["task-definitions"].values():
        td["volumes"] = cfn_volumes(td.get("volumes", []))
    return out


def cfn_volumes(volumes):
    """Volumes as moto's CloudFormation keeps them: it respells property names by lowercasing their
    first letter, so EFSVolumeConfiguration is lost (eFSVolumeConfiguration); compared without it."""
    return [{k: v for k, v in vol.items() if k != "efsVolumeConfiguration"} for vol in volumes]


def without_log_group_creation(doc):
    """The json output lets the awslogs driver create its group (awslogs-create-group); the other
    formats create the group themselves and leave the option out."""
    for c in doc["taskDefinition"].get("containerDefinitions", []):
        (c.get("logConfiguration") or {}).get("options", {}).pop("awslogs-create-group", None)
    return doc


def check_against_json(json_dir, json_symbols, snap, fmt):
    """The json documents' task definitions and services, field by field, in the account."""
    problems = []
    for path in sorted(glob.glob(os.path.join(json_dir, "*.json"))):
        doc = json.load(open(path))
        if "taskDefinition" not in doc:  # a Job's document is the task definition alone
            doc = {"taskDefinition": doc}
        snapshot.task_definition_defaults(doc["taskDefinition"])
        doc = snapshot.symbolic(snapshot.clean(doc), json_symbols)
        if fmt != "json":
            doc = without_log_group_creation(doc)
        if fmt == "cfn":
            doc["taskDefinition"] = {k: v for k, v in doc["taskDefinition"].items() if k in MOTO_CFN_KEEPS["task-definitions"]}
            doc["taskDefinition"]["volumes"] = cfn_volumes(doc["taskDefinition"].get("volumes", []))
            doc["service"] = {k: v for k, v in doc.get("service", {}).items() if k in MOTO_CFN_KEEPS["services"]}
        td = {k: v for k, v in doc["taskDefinition"].items() if k not in MOTO_DROPS["taskDefinition"]}
        problems += ["task definition %s%s" % (td["family"], d) for d in contains(td, snap["task-definitions"].get(td["family"], {}))]
        svc = {k: v for k, v in doc.get("service", {}).items() if k not in MOTO_DROPS["service"]}
        if svc:
            problems += ["service %s%s" % (svc["serviceName"], d) for d in contains(svc, snap["services"].get(svc["serviceName"], {}))]
    return problems


def differences(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            out += differences(a.get(k), b.get(k), path + "/" + k)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, "%s/%d" % (path, i))]
    return [] if a == b else ["%s: %s vs %s" % (path, json.dumps(a, default=str)[:200], json.dumps(b, default=str)[:200])]


def plan_differences(snaps):
    """[(label, differences)] between the plan renderings: terraform and cfn each against api (cfn
    only in what moto's CloudFormation keeps); cfn against terraform when api did not apply."""
    out = []
    for a, b in (("terraform", "api"), ("cfn", "api"), ("cfn", "terraform")):
        if a not in snaps or b not in snaps or (a, b) == ("cfn", "terraform") and "api" in snaps:
            continue
        left, right = (as_cfn_on_moto(snaps[a]), as_cfn_on_moto(snaps[b])) if a == "cfn" else (snaps[a], snaps[b])
        diff = differences(left, right)
        if diff:
            out.append(("%s vs %s" % (a, b), diff))
    return out
