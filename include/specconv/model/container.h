// Model: one container of a workload, platform-neutral. Field names say what a value means,
// not how either platform spells it. Values with no counterpart on the other side are not held
// here: they travel beside the model (src/carry/ecs_carry.h, app/k8s_carry.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "specconv/diagnostics.h"
#include "specconv/model/resources.h"

namespace specconv::model {

enum class Protocol { kTcp, kUdp, kSctp };

struct Port {
  int64_t container_port = 0;
  std::optional<int64_t> host_port;
  Protocol protocol = Protocol::kTcp;
  std::string name;
  std::string app_protocol;  // http, http2, grpc
  friend bool operator==(const Port&, const Port&) = default;
};

struct EnvVar {
  std::string name;
  std::string value;
  friend bool operator==(const EnvVar&, const EnvVar&) = default;
};

/// Where a secret or configuration value lives.
enum class SecretStore { kSsmParameter, kSecretsManager, kKubernetesSecret, kKubernetesConfigMap };

/// An environment variable whose value comes from a store; values are never held here.
struct SecretEnv {
  std::string name;        // environment variable
  SecretStore store = SecretStore::kSsmParameter;
  std::string reference;   // ARN or parameter name (AWS stores)
  std::string object;      // Secret / ConfigMap name (Kubernetes stores)
  std::string key;         // key inside the object; for Secrets Manager, the JSON key ("" = whole)
  friend bool operator==(const SecretEnv&, const SecretEnv&) = default;
};

struct Probe {
  enum class Kind { kExec, kShell, kHttpGet, kTcpSocket, kGrpc };
  Kind kind = Kind::kExec;
  std::vector<std::string> command;  // kExec: argv; kShell: one shell string
  std::string path;                  // kHttpGet
  std::string scheme;                // kHttpGet: HTTP or HTTPS
  int64_t port = 0;                  // kHttpGet, kTcpSocket, kGrpc
  std::optional<int64_t> interval_seconds;
  std::optional<int64_t> timeout_seconds;
  std::optional<int64_t> failure_threshold;
  std::optional<int64_t> success_threshold;  // readiness behind a load balancer: the target group's healthy count
  std::optional<int64_t> start_period_seconds;
  friend bool operator==(const Probe&, const Probe&) = default;
};

enum class DependencyCondition { kStart, kComplete, kSuccess, kHealthy };

struct Dependency {
  std::string container;
  DependencyCondition condition = DependencyCondition::kStart;
  friend bool operator==(const Dependency&, const Dependency&) = default;
};

struct VolumeMount {
  std::string volume;
  std::string path;
  bool read_only = false;
  friend bool operator==(const VolumeMount&, const VolumeMount&) = default;
};

struct Tmpfs {
  std::string path;
  int64_t size_mib = 0;
  std::vector<std::string> options;
  friend bool operator==(const Tmpfs&, const Tmpfs&) = default;
};

struct HostAlias {
  std::string hostname;
  std::string ip;
  friend bool operator==(const HostAlias&, const HostAlias&) = default;
};

struct Container {
  std::string name;
  std::string image;
  std::optional<std::vector<std::string>> entrypoint;  // replaces the image's entrypoint
  std::optional<std::vector<std::string>> arguments;   // replaces the image's default command
  std::vector<EnvVar> env;
  std::vector<SecretEnv> secret_env;
  std::vector<Port> ports;
  Resources resources;
  bool essential = true;
  std::vector<Dependency> depends_on;
  std::optional<Probe> liveness;
  std::optional<Probe> readiness;
  std::optional<Probe> startup;
  std::string working_dir;
  std::optional<int64_t> run_as_user;
  std::optional<int64_t> run_as_group;
  std::string user_name;  // a non-numeric user (no Kubernetes field)
  std::optional<bool> read_only_root;
  std::optional<bool> privileged;
  std::vector<std::string> capabilities_add;
  std::vector<std::string> capabilities_drop;
  // Kubernetes securityContext settings ECS writes as dockerSecurityOptions or can only check
  // (pod-level values applied), and where each was written, for the writer's diagnostics.
  std::optional<bool> allow_privilege_escalation;
  std::string seccomp_type;  // RuntimeDefault, Unconfined, Localhost (as written); "" when none
  std::string seccomp_localhost_profile;
  std::optional<bool> run_as_non_root;
  SourceLocation allow_privilege_escalation_at;
  SourceLocation seccomp_at;
  SourceLocation run_as_non_root_at;
  std::optional<bool> init_process;
  std::optional<int64_t> shared_memory_mib;
  std::vector<Tmpfs> tmpfs;
  std::optional<int64_t> stop_timeout_seconds;
  std::vector<VolumeMount> mounts;
  std::vector<std::string> dns_servers;
  std::vector<std::string> dns_search;
  std::vector<HostAlias> host_aliases;
  std::string hostname;
  std::vector<std::pair<std::string, std::string>> sysctls;
  bool tty = false;
  bool stdin_open = false;
  /// The name an ECS input gave the container, when Kubernetes needed another (read back from
  /// the carry): the way back to ECS uses it again.
  std::string original_name;
  friend bool operator==(const Container&, const Container&) = default;
};

}  // namespace specconv::model
