// Model: task/pod volumes. One struct with a kind, since both sides model volumes as a named
// source plus per-container mounts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace specconv::model {

struct Volume {
  enum class Kind {
    kScratch,      // lives as long as the task/pod (ECS volume without host, emptyDir)
    kMemory,       // RAM-backed scratch (emptyDir medium Memory)
    kHostPath,     // a path on the node
    kEfs,          // Amazon EFS file system
    kDocker,       // Docker volume driver
    kClaim,        // Kubernetes PersistentVolumeClaim
    kConfigMap,    // Kubernetes ConfigMap projected as files
    kSecret,       // Kubernetes Secret projected as files
    kUnsupported,  // kept by name only (e.g. FSx for Windows)
  };
  std::string name;
  Kind kind = Kind::kScratch;
  std::string host_path;
  std::optional<int64_t> size_limit_mib;
  // EFS
  std::string file_system_id;
  std::string root_directory;
  std::string access_point_id;
  bool transit_encryption = false;
  std::optional<int64_t> transit_encryption_port;
  bool iam_authorization = false;
  // Docker volume
  std::string docker_driver;
  std::string docker_scope;  // task or shared
  std::optional<bool> docker_autoprovision;
  std::map<std::string, std::string> docker_driver_opts;
  std::map<std::string, std::string> docker_labels;
  // Claims and projected objects
  std::string object_name;
  std::string original_kind;  // for kUnsupported: the platform's name for it
  friend bool operator==(const Volume&, const Volume&) = default;
};

}  // namespace specconv::model
