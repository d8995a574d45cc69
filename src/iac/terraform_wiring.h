// The load balancing and scaling resources of Terraform JSON as their describe-* entries (the
// PascalCase the ECS reader's wiring readers read): aws_lb / aws_alb, aws_lb_listener,
// aws_lb_listener_rule, aws_lb_target_group (health_check block flattened), aws_appautoscaling_target
// and _policy. Attributes the conversion does not use are the caller's to report.
#pragma once

#include <string>
#include <string_view>

#include "iac/terraform_translate.h"

namespace specconv::iac {

/// The describe-* list a resource type's entry belongs to (TargetGroups, Listeners, Rules,
/// LoadBalancers, ScalableTargets, ScalingPolicies); "" for a type that is not wiring. The
/// legacy aws_alb* names are the aws_lb* types.
[[nodiscard]] std::string_view wiring_list(const std::string& type);

[[nodiscard]] const Fields& wiring_fields(std::string_view list);

/// What the table cannot say: a listener's certificate_arn as its Certificates, a rule's
/// condition Field names, a load balancer's internal flag as its Scheme, a rule ARN made from its
/// listener's when only a plan's placeholder is known.
void finish_wiring_entry(std::string_view list, const TfResource& r, io::Node& entry);

}  // namespace specconv::iac
