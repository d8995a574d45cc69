// A workload's ECS documents for --format json (see render_json.h).
#include "aws/render_json.h"

namespace specconv::aws {

io::Node render_json(const WorkloadInput& workload) {
  if (workload.service.is_null()) return workload.task_definition;
  io::Node doc = io::Node::object();
  doc.set("taskDefinition", workload.task_definition);
  doc.set("service", workload.service);
  if (workload.autoscaling.size() > 0) doc.set("autoscaling", workload.autoscaling);
  return doc;
}

}  // namespace specconv::aws
