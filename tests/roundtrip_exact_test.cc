// ECS -> Kubernetes -> ECS without any accepted difference, for the fields Kubernetes can express
// or the carry holds: the network mode under an explicit --launch-type, DNS settings, shared
// memory and tmpfs options, every cpu value 1-4096 that is not a whole millicore, and tasks
// without a task size. Unlike tests/roundtrip_ecs_test.cc, no lossy code excuses anything here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/json_load.h"
#include "io/json_write.h"
#include "roundtrip/ecs_equal.h"
#include "specconv/convert.h"
#include "specconv/convert_ecs.h"

namespace specconv {
namespace {

using io::Node;

/// How to-ecs is run on the way back: the launch type by default (restored from the carry) or given.
struct WayBack {
  bool explicit_launch_type = false;
  bool fargate = true;
};

/// The task definition that comes back from ECS -> Kubernetes -> ECS, and how it compares.
struct ExactTrip {
  std::string failure;  // empty when the round trip ran
  roundtrip::Comparison comparison;
  std::string back;  // the task definition, as JSON text
  Node back_node;
};

ExactTrip exact_round_trip(const std::string& task_definition, const WayBack& way) {
  ExactTrip trip;
  const ConvertResult k8s = convert_to_k8s({{"td.json", task_definition}}, ToK8sOptions{});
  if (k8s.documents.size() != 1) {
    trip.failure = "to-k8s gave " + std::to_string(k8s.documents.size()) + " documents";
    return trip;
  }
  ToEcsOptions options;
  options.launch_type_explicit = way.explicit_launch_type;
  options.fargate = way.fargate;
  const ConvertResult ecs = convert_to_ecs({{"k8s.yaml", k8s.documents[0].text}}, options);
  if (ecs.documents.size() != 1) {
    trip.failure = "to-ecs gave " + std::to_string(ecs.documents.size()) + " documents";
    for (const auto& d : ecs.diagnostics.all()) trip.failure += "\n" + d.code + ": " + d.message;
    return trip;
  }
  Diagnostics ignored;
  const auto original = io::load_json(task_definition, "td.json", io::Limits{}, ignored);
  auto back = io::load_json(ecs.documents[0].text, "back.json", io::Limits{}, ignored);
  const Node* td = back->find("taskDefinition") != nullptr ? back->find("taskDefinition") : &*back;
  trip.back = io::to_json(*td);
  trip.back_node = *td;
  trip.comparison = roundtrip::compare_task_definitions(*original, *td, k8s.diagnostics, {"td.json", ""});
  return trip;
}

/// Fails with the differences, accepted or not: an exact round trip has none.
void expect_exact(const std::string& task_definition, const WayBack& way) {
  const ExactTrip trip = exact_round_trip(task_definition, way);
  ASSERT_TRUE(trip.failure.empty()) << trip.failure;
  EXPECT_TRUE(trip.comparison.differences.empty() && trip.comparison.accepted.empty())
      << "not an exact round trip:\n"
      << roundtrip::describe(trip.comparison.differences) << roundtrip::describe(trip.comparison.accepted)
      << "came back as:\n"
      << trip.back;
}

const WayBack kRestored{false, true};
const WayBack kGivenEc2{true, false};
const WayBack kGivenFargate{true, true};

std::string ec2_task(const std::string& network_mode, const std::string& containers) {
  return R"({"family":"exact","requiresCompatibilities":["EC2"],)" +
         (network_mode.empty() ? std::string() : R"("networkMode":")" + network_mode + R"(",)") +
         R"("containerDefinitions":[)" + containers + "]}";
}

const std::string kWeb = R"({"name":"web","image":"nginx:1.25","memory":256,"portMappings":[{"containerPort":80}]})";

TEST(RoundTripExact, NetworkModeComesBackUnderAnExplicitLaunchType) {
  for (const char* mode : {"bridge", "awsvpc", "host", ""}) {
    SCOPED_TRACE(mode);
    expect_exact(ec2_task(mode, kWeb), kRestored);
    expect_exact(ec2_task(mode, kWeb), kGivenEc2);
  }
}

TEST(RoundTripExact, AFlagThatDisagreesWithTheKeptLaunchTypeStillWins) {
  const ExactTrip trip = exact_round_trip(ec2_task("bridge", kWeb), kGivenFargate);
  ASSERT_TRUE(trip.failure.empty()) << trip.failure;
  EXPECT_EQ(io::to_json(*trip.back_node.find("networkMode")), R"("awsvpc")") << trip.back;
  EXPECT_EQ(trip.back_node.find("requiresCompatibilities")->items().at(0).text(), "FARGATE") << trip.back;
}

TEST(RoundTripExact, DnsSettingsComeBackPerContainer) {
  const std::string both = R"({"name":"a","image":"busybox","memory":64,"dnsServers":["10.0.0.2","10.0.0.3"],"dnsSearchDomains":["corp.local"]},
                              {"name":"b","image":"busybox","memory":64,"dnsServers":["10.0.0.2","10.0.0.3"],"dnsSearchDomains":["corp.local"]})";
  const std::string one = R"({"name":"a","image":"busybox","memory":64,"dnsServers":["10.0.0.2"]},
                             {"name":"b","image":"busybox","memory":64,"dnsSearchDomains":["svc.local"]},
                             {"name":"c","image":"busybox","memory":64})";
  for (const std::string& containers : {both, one}) {
    for (const char* mode : {"bridge", "host"}) {
      SCOPED_TRACE(std::string(mode) + " " + containers);
      expect_exact(ec2_task(mode, containers), kRestored);
      expect_exact(ec2_task(mode, containers), kGivenEc2);
    }
  }
}

