"""What the emulated account holds after an apply, as describe-* calls return it, with what differs
between two correct applies taken out: ARNs and generated ids (a target group is named by its name,
a task definition by its family), creation times, revisions, status fields."""
import re

VOLATILE = {"taskDefinitionArn", "revision", "status", "registeredAt", "registeredBy", "requiresAttributes",
            "compatibilities", "deregisteredAt", "serviceArn", "clusterArn", "createdAt", "createdBy", "events",
            "deployments", "runningCount", "pendingCount", "roleArn", "CreationTime", "CreatedDate",
            "LastModifiedDate", "Version", "ARN", "LoadBalancerArns", "TargetGroupArn", "LoadBalancerArn",
            "ListenerArn", "RuleArn", "Id", "Arn", "NamespaceId", "CreateDate", "ResourceARN", "PolicyARN",
            "ScalableTargetARN", "Alarms", "arn", "creationTime", "storedBytes", "metricFilterCount",
            "logGroupArn", "CreatedTime", "DNSName", "CanonicalHostedZoneId", "VpcId", "CreatorRequestId", "taskSets",
            "platformFamily", "platformVersion", "propagateTags", "enableECSManagedTags", "Tags", "tags"}


def arn_name(value):
    """An ARN by what names it, without account-made parts: targetgroup/NAME, task-definition/FAMILY."""
    m = re.match(r"^arn:aws:([a-z0-9-]+):[^:]*:[^:]*:(.*)$", value)
    if not m:
        return value
    service, rest = m.groups()
    if service == "elasticloadbalancing":
        parts = rest.split("/")
        return "%s:%s/%s" % (service, parts[0], parts[2] if parts[0] != "targetgroup" else parts[1])
    if service == "ecs" and rest.startswith("task-definition/"):
        return "ecs:task-definition/" + rest.split("/")[1].split(":")[0]
    if service in ("ssm", "secretsmanager", "logs", "acm", "iam"):
        return "%s:%s" % (service, re.sub(r"-[A-Za-z0-9]{6}$", "", rest) if service == "secretsmanager" else rest)
    return service + ":" + rest.split("/")[0]


def family(task_definition):
    """A service's task definition by its family: "web", "web:3" and its ARN are all "web"."""
    return task_definition.split("/")[-1].split(":")[0]


SETS = {"subnets", "securityGroups", "Subnets", "SecurityGroups"}  # unordered on AWS


def clean(value):
    if isinstance(value, dict):
        value = {k: sorted(v) if k in SETS and isinstance(v, list) else v for k, v in value.items()}
        return {k: family(v) if k == "taskDefinition" and isinstance(v, str) else clean(v)
                for k, v in sorted(value.items()) if k not in VOLATILE and v not in (None, [], {})}
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, str):
        return arn_name(value)
    return value


def pages(client, operation, key, **kwargs):
    out = []
    for page in client.get_paginator(operation).paginate(**kwargs):
        out.extend(page[key])
    return out


def task_definition_defaults(td):
    """ECS's defaults that one client sends and another leaves out (the Terraform provider sends a
    volume's configuredAtLaunch: false), taken out, and the volumes in name order, so that two
    accounts compare."""
    for volume in td.get("volumes", []):
        if volume.get("configuredAtLaunch") is False:
            del volume["configuredAtLaunch"]
    # Volumes are named, not ordered (the provider keeps them as a set).
    td["volumes"] = sorted(td.get("volumes", []), key=lambda v: v.get("name", ""))
    return td


def task_definitions(account):
    ecs = account.client("ecs")
    out = {}
    for family in pages(ecs, "list_task_definition_families", "families", status="ACTIVE"):
        td = ecs.describe_task_definition(taskDefinition=family)["taskDefinition"]
        out[family] = clean(task_definition_defaults(td))
    return out


def services(account):
    ecs = account.client("ecs")
    arns = pages(ecs, "list_services", "serviceArns", cluster="default")
    out = {}
    for i in range(0, len(arns), 10):
        for s in ecs.describe_services(cluster="default", services=arns[i:i + 10])["services"]:
            out[s["serviceName"]] = clean(s)
    return out


def load_balancing(account):
    elb = account.client("elbv2")
    out = {"target-groups": {}, "load-balancers": {}}
    for tg in pages(elb, "describe_target_groups", "TargetGroups"):
        out["target-groups"][tg["TargetGroupName"]] = clean(tg)
    for lb in pages(elb, "describe_load_balancers", "LoadBalancers"):
        listeners = {}
        for li in pages(elb, "describe_listeners", "Listeners", LoadBalancerArn=lb["LoadBalancerArn"]):
            rules = elb.describe_rules(ListenerArn=li["ListenerArn"])["Rules"]
            listeners["%s-%d" % (li["Protocol"], li["Port"])] = {"listener": clean(li),
                                                                  "rules": sorted((clean(r) for r in rules), key=lambda r: str(r.get("Priority")))}
        for entry in listeners.values():
            aws_defaults(entry["listener"])
            for rule in entry["rules"]:
                aws_defaults(rule)
        entry = clean(lb)
        entry.setdefault("Scheme", "internet-facing")  # the API's default, which moto leaves empty
        entry.pop("AvailabilityZones", None)
        entry.pop("SecurityGroups", None)
        out["load-balancers"][lb["LoadBalancerName"]] = {"load-balancer": entry, "listeners": listeners}
    return out


