"""The check must be able to fail: each format's output of the shop example is broken the same way
(every target group's port made 0) before it is applied next to a correct rendering (api, or cfn
for api), and the case must then report a failure that names that format. Prints one line per broken format; exit 0 when every break was caught."""
import glob
import json
import os
import re

EXAMPLE = "examples/k8s/shop"


def break_target_group_ports(fmt, out):
    """Sets every target group's port to 0 in the output of `fmt` written to `out`; the count."""
    changed = 0
    for path in glob.glob(os.path.join(out, "**", "*"), recursive=True):
        if not os.path.isfile(path):
            continue
        text = open(path).read()
        if fmt == "terraform":
            text, n = re.subn(r'(resource "aws_lb_target_group" "[^"]+" \{\n(?:  .*\n)*?  port\s+= )\d+', r"\g<1>0", text)
        elif fmt == "cfn":
            text, n = re.subn(r"(Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties:\n(?:      .*\n)*?      Port: )\d+",
                              r"\g<1>0", text)
        elif fmt == "api":
            calls = json.loads(text)
            n = 0
            for call in calls:
                if call["api"] == "elbv2:CreateTargetGroup":
                    call["input"]["Port"] = 0
                    n += 1
            text = json.dumps(calls)
        else:
            n = 0
        if n:
            with open(path, "w") as f:
                f.write(text)
            changed += n
    return changed


def run(worker):
    from server import MotoServer
    caught = 0
    broken = ["terraform", "cfn", "api"]
    with MotoServer(os.path.join(worker.work, "moto.log")) as moto:
        worker.moto = moto
        os.makedirs(os.path.join(worker.work, "out"), exist_ok=True)
        for fmt in broken:
            counts = []
            reference = "cfn" if fmt == "api" else "api"  # a correct rendering to differ from
            result = worker.case(EXAMPLE, EXAMPLE, "FARGATE", formats=[fmt, reference],
                                 mutate=lambda f, out: counts.append(break_target_group_ports(f, out)) if f == fmt else None)
            named = [label for label, _ in result.failures if fmt in label]
            ok = counts and counts[0] > 0 and named
            caught += 1 if ok else 0
            print("self-test: %s with %s target group port(s) made 0: %s" % (
                fmt, counts[0] if counts else 0, "caught (%s)" % named[0] if ok else "NOT CAUGHT"))
    print("self-test: %d of %d broken outputs caught" % (caught, len(broken)))
    return 0 if caught == len(broken) else 1