TEST(RoundTripExact, SharedMemoryAndTmpfsOptionsComeBack) {
  const std::string shm = R"({"name":"db","image":"postgres:16","memory":512,"linuxParameters":{"sharedMemorySize":256}})";
  const std::string tmpfs = R"({"name":"db","image":"postgres:16","memory":512,"linuxParameters":{"sharedMemorySize":128,
      "tmpfs":[{"containerPath":"/scratch","size":64,"mountOptions":["noexec","nosuid"]},{"containerPath":"/run","size":8}]}})";
  const std::string shm_as_tmpfs = R"({"name":"db","image":"postgres:16","memory":512,"linuxParameters":{
      "tmpfs":[{"containerPath":"/dev/shm","size":32,"mountOptions":["rw"]}]}})";
  for (const std::string& c : {shm, tmpfs, shm_as_tmpfs}) {
    SCOPED_TRACE(c);
    expect_exact(ec2_task("bridge", c), kRestored);
    expect_exact(ec2_task("bridge", c), kGivenEc2);
  }
}

TEST(RoundTripExact, EveryCpuValueThatIsNotAWholeMillicoreComesBack) {
  // 1..4096 units; a value is a whole number of millicores when units x 1000 / 1024 is an
  // integer (multiples of 128). Eight containers per task keep the case count low.
  std::vector<int> values;
  for (int units = 1; units <= 4096; ++units) {
    if (units % 128 != 0) values.push_back(units);
  }
  ASSERT_EQ(values.size(), 4064u);
  int tasks = 0;
  for (std::size_t first = 0; first < values.size(); first += 8) {
    std::string containers;
    for (std::size_t i = first; i < values.size() && i < first + 8; ++i) {
      if (!containers.empty()) containers += ",";
      containers += R"({"name":"c)" + std::to_string(i - first) + R"(","image":"busybox","memory":32,"cpu":)" +
                    std::to_string(values[i]) + "}";
    }
    SCOPED_TRACE("cpu values from " + std::to_string(values[first]));
    expect_exact(ec2_task("bridge", containers), kRestored);
    ++tasks;
    if (HasFailure()) break;  // one failing task says enough
  }
  EXPECT_EQ(tasks, 508);
}

TEST(RoundTripExact, AnEditedCpuRequestIsNotOverwrittenByTheKeptUnits) {
  const ConvertResult k8s =
      convert_to_k8s({{"td.json", ec2_task("bridge", R"({"name":"app","image":"busybox","memory":64,"cpu":100})")}}, ToK8sOptions{});
  ASSERT_EQ(k8s.documents.size(), 1u);
  std::string yaml = k8s.documents[0].text;
  const auto at = yaml.find("cpu: 98m");
  ASSERT_NE(at, std::string::npos) << yaml;
  yaml.replace(at, 8, "cpu: 250m");
  const ConvertResult ecs = convert_to_ecs({{"k8s.yaml", yaml}}, ToEcsOptions{});
  ASSERT_EQ(ecs.documents.size(), 1u);
  EXPECT_NE(ecs.documents[0].text.find(R"("cpu": 256)"), std::string::npos) << ecs.documents[0].text;
}

TEST(RoundTripExact, TasksWithoutATaskSizeGainNone) {
  const std::string two = kWeb + R"(,{"name":"side","image":"busybox","memory":64,"cpu":64,"essential":false})";
  for (const char* mode : {"bridge", "awsvpc"}) {
    SCOPED_TRACE(mode);
    expect_exact(ec2_task(mode, two), kRestored);
    expect_exact(ec2_task(mode, two), kGivenEc2);
  }
}

}  // namespace
}  // namespace specconv