def stores(account):
    ssm = account.client("ssm")
    params = {}
    for p in pages(ssm, "describe_parameters", "Parameters"):
        entry = {"Type": p["Type"]}
        if p["Type"] == "String":
            entry["Value"] = ssm.get_parameter(Name=p["Name"])["Parameter"]["Value"]
        params[p["Name"]] = entry
    secrets = sorted(s["Name"] for s in pages(account.client("secretsmanager"), "list_secrets", "SecretList"))
    return {"ssm-parameters": params, "secrets": secrets}


def unset_by_provider(policy):
    """The Terraform provider sends DisableScaleIn false and cooldowns of 0 for a target-tracking
    policy that sets none; taken out so that it compares with the other formats (which send none).
    Whether AWS then uses 0 rather than its default cooldown moto cannot show (docs/k8s-to-ecs.md)."""
    config = policy.get("TargetTrackingScalingPolicyConfiguration") or {}
    if config.get("DisableScaleIn") is False:
        del config["DisableScaleIn"]
    for key in ("ScaleInCooldown", "ScaleOutCooldown"):
        if config.get(key) == 0:
            del config[key]
    return policy


def scaling(account):
    aas = account.client("application-autoscaling")
    targets = {t["ResourceId"]: clean(t) for t in pages(aas, "describe_scalable_targets", "ScalableTargets", ServiceNamespace="ecs")}
    policies = {p["PolicyName"]: clean(unset_by_provider(p)) for p in pages(aas, "describe_scaling_policies", "ScalingPolicies",
                                                                             ServiceNamespace="ecs")}
    return {"targets": targets, "policies": policies}


def discovery(account):
    sd = account.client("servicediscovery")
    names = {n["Id"]: n["Name"] for n in sd.list_namespaces()["Namespaces"]}
    out = {}
    for s in sd.list_services()["Services"]:
        full = sd.get_service(Id=s["Id"])["Service"]
        # The namespace is the service's NamespaceId or, as the Terraform provider gives it, its DnsConfig's.
        namespace = full.get("NamespaceId") or (full.get("DnsConfig") or {}).get("NamespaceId")
        out[names.get(namespace, "?") + "/" + full["Name"]] = clean(full)
    return out


def log_groups(account):
    groups = pages(account.client("logs"), "describe_log_groups", "logGroups")
    return {g["logGroupName"]: {"retentionInDays": g.get("retentionInDays")} for g in groups}


def schedules(account):
    sch = account.client("scheduler")
    out = {}
    for s in sch.list_schedules()["Schedules"]:
        out[s["Name"]] = clean(sch.get_schedule(Name=s["Name"], GroupName=s.get("GroupName", "default")))
    return out


def symbolic(value, symbols):
    """`value` with the account's own ids (symbols: id -> "<name>") replaced, wherever they occur."""
    if isinstance(value, dict):
        return {k: symbolic(v, symbols) for k, v in value.items()}
    if isinstance(value, list):
        return [symbolic(v, symbols) for v in value]
    if isinstance(value, str):
        for real, name in symbols.items():
            if real and real in value:
                value = value.replace(real, name)
    return value


def aws_defaults(listener):
    """What ELBv2 fills in when a call leaves it out (API reference), filled in here too: moto does
    not, and the Terraform provider sends some of them explicitly."""
    for action in listener.get("DefaultActions", []) + listener.get("Actions", []):
        action.setdefault("Order", 1)
        redirect = action.get("RedirectConfig")
        if redirect is not None:
            for key, default in (("Host", "#{host}"), ("Path", "/#{path}"), ("Query", "#{query}")):
                redirect.setdefault(key, default)
    if "Conditions" in listener:  # a rule's conditions are all met, in any order
        listener["Conditions"] = sorted(listener["Conditions"], key=lambda c: c.get("Field", ""))
    if listener.get("Protocol") in ("HTTPS", "TLS"):
        listener.setdefault("SslPolicy", "ELBSecurityPolicy-2016-08")
    else:
        listener.pop("SslPolicy", None)


def take(account):
    """The whole account, section by section, in the account's symbols."""
    return symbolic(take_raw(account), account.symbols())


def take_raw(account):
    return {"task-definitions": task_definitions(account), "services": services(account),
            "load-balancing": load_balancing(account), "stores": stores(account), "scaling": scaling(account),
            "cloud-map": discovery(account), "log-groups": log_groups(account), "schedules": schedules(account)}


def drop(snap, section):
    """Removes a section ("cloud-map", "stores/secrets", "services/*/serviceRegistries") from a snapshot."""
    parts = section.split("/")
    nodes = [snap]
    for part in parts[:-1]:
        nodes = [v for n in nodes for k, v in n.items() if part in ("*", k) and isinstance(v, dict)]
    for n in nodes:
        n.pop(parts[-1], None)
