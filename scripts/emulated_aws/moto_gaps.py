#!/usr/bin/env python3
"""moto_server with three gaps our outputs run into filled.

moto 5.2 does not implement Application Auto Scaling's ListTagsForResource, TagResource and
UntagResource: the provider calls ListTagsForResource after creating an aws_appautoscaling_target,
gets HTTP 500 and retries for many minutes. Here the tags of a scalable target are kept on the
region's backend (those given to RegisterScalableTarget included).

moto reports a new load balancer as "provisioning" until it is first described; the provider's
waiter then polls for about a minute per load balancer. Here it is active once created.

moto refuses a second Cloud Map private DNS namespace in a VPC whatever its name
(ConflictingDomainExists); AWS refuses only one whose name is already associated with the VPC
(Route 53: a private hosted zone of that name). Here namespaces of other names in the VPC are out
of sight while one is created. Nothing else changes.
Usage: moto_gaps.py -H 127.0.0.1 -p PORT (the arguments of moto_server)."""
import json

from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse as Response
from moto.elbv2.models import ELBv2Backend
from moto.servicediscovery.models import ServiceDiscoveryBackend
from moto.server import main

_register = Response.register_scalable_target


def _tags(response):
    backend = response.applicationautoscaling_backend
    if not hasattr(backend, "specconv_tags"):
        backend.specconv_tags = {}
    return backend.specconv_tags


def register_scalable_target(self):
    body = _register(self)
    given = self._get_param("Tags") or {}
    arn = json.loads(body).get("ScalableTargetARN")
    if given and arn:
        _tags(self).setdefault(arn, {}).update(given)
    return body


def list_tags_for_resource(self):
    return json.dumps({"Tags": _tags(self).get(self._get_param("ResourceARN"), {})})


def tag_resource(self):
    _tags(self).setdefault(self._get_param("ResourceARN"), {}).update(self._get_param("Tags") or {})
    return "{}"


def untag_resource(self):
    held = _tags(self).get(self._get_param("ResourceARN"), {})
    for key in self._get_param("TagKeys") or []:
        held.pop(key, None)
    return "{}"


_create_load_balancer = ELBv2Backend.create_load_balancer


def create_load_balancer(self, *args, **kwargs):
    balancer = _create_load_balancer(self, *args, **kwargs)
    balancer.activate()
    return balancer


_create_private_dns_namespace = ServiceDiscoveryBackend.create_private_dns_namespace


def create_private_dns_namespace(self, name, creator_request_id, description, vpc, tags, properties):
    others = {key: ns for key, ns in self.namespaces.items() if ns.vpc == vpc and ns.name != name}
    for key in others:
        del self.namespaces[key]
    try:
        return _create_private_dns_namespace(self, name=name, creator_request_id=creator_request_id,
                                             description=description, vpc=vpc, tags=tags, properties=properties)
    finally:
        self.namespaces.update(others)


ELBv2Backend.create_load_balancer = create_load_balancer
ServiceDiscoveryBackend.create_private_dns_namespace = create_private_dns_namespace
Response.register_scalable_target = register_scalable_target
Response.list_tags_for_resource = list_tags_for_resource
Response.tag_resource = tag_resource
Response.untag_resource = untag_resource

if __name__ == "__main__":
    main()
