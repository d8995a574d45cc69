// In a saved plan, the ARNs that link resources (a service's task definition and target groups, a
// listener's target group, a scaling target's service) are known only after apply. They are
// linked as the configuration says: the references of the attribute's expression name the
// resource (aws_lb_target_group.app.arn); when the expression goes through a variable or a local
// (a module's input), the only resource of the wanted type in the module, else in the plan, is
// taken. The value is what the linked resource is known by in the conversion: its ARN, or the
// placeholder its own unknown ARN becomes, so that both ends agree; a task definition by its family.
// A load balancer's or listener's own unknown ARN is shaped as AWS makes it (its name in it, the
// unknown parts REPLACE_ME_), so that the IngressGroup and a rule's listener still follow from it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iac/terraform_resources.h"

namespace specconv::iac {

/// The managed resource of one of `types` that the expression of `path` of `r` names (a plan's
/// configuration references), or nullptr.
[[nodiscard]] const TfResource* referenced_resource(const TfDocument& doc, const TfResource& r, const std::string& path,
                                                    const std::vector<std::string>& types);

/// The value of `path` of `r` (known only after apply) and how it was linked, or nullopt.
[[nodiscard]] std::optional<std::string> link_unknown(const TfDocument& doc, const TfResource& r, const std::string& path,
                                                      std::string& why);

}  // namespace specconv::iac
