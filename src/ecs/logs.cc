// See logs.h.
#include "ecs/logs.h"

namespace specconv::ecs {

std::string log_group_name(const std::string& namespace_name, const std::string& family) {
  return "/ecs/" + (namespace_name.empty() ? std::string("default") : namespace_name) + "/" + family;
}

io::Node awslogs_configuration(const std::string& group, const std::string& region, const std::string& container,
                               bool create_group) {
  io::Node options = io::Node::object();
  options.set("awslogs-group", io::Node::string(group));
  options.set("awslogs-region", io::Node::string(region));
  options.set("awslogs-stream-prefix", io::Node::string(container));
  if (create_group) options.set("awslogs-create-group", io::Node::string("true"));
  io::Node lc = io::Node::object();
  lc.set("logDriver", io::Node::string("awslogs"));
  lc.set("options", std::move(options));
  return lc;
}

}  // namespace specconv::ecs
