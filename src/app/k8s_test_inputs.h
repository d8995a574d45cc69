// ECS inputs shared by the tests of the Kubernetes objects and writers: two workloads, one with a
// service.
#pragma once

#include <string>
#include <vector>

#include "specconv/convert.h"

namespace specconv::app {

inline std::string task(const std::string& family, int port) {
  return R"({"family": ")" + family + R"(", "networkMode": "awsvpc", "cpu": "256", "memory": "512",
    "containerDefinitions": [{"name": "app", "image": "app:1", "essential": true,
      "portMappings": [{"containerPort": )" + std::to_string(port) + R"(, "protocol": "tcp"}]}]})";
}

inline std::string service(const std::string& name, const std::string& family) {
  return R"({"serviceName": ")" + name + R"(", "taskDefinition": ")" + family + R"(", "desiredCount": 2})";
}

inline std::vector<InputText> two_workloads() {
  return {{"api.json", task("api", 8080)}, {"api-svc.json", service("api", "api")}, {"worker.json", task("worker", 9000)}};
}

}  // namespace specconv::app
