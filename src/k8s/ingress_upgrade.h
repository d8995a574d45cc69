// The Ingress API upgrade, extensions/v1beta1 and networking.k8s.io/v1beta1 -> networking.k8s.io/v1,
// done on an io::Node tree. Its users: the Kubernetes carry (app/k8s_carry.cc, which writes old
// Ingresses back as v1) and the round-trip comparison (roundtrip/k8s_equal.cc, which compares both
// forms by meaning). The Kubernetes reader (k8s/reader.cc) reads the v1beta1 fields where they stand
// instead, so that its diagnostics point at what the user wrote.
#pragma once

#include "io/tree.h"

namespace specconv::k8s {

/// A v1beta1 backend {serviceName, servicePort} rewritten in place in the v1 form
/// {service: {name, port: {number | name}}} (a string servicePort is a port name). A backend
/// without serviceName (already v1, or a resource backend) is left as it is.
void upgrade_ingress_backend(io::Node& backend);

/// An Ingress spec rewritten in place in its v1 form: `backend` becomes `defaultBackend`, the
/// backends of spec.backend and of every rules[].http.paths[] take the v1 form, and a path without
/// pathType gets "ImplementationSpecific" (what v1beta1 defaulted to; v1 requires one). What is
/// already in v1 form is kept, so a v1 spec comes out unchanged. Not an object: nothing is done.
void upgrade_ingress_spec(io::Node& spec);

}  // namespace specconv::k8s
