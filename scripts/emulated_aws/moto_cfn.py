"""The part of a CloudFormation template that moto 5.2's CloudFormation can create.

moto's CloudFormation makes only some resource types (MOTO_TYPES below, the ones our templates use
that moto.cloudformation.parsing knows); a template naming another type fails at create-stack
("references undefined resource"). For the emulated-AWS check, a copy of the template loses those
resources and every property value or list item that refers to them (Ref, Fn::GetAtt, Fn::Sub,
DependsOn); so are network load balancers (moto makes every one an ALB), and resources one of whose
properties is a left-out resource (an NLB's listeners). The sections of the
account those resources would fill are not compared for cfn (SECTIONS_OF)."""
import re

import yaml

MOTO_TYPES = {
    "AWS::ECS::Cluster", "AWS::ECS::Service", "AWS::ECS::TaskDefinition", "AWS::EFS::AccessPoint",
    "AWS::EFS::FileSystem", "AWS::EFS::MountTarget", "AWS::ElasticLoadBalancingV2::Listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::Events::Rule", "AWS::IAM::ManagedPolicy",
    "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::IAM::InstanceProfile", "AWS::Logs::LogGroup", "AWS::SSM::Parameter",
}

# Sections of snapshot.take() that a left-out type fills (not compared for cfn when it is left out).
SECTIONS_OF = {
    "AWS::ServiceDiscovery::PrivateDnsNamespace": ["cloud-map"],
    "AWS::ServiceDiscovery::Service": ["cloud-map", "services/*/serviceRegistries"],
    "AWS::ApplicationAutoScaling::ScalableTarget": ["scaling"],
    "AWS::ApplicationAutoScaling::ScalingPolicy": ["scaling"],
    "AWS::SecretsManager::Secret": ["stores/secrets"],
    "AWS::Scheduler::Schedule": ["schedules"],
}


class _Drop(Exception):
    pass


def _refers(node, gone):
    if isinstance(node, dict) and len(node) == 1:
        (key, value), = node.items()
        if key == "Ref":
            return value in gone
        if key == "Fn::GetAtt":
            target = value[0] if isinstance(value, list) else str(value).split(".")[0]
            return target in gone
        if key == "Fn::Sub":
            text = value[0] if isinstance(value, list) else value
            return any(re.search(r"\$\{%s[.}]" % re.escape(g), text) for g in gone)
    return False


def _prune(node, gone):
    """The node without what refers to a left-out resource; raises _Drop when the node itself does."""
    if _refers(node, gone):
        raise _Drop()
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            try:
                out[k] = _prune(v, gone)
            except _Drop:
                if len(node) == 1 and k.startswith("Fn::"):
                    raise
        return out
    if isinstance(node, list):
        out = []
        for v in node:
            try:
                out.append(_prune(v, gone))
            except _Drop:
                pass
        return out
    return node


def strip(template_text):
    """(the template moto can create as YAML text, {left-out type: logical ids}, the snapshot
    sections those would fill)."""
    template = yaml.safe_load(template_text)
    resources = template.get("Resources", {})
    left_out, sections = {}, set()
    for rid, r in resources.items():
        if r.get("Type") not in MOTO_TYPES:
            left_out.setdefault(r.get("Type"), []).append(rid)
            sections.update(SECTIONS_OF.get(r.get("Type"), []))
        elif r.get("Type") == "AWS::ElasticLoadBalancingV2::LoadBalancer" and (r.get("Properties") or {}).get("Type") == "network":
            # moto's CloudFormation ignores Type: every load balancer is an ALB, and an NLB's TCP
            # listener is refused ("must be one of HTTP, HTTPS")
            left_out.setdefault("AWS::ElasticLoadBalancingV2::LoadBalancer of Type network", []).append(rid)
            sections.add("load-balancing/load-balancers/" + str(r["Properties"].get("Name", rid)))
    gone = {rid for ids in left_out.values() for rid in ids}
    while True:  # a resource whose property is a left-out resource goes too (a listener of an NLB)
        also = {rid for rid, r in resources.items() if rid not in gone and
                any(_refers(v, gone) for v in (r.get("Properties") or {}).values())}
        if not also:
            break
        for rid in also:
            left_out.setdefault(resources[rid].get("Type") + " of a left-out resource", []).append(rid)
        gone |= also
    kept = {rid: r for rid, r in resources.items() if rid not in gone}
    for rid, r in kept.items():
        depends = r.get("DependsOn")
        if isinstance(depends, list):
            r["DependsOn"] = [d for d in depends if d not in gone]
        elif depends in gone:
            del r["DependsOn"]
        if "Properties" in r:
            r["Properties"] = _prune(r["Properties"], gone)
    template["Resources"] = kept
    if "Outputs" in template:
        template["Outputs"] = {k: v for k, v in template["Outputs"].items() if not _mentions(v, gone)}
    return yaml.safe_dump(template, sort_keys=False), left_out, sorted(sections)


def _mentions(node, gone):
    if _refers(node, gone):
        return True
    if isinstance(node, dict):
        return any(_mentions(v, gone) for v in node.values())
    if isinstance(node, list):
        return any(_mentions(v, gone) for v in node)
    return False
