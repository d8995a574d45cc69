// The ECS <-> Kubernetes field table (data) and what is derived from it.
#include "mapping/field_table.h"

#include <sstream>

namespace specconv::mapping {
namespace {

using F = Fidelity;

const std::vector<FieldRow> kRows = {
    // ---- task definition -------------------------------------------------------------
    {"task", "family", "metadata.name, app.kubernetes.io/name label", F::kConverted,
     "converted to a DNS-1123 name; the original is kept in specconv.io/ecs-family when renamed"},
    {"task", "containerDefinitions", "spec.template.spec.containers / initContainers", F::kConverted,
     "non-essential containers that others wait on with SUCCESS/COMPLETE become initContainers"},
    {"task", "taskRoleArn", "ServiceAccount eks.amazonaws.com/role-arn", F::kConverted,
     "IRSA: a ServiceAccount named after the workload, used by the pod"},
    {"task", "executionRoleArn", "annotation specconv.io/ecs-task", F::kAnnotation,
     "image pulls and log delivery are node concerns on EKS"},
    {"task", "networkMode", "spec.template.spec.hostNetwork", F::kConverted,
     "host -> hostNetwork: true; awsvpc/bridge/none/default are the pod network"},
    {"task", "volumes", "spec.template.spec.volumes (+ PV/PVC for EFS)", F::kConverted,
     "scratch -> emptyDir, host -> hostPath, EFS -> PersistentVolume + PersistentVolumeClaim (efs.csi.aws.com)"},
    {"task", "placementConstraints", "nodeAffinity / annotation", F::kApproximate,
     "memberOf expressions (==, !=, in, not_in joined by and) become required node affinity: ecs.instance-type, ecs.availability-zone, ecs.os-type, ecs.cpu-architecture map to the well-known node labels, custom attributes keep their name; all are kept in specconv.io/ecs-task"},
    {"task", "requiresCompatibilities", "annotation specconv.io/ecs-task", F::kAnnotation,
     "FARGATE/EC2 have no pod-level meaning"},
    {"task", "cpu", "containers[].resources (when containers set none)", F::kConverted,
     "task cpu is spread over the essential containers that set none"},
    {"task", "memory", "containers[].resources.limits.memory (when containers set none)", F::kConverted,
     "task memory is given to containers that set none"},
    {"task", "tags", "metadata.labels", F::kConverted, "label-safe keys/values; others kept in an annotation"},
    {"task", "pidMode", "spec.template.spec.hostPID / shareProcessNamespace", F::kConverted,
     "host -> hostPID; task -> shareProcessNamespace"},
    {"task", "ipcMode", "spec.template.spec.hostIPC", F::kConverted, "host -> hostIPC; task is the pod default"},
    {"task", "proxyConfiguration", "annotation specconv.io/ecs-task", F::kAnnotation,
     "App Mesh proxy wiring has no Kubernetes field"},
    {"task", "inferenceAccelerators", "annotation specconv.io/ecs-task", F::kAnnotation, "Elastic Inference was retired by AWS"},
    {"task", "ephemeralStorage", "containers[].resources.requests.ephemeral-storage", F::kConverted,
     "sizeInGiB on the first essential container"},
    {"task", "runtimePlatform", "spec.template.spec.nodeSelector kubernetes.io/os, kubernetes.io/arch",
     F::kConverted, "LINUX -> linux, WINDOWS_* -> windows; X86_64 -> amd64, ARM64 -> arm64"},
    {"task", "enableFaultInjection", "annotation specconv.io/ecs-task", F::kAnnotation, ""},
    {"task", "taskDefinitionArn", "", F::kIgnored, "describe-task-definition output"},
    {"task", "revision", "", F::kIgnored, "describe-task-definition output; labels stay stable across revisions"},
    {"task", "status", "", F::kIgnored, "describe-task-definition output"},
    {"task", "requiresAttributes", "", F::kIgnored, "describe-task-definition output"},
    {"task", "compatibilities", "", F::kIgnored, "describe-task-definition output"},
    {"task", "registeredAt", "", F::kIgnored, "describe-task-definition output"},
    {"task", "registeredBy", "", F::kIgnored, "describe-task-definition output"},
    {"task", "deregisteredAt", "", F::kIgnored, "describe-task-definition output"},

    // ---- container definition ---------------------------------------------------------
    {"container", "name", "containers[].name", F::kConverted,
     "converted to an RFC 1123 label when needed"},
    {"container", "image", "containers[].image", F::kExact, ""},
    {"container", "repositoryCredentials", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "create an imagePullSecret from the Secrets Manager secret"},
    {"container", "cpu", "containers[].resources.requests.cpu", F::kApproximate,
     "millicores = units x 1000 / 1024, rounded up to a whole millicore (lossy-cpu-rounding)"},
    {"container", "memory", "containers[].resources.limits.memory", F::kExact, "MiB -> Mi"},
    {"container", "memoryReservation", "containers[].resources.requests.memory", F::kExact, "MiB -> Mi"},
    {"container", "links", "annotation specconv.io/ecs-containers", F::kAnnotation, "containers of a pod share localhost; use localhost:<port>"},
    {"container", "portMappings", "containers[].ports + Service", F::kConverted, ""},
    {"container", "essential", "containers[] vs initContainers[]", F::kConverted,
     "essential containers run for the life of the pod"},
    {"container", "restartPolicy", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "container restarts are the kubelet's restartPolicy"},
    {"container", "entryPoint", "containers[].command", F::kExact, ""},
    {"container", "command", "containers[].args", F::kExact, ""},
    {"container", "environment", "containers[].env[].value", F::kExact, "values always strings; a name that is empty or holds '=' or non-printable ASCII is error bad-env-name"},
    {"container", "environmentFiles", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "S3 env files: load them into a ConfigMap and use envFrom"},
    {"container", "mountPoints", "containers[].volumeMounts", F::kExact, ""},
    {"container", "volumesFrom", "containers[].volumeMounts", F::kConverted,
     "the source container's mounts are repeated"},
    {"container", "linuxParameters", "containers[].securityContext / volumes", F::kConverted, ""},
    {"container", "secrets", "containers[].env[].valueFrom.secretKeyRef", F::kConverted,
     "Secret named after the SSM parameter / Secrets Manager secret; see docs/mappings.md#secrets"},
    {"container", "dependsOn", "initContainers / sidecar order", F::kConverted,
     "SUCCESS/COMPLETE -> the dependency runs as an initContainer; START/HEALTHY -> it runs as a native sidecar (initContainer with restartPolicy Always); conditions kept in specconv.io/ecs-containers"},
    {"container", "startTimeout", "annotation specconv.io/ecs-containers", F::kAnnotation, ""},
    {"container", "stopTimeout", "spec.template.spec.terminationGracePeriodSeconds", F::kConverted,
     "the largest stopTimeout of the task"},
    {"container", "versionConsistency", "annotation specconv.io/ecs-containers", F::kAnnotation, ""},
    {"container", "hostname", "spec.template.spec.hostname", F::kConverted, "converted to an RFC 1123 label"},
    {"container", "user", "containers[].securityContext.runAsUser/runAsGroup", F::kConverted,
     "uid[:gid]; a user name has no Kubernetes field (warning, kept in specconv.io/ecs-containers)"},
    {"container", "workingDirectory", "containers[].workingDir", F::kExact, ""},
    {"container", "disableNetworking", "annotation specconv.io/ecs-containers", F::kAnnotation, ""},
    {"container", "privileged", "containers[].securityContext.privileged", F::kExact, ""},
    {"container", "readonlyRootFilesystem", "containers[].securityContext.readOnlyRootFilesystem", F::kExact, ""},
    {"container", "dnsServers", "spec.template.spec.dnsConfig.nameservers", F::kConverted, "dnsPolicy None"},
    {"container", "dnsSearchDomains", "spec.template.spec.dnsConfig.searches", F::kConverted, ""},
    {"container", "extraHosts", "spec.template.spec.hostAliases", F::kConverted, ""},
    {"container", "dockerSecurityOptions", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "SELinux/AppArmor labels: set securityContext by hand"},
    {"container", "interactive", "containers[].stdin", F::kExact, ""},
    {"container", "pseudoTerminal", "containers[].tty", F::kExact, ""},
    {"container", "dockerLabels", "annotation specconv.io/ecs-containers", F::kAnnotation, ""},
    {"container", "ulimits", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "Kubernetes has no per-container ulimits"},
    {"container", "logConfiguration", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "logging is a node/DaemonSet concern on EKS (e.g. Fluent Bit)"},
    {"container", "healthCheck", "containers[].livenessProbe (exec)", F::kConverted,
     "interval -> periodSeconds, timeout -> timeoutSeconds, retries -> failureThreshold, startPeriod -> startupProbe"},
    {"container", "systemControls", "spec.template.spec.securityContext.sysctls", F::kConverted, ""},
    {"container", "resourceRequirements", "containers[].resources.limits nvidia.com/gpu", F::kConverted,
     "GPU only; InferenceAccelerator is reported"},
    {"container", "firelensConfiguration", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "FireLens log routing: run Fluent Bit as a DaemonSet"},
    {"container", "credentialSpecs", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "gMSA: see Windows gMSA for EKS"},

    // ---- nested container objects -------------------------------------------------------
    {"portMapping", "containerPort", "containers[].ports[].containerPort, Service port", F::kExact, ""},
    {"portMapping", "hostPort", "containers[].ports[].hostPort", F::kConverted,
     "kept only in bridge mode when it differs from containerPort, and in host mode"},
    {"portMapping", "protocol", "containers[].ports[].protocol", F::kConverted, "tcp -> TCP, udp -> UDP"},
    {"portMapping", "name", "containers[].ports[].name, Service port name", F::kConverted, "IANA service name"},
    {"portMapping", "appProtocol", "Service ports[].appProtocol", F::kConverted, "http, http2, grpc"},
    {"portMapping", "containerPortRange", "", F::kReported, "port ranges have no Kubernetes form"},
    {"keyValue", "name", "", F::kExact, ""},
    {"keyValue", "value", "", F::kExact, ""},
    {"secret", "name", "env[].name", F::kExact, ""},
    {"secret", "valueFrom", "env[].valueFrom.secretKeyRef", F::kConverted, ""},
    {"mountPoint", "sourceVolume", "volumeMounts[].name", F::kExact, ""},
    {"mountPoint", "containerPath", "volumeMounts[].mountPath", F::kExact, ""},
    {"mountPoint", "readOnly", "volumeMounts[].readOnly", F::kExact, ""},
    {"volumeFrom", "sourceContainer", "volumeMounts", F::kConverted, ""},
    {"volumeFrom", "readOnly", "volumeMounts[].readOnly", F::kConverted, ""},
    {"dependsOn", "containerName", "", F::kConverted, ""},
    {"dependsOn", "condition", "", F::kConverted, ""},
    {"healthCheck", "command", "livenessProbe.exec.command", F::kConverted,
     "CMD a b -> [a, b]; CMD-SHELL s -> [/bin/sh, -c, s]"},
    {"healthCheck", "interval", "livenessProbe.periodSeconds", F::kExact, "ECS default 30"},
    {"healthCheck", "timeout", "livenessProbe.timeoutSeconds", F::kExact, "ECS default 5"},
    {"healthCheck", "retries", "livenessProbe.failureThreshold", F::kExact, "ECS default 3"},
    {"healthCheck", "startPeriod", "startupProbe", F::kConverted,
     "a startupProbe allowing startPeriod seconds before liveness counts"},
    {"linuxParameters", "capabilities", "securityContext.capabilities", F::kConverted, "names without CAP_"},
    {"linuxParameters", "devices", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "host devices need a device plugin on Kubernetes"},
    {"linuxParameters", "initProcessEnabled", "annotation specconv.io/ecs-containers", F::kAnnotation,
     "use an init (tini) in the image or shareProcessNamespace"},
    {"linuxParameters", "sharedMemorySize", "emptyDir medium Memory at /dev/shm", F::kConverted, "MiB -> sizeLimit"},
    {"linuxParameters", "tmpfs", "emptyDir medium Memory volumes", F::kConverted, "mountOptions are dropped"},
    {"linuxParameters", "maxSwap", "annotation specconv.io/ecs-containers", F::kAnnotation, ""},
    {"linuxParameters", "swappiness", "annotation specconv.io/ecs-containers", F::kAnnotation, ""},
    {"capabilities", "add", "securityContext.capabilities.add", F::kConverted, ""},
    {"capabilities", "drop", "securityContext.capabilities.drop", F::kConverted, ""},
    {"tmpfs", "containerPath", "volumeMounts[].mountPath", F::kExact, ""},
    {"tmpfs", "size", "emptyDir.sizeLimit", F::kConverted, "MiB -> Mi"},
    {"tmpfs", "mountOptions", "", F::kReported, "emptyDir takes no mount options"},
    {"extraHost", "hostname", "hostAliases[].hostnames", F::kExact, ""},
    {"extraHost", "ipAddress", "hostAliases[].ip", F::kExact, ""},
    {"systemControl", "namespace", "securityContext.sysctls[].name", F::kExact, ""},
    {"systemControl", "value", "securityContext.sysctls[].value", F::kExact, ""},
    {"resourceRequirement", "type", "", F::kConverted, "GPU"},
    {"resourceRequirement", "value", "", F::kConverted, ""},

    // ---- volumes ------------------------------------------------------------------------
    {"volume", "name", "volumes[].name", F::kConverted, "converted to an RFC 1123 label when needed"},
    {"volume", "host", "volumes[].hostPath / emptyDir", F::kConverted,
     "no sourcePath -> emptyDir; sourcePath -> hostPath (warning: ties the pod to the node)"},
    {"volume", "dockerVolumeConfiguration", "emptyDir (task scope) / annotation", F::kApproximate,
     "Docker volume drivers have no Kubernetes form: task scope -> emptyDir, shared -> emptyDir + warning"},
    {"volume", "efsVolumeConfiguration", "PersistentVolume + PersistentVolumeClaim (efs.csi.aws.com)",
     F::kConverted, "volumeHandle fs-id[:path[:access point]]; transit encryption -> mountOptions tls"},
    {"volume", "fsxWindowsFileServerVolumeConfiguration", "", F::kReported,
     "FSx for Windows File Server: use the SMB CSI driver"},
    {"volume", "configuredAtLaunch", "", F::kReported, "EBS volumes configured at launch: use a PVC"},
    {"hostVolume", "sourcePath", "hostPath.path", F::kExact, ""},
    {"efs", "fileSystemId", "PersistentVolume csi.volumeHandle", F::kConverted, ""},
    {"efs", "rootDirectory", "PersistentVolume csi.volumeHandle path", F::kConverted, ""},
    {"efs", "transitEncryption", "PersistentVolume mountOptions tls", F::kConverted, ""},
    {"efs", "transitEncryptionPort", "", F::kReported, "the EFS CSI driver picks the TLS port"},
    {"efs", "authorizationConfig", "PersistentVolume csi.volumeHandle access point", F::kConverted,
     "iam ENABLED -> mountOptions iam"},
    {"efsAuth", "accessPointId", "csi.volumeHandle ::fsap-...", F::kConverted, ""},
    {"efsAuth", "iam", "mountOptions iam", F::kConverted, ""},
    {"dockerVolume", "scope", "", F::kApproximate, ""},
    {"dockerVolume", "autoprovision", "", F::kReported, ""},
    {"dockerVolume", "driver", "", F::kReported, "the Docker driver is dropped"},
    {"dockerVolume", "driverOpts", "", F::kReported, ""},
    {"dockerVolume", "labels", "", F::kReported, ""},

    // ---- service ------------------------------------------------------------------------
    {"service", "serviceName", "metadata.name of the Service/Deployment", F::kConverted, ""},
    {"service", "taskDefinition", "pairs the service with its task definition", F::kConverted,
     "family, family:revision or ARN"},
    {"service", "desiredCount", "spec.replicas", F::kExact, "absent -> 1"},
    {"service", "deploymentConfiguration", "spec.strategy", F::kConverted, "see the rollout rule"},
    {"service", "loadBalancers", "Ingress (ALB) / Service type LoadBalancer (NLB)", F::kConverted, ""},
    {"service", "serviceRegistries", "Service (ClusterIP)", F::kConverted, "CloudMap name -> cluster DNS"},
    {"service", "schedulingStrategy", "Deployment / DaemonSet", F::kConverted, "DAEMON -> DaemonSet"},
    {"service", "launchType", "annotation specconv.io/ecs-service", F::kAnnotation, ""},
    {"service", "capacityProviderStrategy", "annotation specconv.io/ecs-service", F::kAnnotation, ""},
    {"service", "platformVersion", "annotation specconv.io/ecs-service", F::kAnnotation, "Fargate platform version"},
    {"service", "healthCheckGracePeriodSeconds", "startupProbe / initialDelaySeconds", F::kAnnotation,
     "kept in an annotation; use a startupProbe"},
    {"service", "networkConfiguration", "annotation specconv.io/ecs-service", F::kAnnotation,
     "subnets and security groups: use SecurityGroupPolicy for pods"},
    {"service", "placementConstraints", "annotation specconv.io/ecs-service", F::kAnnotation, ""},
    {"service", "placementStrategy", "annotation specconv.io/ecs-service", F::kAnnotation, "spread/binpack: use topologySpreadConstraints"},
    {"service", "cluster", "", F::kReported, "the target cluster is chosen by kubectl's context"},
    {"service", "clientToken", "", F::kIgnored, "idempotency token"},
    {"service", "role", "annotation specconv.io/ecs-service", F::kAnnotation, "service-linked role"},
    {"service", "deploymentController", "annotation specconv.io/ecs-service", F::kAnnotation, "CODE_DEPLOY/EXTERNAL blue-green: use Argo Rollouts"},
    {"service", "tags", "metadata.labels", F::kConverted, ""},
    {"service", "enableECSManagedTags", "annotation specconv.io/ecs-service", F::kAnnotation, ""},
    {"service", "propagateTags", "annotation specconv.io/ecs-service", F::kAnnotation, "labels on the pod template are propagated"},
    {"service", "enableExecuteCommand", "annotation specconv.io/ecs-service", F::kAnnotation, "kubectl exec"},
    {"service", "serviceConnectConfiguration", "annotation specconv.io/ecs-service", F::kAnnotation,
     "Service Connect: use a Service (cluster DNS) or a mesh"},
    {"service", "volumeConfigurations", "annotation specconv.io/ecs-service", F::kAnnotation, "EBS volumes at launch: use a PVC"},
    {"service", "vpcLatticeConfigurations", "annotation specconv.io/ecs-service", F::kAnnotation, ""},
    {"service", "availabilityZoneRebalancing", "annotation specconv.io/ecs-service", F::kAnnotation, "use topologySpreadConstraints"},
    {"service", "serviceArn", "", F::kIgnored, "describe-services output"},
    {"service", "clusterArn", "", F::kIgnored, "describe-services output"},
    {"service", "status", "", F::kIgnored, "describe-services output"},
    {"service", "runningCount", "", F::kIgnored, "describe-services output"},
    {"service", "pendingCount", "", F::kIgnored, "describe-services output"},
    {"service", "deployments", "", F::kIgnored, "describe-services output"},
    {"service", "events", "", F::kIgnored, "describe-services output"},
    {"service", "createdAt", "", F::kIgnored, "describe-services output"},
    {"service", "createdBy", "", F::kIgnored, "describe-services output"},
    {"service", "roleArn", "", F::kIgnored, "describe-services output"},
    {"service", "taskSets", "", F::kIgnored, "describe-services output"},
    {"service", "platformFamily", "", F::kIgnored, "describe-services output"},
    {"deploymentConfiguration", "maximumPercent", "strategy.rollingUpdate.maxSurge", F::kConverted,
     "exact for the replica count; see docs/mappings.md#rollout"},
    {"deploymentConfiguration", "minimumHealthyPercent", "strategy.rollingUpdate.maxUnavailable", F::kConverted,
     "exact for the replica count"},
    {"deploymentConfiguration", "deploymentCircuitBreaker", "annotation specconv.io/ecs-service", F::kAnnotation,
     "Kubernetes marks a stalled rollout but never rolls back by itself"},
    {"deploymentConfiguration", "alarms", "annotation specconv.io/ecs-service", F::kAnnotation, "CloudWatch alarm rollback has no Kubernetes form"},
    {"deploymentConfiguration", "strategy", "annotation specconv.io/ecs-service", F::kAnnotation, ""},
    {"deploymentConfiguration", "bakeTimeInMinutes", "annotation specconv.io/ecs-service", F::kAnnotation, ""},
    {"deploymentConfiguration", "lifecycleHooks", "annotation specconv.io/ecs-service", F::kAnnotation, ""},
    {"loadBalancer", "targetGroupArn", "Ingress backend / Service", F::kConverted, ""},
    {"loadBalancer", "loadBalancerName", "Service type LoadBalancer", F::kApproximate, "classic ELB"},
    {"loadBalancer", "containerName", "Service selector/targetPort", F::kConverted, ""},
    {"loadBalancer", "containerPort", "Service targetPort", F::kExact, ""},
    {"serviceRegistry", "registryArn", "Service metadata.name", F::kConverted, "the CloudMap service name"},
    {"serviceRegistry", "port", "Service port", F::kExact, ""},
    {"serviceRegistry", "containerName", "", F::kConverted, ""},
    {"serviceRegistry", "containerPort", "Service targetPort", F::kExact, ""},
};

}  // namespace

const char* to_string(Fidelity f) {
  switch (f) {
    case F::kExact: return "exact";
    case F::kConverted: return "converted";
    case F::kApproximate: return "approximate";
    case F::kAnnotation: return "annotation";
    case F::kReported: return "reported";
    case F::kIgnored: return "ignored";
  }
  return "?";
}

const std::vector<FieldRow>& ecs_field_table() { return kRows; }

std::vector<std::string_view> ecs_keys(std::string_view scope) {
  std::vector<std::string_view> keys;
  for (const FieldRow& r : kRows) {
    if (r.scope == scope && r.key.find('.') == std::string_view::npos) keys.push_back(r.key);
  }
  return keys;
}

const FieldRow* ecs_field(std::string_view scope, std::string_view key) {
  for (const FieldRow& r : kRows) {
    if (r.scope == scope && r.key == key) return &r;
  }
  return nullptr;
}

std::string mappings_markdown() {
  std::ostringstream out;
  out << "# Field mappings\n\n"
         "Generated by `specconv mappings` from `src/mapping/field_table.cc`; do not edit by hand.\n"
         "CI fails when this file differs from the table.\n\n"
         "Fidelity: **exact** same value; **converted** exact rule; **approximate** a diagnostic says\n"
         "when the result differs; **annotation** kept in a `specconv.io/` annotation so a conversion\n"
         "back can restore it; **reported** dropped with a warning; **ignored** read-only describe output.\n";
  std::string_view scope;
  for (const FieldRow& r : kRows) {
    if (r.key.find('.') != std::string_view::npos) continue;
    if (r.scope != scope) {
      scope = r.scope;
      out << "\n## ECS `" << scope << "`\n\n| ECS field | Kubernetes | fidelity | rule |\n|---|---|---|---|\n";
    }
    out << "| `" << r.key << "` | " << (r.k8s.empty() ? "—" : std::string(r.k8s)) << " | "
        << to_string(r.fidelity) << " | " << r.note << " |\n";
  }
  return out.str();
}

}  // namespace specconv::mapping
