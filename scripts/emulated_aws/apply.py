"""Applies one specconv to-ecs output to the emulated account, the way a user would.

terraform: `terraform init` (local provider mirror) + `apply` of the module;
cfn:       CloudFormation CreateStack and a bounded wait for CREATE_COMPLETE (and cfn-lint, for
           every template of the run at once: lint_errors);
api:       the calls in order, each placeholder replaced by what an earlier call returned
           (the rule of docs/k8s-to-ecs.md);
json:      RegisterTaskDefinition and CreateService with each document's input (what
           `aws ecs ... --cli-input-json` sends).
Each returns None when applied, else a message saying what failed."""
import glob
import json
import os
import re
import subprocess
import time

import yaml

import moto_cfn


class Account:
    """What the emulated account holds before a conversion is applied (made by seed())."""

    def __init__(self, session, endpoint, region, account_id):
        self.session = session
        self.endpoint = endpoint
        self.region = region
        self.account_id = account_id
        self.vpc = self.subnets = self.security_group = self.certificate = self.execution_role = None

    def client(self, service):
        return self.session.client(service, endpoint_url=self.endpoint, region_name=self.region)

    def symbols(self):
        """The account's own ids by what they are, so that two accounts' snapshots compare."""
        out = {self.vpc: "<vpc>", self.security_group: "<tasks-sg>", self.certificate: "<certificate>",
               self.execution_role: "<execution-role>", self.certificate.split(":")[-1]: "<certificate>"}
        out.update({subnet: "<subnet-%d>" % i for i, subnet in enumerate(self.subnets)})
        out.update({made: "<input-%s>" % named for named, made in getattr(self, "named_groups", {}).items()})
        return out

    def parameters(self):
        """CloudFormation parameter / Terraform variable values, by the template's parameter names."""
        return {"VpcId": self.vpc, "Subnets": self.subnets, "SecurityGroups": [self.security_group],
                "PublicSubnets": self.subnets, "LoadBalancerSecurityGroups": [self.security_group],
                "Cluster": "default", "ExecutionRoleArn": self.execution_role, "CertificateArn": self.certificate}


def seed(account):
    """The default VPC's subnets and security group, the cluster, a certificate, an execution role."""
    ec2 = account.client("ec2")
    account.vpc = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
    subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [account.vpc]}])["Subnets"]
    account.subnets = [s["SubnetId"] for s in sorted(subnets, key=lambda s: s["AvailabilityZone"])[:2]]
    groups = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [account.vpc]}])["SecurityGroups"]
    account.security_group = groups[0]["GroupId"]
    account.client("ecs").create_cluster(clusterName="default")
    account.certificate = account.client("acm").request_certificate(DomainName="example.com")["CertificateArn"]
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                                                     "Action": "sts:AssumeRole"}]}
    account.execution_role = account.client("iam").create_role(
        RoleName="seeded-execution-role", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]


def seed_groups(account, named):
    """One security group in the default VPC per id the input names: {named id: emulated id}."""
    ec2 = account.client("ec2")
    made = {}
    for i, group in enumerate(named):
        made[group] = ec2.create_security_group(GroupName="input-group-%d" % i, Description="named by the input as " + group,
                                                VpcId=account.vpc)["GroupId"]
    return made


def run(args, cwd, env=None, timeout=600):
    """Runs a tool; returns (exit code, combined output)."""
    try:
        p = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return 124, "%s: timed out after %d s" % (args[0], timeout)
    return p.returncode, p.stdout + p.stderr


# ---------------------------------------------------------------- terraform

TF_SERVICES = ["acm", "applicationautoscaling", "ec2", "ecs", "elbv2", "iam", "logs", "scheduler",
               "secretsmanager", "servicediscovery", "ssm", "sts", "efs"]


