#!/usr/bin/env python3
"""Applies specconv's Kubernetes -> ECS outputs to an emulated AWS account (moto) and checks them.

For every input (the bundled examples/k8s/*/ and, given, each file of a corpus folder) and launch
type, each format (terraform, cfn, api, json) is converted with the same flags and applied to a
freshly reset account (apply.py), then checked (compare.py): every account holds the values of
the json documents, and terraform, cfn and api leave the same account. Cases run on --jobs
workers, each with its own moto server (the Terraform provider waits 30 s twice per load
balancer: the time is waiting, not CPU). Prints the failures, in input order, and ends with
"N applied, M failed"; exit 1 when anything failed. An input specconv rejects (exit 1 with an
error line) is counted as rejected. Skips, saying what is missing, where the tools are absent.
  main.py --bin build/specconv [--corpus DIR] [--only TEXT] [--launch-types FARGATE,EC2] [--jobs N] [--verbose]
  main.py --bin build/specconv --self-test     (a broken output must be caught: self_test.py)"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from queue import Empty, Queue

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import apply  # noqa: E402
import compare  # noqa: E402
import inputs  # noqa: E402
import snapshot  # noqa: E402
from server import MotoServer  # noqa: E402

REGION = "us-east-1"
ACCOUNT_ID = "123456789012"  # moto's account
FORMATS = ["terraform", "cfn", "api", "json"]
MIRROR = "/opt/tf-plugins"


def missing_tools():
    missing = [t for t in ("moto_server", "terraform", "cfn-lint") if shutil.which(t) is None]
    try:
        import boto3  # noqa: F401
        import moto  # noqa: F401
        import yaml  # noqa: F401
    except ImportError:
        missing.append("python modules boto3, moto and yaml")
    if not os.path.isdir(MIRROR):
        missing.append("the Terraform provider mirror " + MIRROR)
    return missing


def convert(binary, source, fmt, launch, account, out):
    """specconv to-ecs of one input; (exit code, stderr)."""
    args = [binary, "to-ecs", "-q", "--format", fmt, "--launch-type", launch, "--region", REGION, "--account-id",
            ACCOUNT_ID, "--configmaps", "ssm", "--subnets"] + account.subnets + [
        "--security-groups", account.security_group, "--execution-role-arn", account.execution_role, "-o", out, source]
    p = subprocess.run(args, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stderr


class Formats:
    """The formats a case applies: all of `names`, terraform only on `terraform_launch_types`."""

    def __init__(self, names, terraform_launch_types):
        self.names = names
        self.terraform_launch_types = terraform_launch_types

    def on(self, launch):
        return [f for f in self.names if f != "terraform" or launch in self.terraform_launch_types]


class Outcome:
    """What one case (an input on a launch type) gave."""

    def __init__(self):
        self.applied = self.rejected = self.empty = 0
        self.failures = []  # (label, message)
        self.seconds = {}   # format -> seconds applying
        self.templates = []  # (label, path) of the cfn templates applied, for one cfn-lint run

    def fail(self, label, message):
        self.failures.append((label, message))


class Worker:
    """One moto server and the cases given to it, one after the other."""

    def __init__(self, binary, work, verbose=False, formats=Formats(FORMATS, ["FARGATE", "EC2"])):
        import boto3
        self.verbose = verbose
        self.formats = formats
        self.binary = binary
        self.work = work
        self.session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing")
        self.moto = None
        self.made = 0

    def fresh_account(self, named_groups):
        """A reset account, seeded the same way each time, with one security group for each the
        input names (an id of the user's account: inputs.rewrite_ids)."""
        self.moto.reset()
        self.moto.seed_ids(20261205)
        account = apply.Account(self.session, self.moto.endpoint, REGION, ACCOUNT_ID)
        apply.seed(account)
        account.named_groups = apply.seed_groups(account, named_groups)
        return account

    def apply_one(self, fmt, out, account):
        """(problem or None, snapshot sections not comparable for this format)."""
        try:
            if fmt == "terraform":
                return apply.apply_terraform(out, account, self.work, MIRROR), []
            if fmt == "cfn":
                return apply.apply_cfn(out, account)
            if fmt == "api":
                return apply.apply_api(out, account), []
            return apply.apply_json(out, account), []
        except Exception as e:  # an emulator or checker error fails this apply, not the run
            return "%s: %s" % (type(e).__name__, e), []

    def case(self, label, source, launch, formats=None, mutate=None):
        """Every format of one input on one launch type. `mutate(fmt, out_dir)` may break an
        output before it is applied (self_test.py)."""
        result, snaps, uncompared, json_run = Outcome(), {}, set(), None
        groups = inputs.named_ids(source, "sg")
        for fmt in formats or self.formats.on(launch):
            name = "%s [%s %s]" % (label, fmt, launch)
            account = self.fresh_account(groups)
            self.made += 1
            out = os.path.join(self.work, "out", "%d-%s" % (self.made, fmt))
            given = inputs.rewrite_ids(source, account, os.path.join(self.work, "inputs", str(self.made)))
            code, err = convert(self.binary, given, fmt, launch, account, out)
            if code == 1 and "error:" in err:
                result.rejected = 1
                return result
            if code != 0:
                result.fail(name, "specconv exit %d\n%s" % (code, err))
                return result
            if not os.path.isdir(out) or not os.listdir(out):
                result.empty = 1  # no workload: an HPA, Ingress or Gateway alone makes nothing on ECS
                return result
            if mutate:
                mutate(fmt, out)
            started = time.monotonic()
            problem, skipped = self.apply_one(fmt, out, account)
            result.seconds[fmt] = time.monotonic() - started
            if problem:
                result.fail(name, problem)
                continue
            uncompared.update(skipped)
            snaps[fmt] = snapshot.take(account)
            if fmt == "json":
                json_run = (out, account.symbols())
            if fmt == "cfn":
                result.templates += [(name, t) for t in sorted(glob.glob(os.path.join(out, "*.yaml")))]
            result.applied += 1
        self.check(label, launch, snaps, uncompared, json_run, result)
        return result

    @staticmethod
    def check(label, launch, snaps, uncompared, json_run, result):
        for section in uncompared:
            for snap in snaps.values():
                snapshot.drop(snap, section)
        if json_run is not None:
            for fmt, snap in snaps.items():
                problems = compare.check_against_json(json_run[0], json_run[1], snap, fmt)
                if problems:
                    result.fail("%s [%s %s] against the json output" % (label, fmt, launch), "\n".join(problems[:15]))
        for pair, diff in compare.plan_differences(snaps):
            result.fail("%s [%s, %s]" % (label, pair, launch), "\n".join(diff[:15]))

    def run_all(self, queue, results):
        """Takes cases (index, label, source, launch) from the queue until it is empty, on its own
        moto server, into results."""
        with MotoServer(os.path.join(self.work, "moto.log")) as moto:
            self.moto = moto
            while True:
                try:
                    index, label, source, launch = queue.get_nowait()
                except Empty:
                    return
                started = time.monotonic()
                try:
                    results[index] = self.case(label, source, launch)
                except Exception as e:  # the emulator failed under this case: report, go on
                    results[index] = Outcome()
                    results[index].fail("%s [%s]" % (label, launch), "%s: %s" % (type(e).__name__, e))
                r = results[index]
                verdict = ("rejected by specconv" if r.rejected else "no ECS resource to apply" if r.empty
                           else "%d applied, %d failed" % (r.applied, len(r.failures)))
                print("case %d: %s [%s]: %s, %.0f s" % (index + 1, label, launch, verdict, time.monotonic() - started), flush=True)
                if self.verbose:
                    for failed, message in r.failures:
                        print("  FAIL: %s: %s" % (failed, message.replace("\n", "\n      ")), flush=True)


def run_cases(binary, cases, jobs, root, verbose, formats):
    """Every case on `jobs` workers, each taking the next case when it is free; the outcomes in
    case order."""
    results = [None] * len(cases)
    queue = Queue()
    for i, c in enumerate(cases):
        queue.put((i,) + c)
    threads = []
    for j in range(min(jobs, len(cases))):
        work = os.path.join(root, "worker-%d" % j)
        os.makedirs(os.path.join(work, "out"))
        t = threading.Thread(target=Worker(binary, work, verbose, formats).run_all, args=(queue, results))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    return results


def lint(results):
    """cfn-lint over every template applied: an error fails the case that wrote it."""
    owners = {path: (r, label) for r in results if r for label, path in r.templates}
    for path, errors in apply.lint_errors(sorted(owners)).items():
        r, label = owners[path]
        r.fail(label + " cfn-lint", "\n".join(errors[:20]))


def report(results):
    applied = failed = rejected = empty = 0
    seconds = {}
    for r in results:
        if r is None:
            failed += 1
            print("FAIL: a worker stopped before its case ran")
            continue
        applied += r.applied
        rejected += r.rejected
        empty += r.empty
        for label, message in r.failures:
            failed += 1
            print("FAIL: %s: %s" % (label, message.replace("\n", "\n    ")))
        for fmt, s in r.seconds.items():
            seconds[fmt] = seconds.get(fmt, 0) + s
    print("emulated AWS: seconds applying, summed over workers: " + ", ".join("%s %.0f" % kv for kv in sorted(seconds.items())))
    print("emulated AWS: %d applied, %d failed (cases: %d rejected by specconv, %d with nothing for ECS)" % (
        applied, failed, rejected, empty))
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default="build/specconv")
    parser.add_argument("--corpus", help="a folder of Kubernetes manifests, each file one input")
    parser.add_argument("--only", help="only the inputs whose label contains one of these (comma-separated)")
    parser.add_argument("--launch-types", default="FARGATE,EC2")
    parser.add_argument("--formats", default=",".join(FORMATS), help="which formats to apply (default: all four)")
    parser.add_argument("--terraform-launch-types", help="apply terraform only on these launch types (default: all); "
                        "the provider costs about 20 s of CPU per apply")
    parser.add_argument("--skip-examples", action="store_true", help="only the --corpus files, not examples/k8s")
    parser.add_argument("--jobs", type=int, default=6)
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="print a case's failures as soon as it ends")
    args = parser.parse_args()
    os.chdir(os.path.join(HERE, "..", ".."))
    missing = missing_tools()
    if missing:
        print("emulated AWS skipped: not found: " + ", ".join(missing))
        return 0
    binary = os.path.abspath(args.bin)
    root = tempfile.mkdtemp(prefix="specconv-emulated-aws-")
    try:
        if args.self_test:
            import self_test
            return self_test.run(Worker(binary, root))
        cases = [(label, source, launch) for label, source in inputs.listed(args.corpus, args.only, not args.skip_examples)
                 for launch in args.launch_types.split(",")]
        formats = Formats(args.formats.split(","), (args.terraform_launch_types or args.launch_types).split(","))
        results = run_cases(binary, cases, max(1, args.jobs), root, args.verbose, formats)
        lint(results)
        return 1 if report(results) else 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
