// Renderings of a plan by format (see render.h).
#include "aws/render.h"

#include <string_view>

#include "aws/render_api.h"
#include "aws/render_cfn.h"
#include "aws/render_terraform.h"
#include "io/json_write.h"
#include "io/yaml_write.h"

namespace specconv::aws {
namespace {

/// The writer's diagnostic codes each rendering resolves.
struct Resolves {
  EcsFormat format;
  std::string_view code;
};
constexpr Resolves kResolves[] = {
    {EcsFormat::kCfn, "target-group-placeholder"},  // the template creates the target groups
    {EcsFormat::kCfn, "service-discovery"},         // ... and the Cloud Map services
    {EcsFormat::kCfn, "network-placeholder"},       // subnets and security groups are Parameters
    {EcsFormat::kCfn, "execution-role-needed"},     // the execution role is a Parameter or created
    {EcsFormat::kCfn, "execution-role"},
    {EcsFormat::kApi, "target-group-placeholder"},  // the calls create the target groups
    {EcsFormat::kApi, "service-discovery"},         // ... and the Cloud Map services
    {EcsFormat::kTerraform, "target-group-placeholder"},  // the configuration creates the target groups
    {EcsFormat::kTerraform, "service-discovery"},         // ... and the Cloud Map services
    {EcsFormat::kTerraform, "network-placeholder"},       // subnets and security groups are variables
    {EcsFormat::kTerraform, "execution-role-needed"},     // the execution role is a variable or created
    {EcsFormat::kTerraform, "execution-role"},
};

}  // namespace

io::Node render(const Plan& plan, EcsFormat format) { return format == EcsFormat::kCfn ? render_cfn(plan) : render_api(plan); }

std::string render_text(const io::Node& document, EcsFormat format) {
  return format == EcsFormat::kCfn ? io::to_yaml(document) : io::to_json(document, 2) + "\n";
}

std::string render_plan_text(const Plan& plan, EcsFormat format) {
  if (format == EcsFormat::kTerraform) return render_terraform(plan);
  return render_text(render(plan, format), format);
}

bool resolved_by(EcsFormat format, const Diagnostic& d) {
  for (const Resolves& r : kResolves) {
    if (r.format == format && r.code == d.code) return true;
  }
  return false;
}

}  // namespace specconv::aws