def terraform_env(work, mirror):
    rc = os.path.join(work, "cli.tfrc")
    with open(rc, "w") as f:
        f.write('provider_installation {\n  filesystem_mirror {\n    path    = "%s"\n'
                '    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n' % mirror)
    cache = os.path.join(work, "plugin-cache")
    os.makedirs(cache, exist_ok=True)
    return dict(os.environ, TF_CLI_CONFIG_FILE=rc, TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
                TF_PLUGIN_CACHE_DIR=cache, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")


def provider_block(account):
    endpoints = "\n".join('    %s = "%s"' % (s, account.endpoint) for s in TF_SERVICES)
    return ('provider "aws" {\n  region                      = "%s"\n  access_key                  = "testing"\n'
            '  secret_key                  = "testing"\n  skip_credentials_validation = true\n'
            '  skip_metadata_api_check     = true\n  endpoints {\n%s\n  }\n}\n' % (account.region, endpoints))


def tfvars(module_dir, account):
    """The module's variables that the account answers (snake_case of the template parameters)."""
    declared = set(re.findall(r'^variable "([a-z0-9_]+)"', open(os.path.join(module_dir, "main.tf")).read(), re.M))
    values = {}
    for name, value in account.parameters().items():
        if snake(name) in declared:
            values[snake(name)] = value
    return values


def apply_terraform(out_dir, account, work, mirror):
    modules = sorted(os.path.dirname(p) for p in glob.glob(os.path.join(out_dir, "*", "main.tf")))
    if not modules:
        return "no module written"
    env = terraform_env(work, mirror)
    for module in modules:
        with open(os.path.join(module, "zz_emulated_provider.tf"), "w") as f:
            f.write(provider_block(account))
        with open(os.path.join(module, "terraform.tfvars.json"), "w") as f:
            json.dump(tfvars(module, account), f)
        # apply validates the configuration first (`terraform validate` of every output runs in the
        # unit suite: tests/terraform_validate_test.cc)
        for step in (["init", "-input=false", "-no-color"], ["apply", "-input=false", "-no-color", "-auto-approve"]):
            code, out = run(["terraform"] + step, module, env)
            if code != 0:
                return "terraform %s (%s) failed:\n%s" % (step[0], os.path.basename(module), tail(out))
    return None


# ---------------------------------------------------------------- cloudformation

def lint_errors(templates):
    """{template: [cfn-lint error lines]} for the templates with errors; one cfn-lint run for all
    (it takes seconds to start)."""
    out = {}
    for i in range(0, len(templates), 200):
        code, text = run(["cfn-lint", "--format", "parseable", "--"] + templates[i:i + 200], "/", timeout=1800)
        for line in text.splitlines():
            path = line.split(":", 1)[0]
            if re.match(r"^[^:]+:\d+:\d+:\d+:\d+:E\d+:", line) and path in templates:
                out.setdefault(path, []).append(line)
        if code not in (0, 2, 4, 6, 8, 10, 12, 14) and not out:
            out[templates[i]] = ["cfn-lint failed to run (exit %d):" % code, tail(text)]
    return out


def apply_cfn(out_dir, account):
    """(problem or None, the snapshot sections moto's CloudFormation cannot fill for these templates).
    The templates are linted afterwards, all at once (lint_errors)."""
    templates = sorted(glob.glob(os.path.join(out_dir, "*.yaml")))
    if not templates:
        return "no template written", []
    cfn = account.client("cloudformation")
    uncompared = set()
    for i, template in enumerate(templates):
        body, _, sections = moto_cfn.strip(open(template).read())
        uncompared.update(sections)
        stack = "specconv-%d" % i
        try:
            cfn.create_stack(StackName=stack, TemplateBody=body, Parameters=stack_parameters(body, account),
                             Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
        except Exception as e:
            return "CreateStack of %s: %s" % (os.path.basename(template), e), []
        status = wait_for_stack(cfn, stack)
        if status != "CREATE_COMPLETE":
            events = cfn.describe_stack_events(StackName=stack)["StackEvents"]
            reasons = ["%s %s: %s" % (e["LogicalResourceId"], e["ResourceStatus"], e.get("ResourceStatusReason", ""))
                       for e in events if "FAILED" in e["ResourceStatus"]]
            return "stack of %s ended %s\n%s" % (os.path.basename(template), status, "\n".join(reasons[:10])), []
    return None, sorted(uncompared)


def stack_parameters(body, account):
    declared = yaml.safe_load(body).get("Parameters", {})
    params = []
    for name in declared:
        value = account.parameters().get(name)
        if value is not None:
            params.append({"ParameterKey": name, "ParameterValue": ",".join(value) if isinstance(value, list) else value})
    return params


def wait_for_stack(cfn, stack, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = cfn.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"]
        if not status.endswith("_IN_PROGRESS"):
            return status
        time.sleep(0.5)
    return "still in progress after %d s" % seconds


# ---------------------------------------------------------------- api calls

def snake(name):
    """PascalCase -> snake_case: a botocore operation's method, a parameter's Terraform variable."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class Placeholders:
    """What earlier calls returned, for the REPLACE_ME placeholders of later ones."""

    def __init__(self, account):
        self.account = account
        # fs-REPLACE_ME stays: no call makes the file system (the user's, in every format)
        self.fixed = {"vpc-REPLACE_ME": account.vpc, "subnet-REPLACE_ME": account.subnets[0],
                      "sg-REPLACE_ME": account.security_group, "fs-REPLACE_ME": "fs-REPLACE_ME"}
        self.arns = {}  # placeholder ARN -> real ARN
        self.namespace = None

    def resolve(self, value):
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, str) or "REPLACE_ME" not in value:
            return value
        if value in self.fixed:
            return self.fixed[value]
        if value == "ns-REPLACE_ME" and self.namespace:
            return self.namespace
        if re.match(r"^arn:aws:acm:[^:]*:[^:]*:certificate/REPLACE_ME$", value):
            return self.account.certificate
        if value in self.arns:
            return self.arns[value]
        raise KeyError("no earlier call made what the placeholder %s stands for" % value)

    def learn(self, api, given, result, account):
        """Records the ARN / id a call returned under the placeholder spelling of docs/k8s-to-ecs.md."""
        elb = "arn:aws:elasticloadbalancing:%s:%s:" % (account.region, account.account_id)
        if api == "elbv2:CreateTargetGroup":
            self.arns[elb + "targetgroup/%s/REPLACE_ME" % given["Name"]] = result["TargetGroups"][0]["TargetGroupArn"]
        elif api == "elbv2:CreateLoadBalancer":
            kind = "app" if given.get("Type", "application") == "application" else "net"
            self.arns[elb + "loadbalancer/%s/%s/REPLACE_ME" % (kind, given["Name"])] = result["LoadBalancers"][0]["LoadBalancerArn"]
        elif api == "elbv2:CreateListener":
            lb = next(k for k, v in self.arns.items() if v == given["LoadBalancerArn"])
            path = lb[len(elb) + len("loadbalancer/"):]
            self.arns[elb + "listener/%s/%s-%d" % (path, given["Protocol"], given["Port"])] = result["Listeners"][0]["ListenerArn"]
        elif api == "servicediscovery:CreatePrivateDnsNamespace":
            sd = account.client("servicediscovery")
            found = [n for n in sd.list_namespaces()["Namespaces"] if n["Name"] == given["Name"]]
            self.namespace = found[0]["Id"]
        elif api == "servicediscovery:CreateService":
            arn = "arn:aws:servicediscovery:%s:%s:service/srv-REPLACE_ME-%s" % (account.region, account.account_id, given["Name"])
            self.arns[arn] = result["Service"]["Arn"]


def apply_api(out_dir, account):
    files = sorted(glob.glob(os.path.join(out_dir, "*.json")))
    if not files:
        return "no calls written"
    for path in files:
        places = Placeholders(account)
        for i, call in enumerate(json.load(open(path))):
            service, operation = call["api"].split(":")
            given = places.resolve(call["input"])
            try:
                result = getattr(account.client(service), snake(operation))(**given)
            except Exception as e:  # botocore's ClientError / ParamValidationError, as the CLI would print them
                return "%s call %d (%s) failed: %s" % (os.path.basename(path), i, call["api"], e)
            places.learn(call["api"], given, result, account)
    return None


# ---------------------------------------------------------------- json documents

def apply_json(out_dir, account):
    files = sorted(glob.glob(os.path.join(out_dir, "*.json")))
    if not files:
        return "no document written"
    ecs = account.client("ecs")
    for path in files:
        doc = json.load(open(path))
        try:
            ecs.register_task_definition(**doc.get("taskDefinition", doc))  # a Job's is the task definition alone
            if "service" in doc:
                ecs.create_service(**doc["service"])
        except Exception as e:
            return "%s failed: %s" % (os.path.basename(path), e)
    return None


def tail(text, lines=25):
    return "\n".join(text.rstrip().splitlines()[-lines:])
