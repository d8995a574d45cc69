// Diagnostic code registry (data) and its Markdown rendering.
#include "diag/codes.h"

#include <sstream>

namespace specconv::diag {
namespace {

constexpr Severity E = Severity::kError;
constexpr Severity W = Severity::kWarning;
constexpr Severity N = Severity::kNote;

const std::vector<CodeInfo> kCodes = {
    // ---- reading any input ------------------------------------------------------------
    {"unreadable-input", E, "input", "the file or folder does not exist or cannot be read"},
    {"file-too-large", E, "input", "the file is larger than --max-file-size, or a YAML stream larger than --max-yaml-size"},
    {"binary-input", E, "input", "the file contains a NUL byte"},
    {"invalid-utf8", E, "input", "the file is not valid UTF-8"},
    {"empty-input", E, "input", "the file is empty or only white space / document separators, or its JSON array holds nothing"},
    {"empty-folder", W, "input", "a folder given as input holds no file of the expected kind"},
    {"no-input-files", E, "input", "validate, to-k8s or a to-k8s --env environment found nothing to read in its input folders (only empty folders, or only files of the other direction): exit 1, not a silent pass"},
    {"skipped-file", W, "input", "a file found in an input folder that is not an input of the command (a Kubernetes manifest or other YAML in a folder given to to-k8s, a *.template file that is no CloudFormation template); not converted"},
    {"json-syntax", E, "input", "JSON syntax error, with line and column"},
    {"yaml-syntax", E, "input", "YAML syntax error (tabs in indentation, unclosed brackets, ...), with line and column"},
    {"yaml-complex-key", E, "input", "a YAML mapping key that is not a scalar"},
    {"yaml-merge-key", E, "input", "a YAML merge key (<<), which Kubernetes' reader does not support"},
    {"duplicate-key", E, "input", "the same key twice in one object/mapping"},
    {"nesting-too-deep", E, "input", "nesting deeper than --max-depth"},
    {"too-many-values", E, "input", "more values in one file than --max-values"},
    {"alias-expansion-limit", E, "input", "YAML aliases repeat more values than --max-alias-values or more scalar bytes than --max-alias-bytes (alias bomb)"},
    {"too-many-documents", E, "input", "more documents in one YAML stream than --max-documents"},
    {"string-too-long", E, "input", "one string, key or scalar longer than --max-string-length"},
    {"type-mismatch", E, "input", "a value of the wrong JSON/YAML type"},
    {"type-coerced", W, "input", "a value of another type read as the expected one (\"80\" as 80, unquoted yes as \"yes\")"},
    {"out-of-range", E, "input", "a number outside the range the API allows"},
    {"unknown-key", E, "input", "a field the API does not have, with a did-you-mean suggestion"},
    {"missing-field", E, "input", "a required field is absent"},
    {"invalid-value", E, "input", "a value the API does not accept (enum, format)"},
    {"legacy-value", W, "input", "an old spelling that is read as its modern equivalent"},
    {"unrecognized-input", E, "input", "JSON that is neither a task definition, a service, nor a known describe-* output"},
    {"not-json", E, "input", "to-k8s was given something that is not JSON"},
    {"template-intrinsic", E, "input", "a CloudFormation template's intrinsic function that is unknown, malformed or cannot be evaluated (a reference cycle, a name not in the template, a result over the limits)"},
    {"template-placeholder", W, "input", "a value a CloudFormation template does not determine offline (Fn::ImportValue, a parameter without Default, a nested stack's output): a REPLACE_ME_ placeholder is written; --parameter gives it"},
    {"template-skipped", N, "input", "a CloudFormation resource type or property that is not converted, or a resource whose Condition is false"},
    {"template-not-applied", W, "input", "a part of a CloudFormation template that is not read yet (Transform)"},
    {"template-no-task-definition", E, "input", "a CloudFormation template without an AWS::ECS::TaskDefinition: nothing to convert"},
    {"terraform-embedded-json", E, "input", "a Terraform attribute that holds JSON text (an aws_ecs_task_definition's container_definitions) is not a string or does not parse; located at the attribute, with the line and column inside the embedded text"},
    {"terraform-placeholder", W, "input", "a value a saved Terraform plan knows only after apply: linked through the configuration's references (or the only resource of its type), else written as a REPLACE_ME_<address>.<attribute> placeholder"},
    {"terraform-skipped", N, "input", "a Terraform resource type, data source or attribute that is not converted"},
    {"terraform-no-task-definition", E, "input", "a Terraform state or plan without an aws_ecs_task_definition resource: nothing to convert"},
    {"wrong-direction", E, "input", "a Kubernetes manifest given to to-k8s (or the reverse)"},
    {"not-kubernetes", E, "input", "a YAML document without apiVersion and kind"},
    {"unsupported-kind", W, "input", "a Kubernetes kind specconv does not convert; skipped"},
    {"ignored-kind", N, "input", "a kind that needs no counterpart (Namespace); skipped"},
    {"old-api-version", W, "input", "a removed API version (extensions/v1beta1, ...) read as the current one"},
    {"dangling-reference", E, "input", "a reference to something not among the inputs (container, volume, task definition)"},
    {"missing-reference", W, "input", "a reference to an object not in the input (ConfigMap, Secret, ServiceAccount; the EventBridge rule of a Terraform event target)"},
    {"duplicate-output", E, "output", "two inputs produce a workload (or a Gateway API object with other content) of the same name (or --name gives two workloads one name); the later one is skipped"},
    {"unused-rename", W, "output", "a --name OLD=NEW whose OLD names no workload of the run (a typo, or a name of another run)"},
    {"workload-failed", E, "output", "a file that is part of a workload (a service and its task definition in two files) which failed because of an error reported for another of its files; nothing is written from it"},
    {"write-failed", E, "output", "an output file could not be written"},
    {"invalid-output", E, "output", "internal error: an object specconv was about to write fails the schema check; the input is not converted"},

    // ---- specconv validate (and the check of every output) --------------------------------
    {"schema-unknown-field", E, "validate", "a field the schema does not have (strict), with a did-you-mean suggestion"},
    {"schema-missing-field", E, "validate", "a required field or member is absent (or null)"},
    {"schema-type", E, "validate", "a value of the wrong type (JSON-exact: \"80\" is not an integer; unquoted yes is a boolean)"},
    {"schema-enum", E, "validate", "a value outside the schema's enumeration"},
    {"schema-range", E, "validate", "a length, size or number outside the API model's min/max (or a port outside 1-65535)"},
    {"schema-format", E, "validate", "a string in the wrong format (resource quantity, base64 Secret data)"},
    {"schema-rule", E, "validate", "a rule the API server / AWS service enforces beyond the schema (names, Fargate sizes, references)"},
    {"schema-removed-api", E, "validate", "an API version Kubernetes no longer serves (extensions/v1beta1, ...)"},
    {"schema-unrecognized", E, "validate", "ECS JSON that is neither a task definition, a service, an envelope, nor an array/wrapper of them"},
    {"schema-unknown-kind", W, "validate", "a Kubernetes kind with no schema shipped; not validated"},
    {"schema-not-validated", W, "validate", "an AWS API call envelope for a service whose model is not shipped; not validated"},

    // ---- ECS -> Kubernetes ---------------------------------------------------------------
    {"bad-env-name", E, "ecs-to-k8s", "an ECS environment variable name that is empty or holds '=' or a character outside printable ASCII, which Kubernetes refuses"},
    {"unsupported-field", W, "ecs-to-k8s", "a field with no equivalent on the other side, dropped"},
    {"not-carried-over", W, "ecs-to-k8s", "an ECS-only field that stops taking effect; kept in a specconv.io annotation (not with --carry none)"},
    {"missing-network-configuration", W, "ecs-to-k8s", "a FARGATE service without networkConfiguration (ECS rejects it); the way back writes placeholders"},
    {"kept-in-annotation", N, "ecs-to-k8s", "an ECS-only field kept in a specconv.io annotation for a conversion back"},
    {"not-kept", N, "both", "--carry none: a value the other side has no field for, neither converted nor kept for a conversion back"},
    {"renamed-resource", N, "ecs-to-k8s", "a name changed to a valid Kubernetes name; the original is kept"},
    {"lossy-cpu-rounding", W, "ecs-to-k8s", "CPU units that are not a whole number of millicores, rounded up"},
    {"lossy-rollout", W, "both", "rollout bounds that the other side cannot express exactly; nearest valid value used"},
    {"lossy-scaling-target", W, "ecs-to-k8s", "a fractional target utilization rounded to a whole percent"},
    {"execution-role", N, "both", "the ECS execution role is not mapped (EKS uses the node role) or not given"},
    {"secret-reference", N, "ecs-to-k8s", "the Secret the pod reads, with where its values come from"},
    {"secret-name-collision", E, "ecs-to-k8s", "two secret references map to the same Secret key"},
    {"host-path", W, "ecs-to-k8s", "a host volume becomes a hostPath"},
    {"host-port", W, "ecs-to-k8s", "a static hostPort in bridge mode is kept"},
    {"approximated-volume", W, "ecs-to-k8s", "a Docker volume with shared scope becomes an emptyDir"},
    {"approximated-dependency", W, "ecs-to-k8s", "dependsOn COMPLETE becomes an initContainer that must exit 0"},
    {"approximated-path", W, "ecs-to-k8s", "an ALB path pattern without an exact Ingress form"},
    {"approximated-load-balancer", W, "ecs-to-k8s", "a classic ELB becomes an NLB Service"},
    {"assumed-scheme", W, "ecs-to-k8s", "the load balancer scheme is unknown: internal assumed (--scheme sets it)"},
    {"irsa-trust-policy", N, "ecs-to-k8s", "the task role becomes an IRSA role: its trust policy must allow the cluster's OIDC provider (--oidc-provider writes it)"},
    {"extra-load-balancer", W, "ecs-to-k8s", "services sharing one NLB get one NLB each in Kubernetes"},
    {"environment-conflict", E, "ecs-to-k8s", "--kustomize: one workload name is a different kind of controller in two environments"},
    {"overlay-mismatch", E, "ecs-to-k8s", "--kustomize: an overlay would not give its environment's conversion (a bug: nothing is written)"},
    {"assumed-route", W, "ecs-to-k8s", "no listener/rule wiring given: the Ingress (or HTTPRoute) routes / on port 80"},
    {"approximated-match", W, "ecs-to-k8s", "an ALB header or query-string pattern with wildcards becomes a RegularExpression HTTPRoute match"},
    {"missing-certificate", W, "ecs-to-k8s", "an HTTPS listener without a certificate in the input: the LoadBalancerConfiguration needs one"},
    {"unconvertible-route", W, "ecs-to-k8s", "a listener rule (or one of its target groups) has no HTTPRoute form and is left out"},
    {"essential-init-container", W, "ecs-to-k8s", "an essential container that others wait on to exit"},
    {"non-essential-container", N, "ecs-to-k8s", "a non-essential container is restarted by Kubernetes when it exits"},
    {"no-app-container", E, "ecs-to-k8s", "every container is waited on to exit: none is left to run the pod"},
    {"no-ports", E, "ecs-to-k8s", "a service with load balancers or registries but no port mapping"},
    {"conflicting-values", W, "ecs-to-k8s", "containers set different values for a pod-level setting (hostname, sysctl)"},
    {"unsupported-placement", W, "ecs-to-k8s", "a placement constraint not translated to node affinity"},
    {"unsupported-scaling-metric", W, "both", "a scaling metric the other side cannot use"},
    {"hpa-without-requests", W, "ecs-to-k8s", "an HPA on utilization while no container requests that resource"},
    {"user-name-not-numeric", W, "ecs-to-k8s", "a user name where Kubernetes needs a numeric uid"},
    {"pod-exceeds-task-size", W, "ecs-to-k8s",
     "without pod-level resources (Kubernetes before 1.34, or a Windows pod) the containers' memory limits let the pod use more than the task memory"},
    {"pod-resources-raised", W, "ecs-to-k8s",
     "the pod-level resources are larger than the task size because the containers' own requests or limits need more (cpu units rounded up, or containers that do not fit in their task)"},

    // ---- Kubernetes -> ECS ---------------------------------------------------------------
    {"ignored-field", N, "k8s-to-ecs", "a Kubernetes field with no ECS counterpart"},
    {"bad-quantity", E, "k8s-to-ecs", "a resource quantity that does not parse"},
    {"bad-annotation", W, "k8s-to-ecs", "a specconv.io annotation that does not parse; ignored"},
    {"empty-probe", W, "k8s-to-ecs", "a probe without a handler"},
    {"image-pull-secret", W, "k8s-to-ecs", "imagePullSecrets need a Secrets Manager ARN for repositoryCredentials"},
    {"stateful-identity", W, "k8s-to-ecs", "a StatefulSet's stable identity has no ECS equivalent"},
    {"volume-claim-templates", W, "k8s-to-ecs", "StatefulSet volumeClaimTemplates become EFS placeholders"},
    {"unknown-port-name", W, "k8s-to-ecs", "a named targetPort that no container defines"},
    {"invalid-env-name", W, "k8s-to-ecs", "an envFrom key that is not a valid environment variable name; skipped"},
    {"replicas-from-hpa", W, "k8s-to-ecs", "desiredCount taken from the HPA's minReplicas"},
    {"run-task", N, "k8s-to-ecs", "a Job/CronJob/Pod becomes a task definition to run (how to run or schedule it)"},
    {"clamped-value", W, "k8s-to-ecs", "a value clamped to the range ECS accepts"},
    {"rounded-up", W, "k8s-to-ecs", "a value rounded up to what ECS can express"},
    {"memory-rounded", W, "k8s-to-ecs", "a memory quantity that is not a whole MiB, rounded up"},
    {"fargate-size", N, "k8s-to-ecs", "the Fargate task size chosen for the containers' needs"},
    {"no-fargate-size", E, "k8s-to-ecs", "the containers need more than the largest Fargate size"},
    {"task-too-large", E, "k8s-to-ecs", "the containers of a pod need more CPU than ECS gives one task on EC2 or external instances (196608 units, 192 vCPU)"},
    {"no-resources", W, "k8s-to-ecs", "no container states resources; the smallest task size is used"},
    {"fargate-capability", E, "k8s-to-ecs", "a Linux capability Fargate does not allow"},
    {"privileged-fargate", E, "k8s-to-ecs", "privileged containers are not allowed on Fargate"},
    {"fargate-security-option", W, "k8s-to-ecs", "allowPrivilegeEscalation: false or a seccompProfile that Fargate cannot apply (Fargate takes no dockerSecurityOptions); not enforced"},
    {"seccomp-profile-not-applied", W, "k8s-to-ecs", "a seccompProfile ECS cannot name: Localhost (Docker's API takes a profile's JSON, not a host path) or an unknown type; the container runs with Docker's default profile"},
    {"non-root-violated", E, "k8s-to-ecs", "runAsNonRoot: true while the container's user is uid 0 or root: Kubernetes would not start it"},
    {"non-root-not-enforced", W, "k8s-to-ecs", "runAsNonRoot: true without a numeric user: ECS has no such check, the image's USER decides"},
    {"security-not-enforced", W, "k8s-to-ecs", "a Kubernetes security setting with no ECS counterpart (seLinuxOptions, appArmorProfile, supplementalGroups, windowsOptions, procMount Unmasked, hostUsers: false, ...): carried for the way back, not enforced on ECS"},
    {"host-network-fargate", E, "k8s-to-ecs", "hostNetwork is not available on Fargate"},
    {"host-path-fargate", E, "k8s-to-ecs", "hostPath volumes are not available on Fargate"},
    {"gpu-fargate", E, "k8s-to-ecs", "GPUs are not available on Fargate"},
    {"memory-volume-fargate", W, "k8s-to-ecs", "a memory-backed emptyDir on Fargate becomes a task volume"},
    {"daemon-on-fargate", E, "k8s-to-ecs", "a DaemonSet (DAEMON scheduling) on Fargate"},
    {"host-port-dropped", W, "k8s-to-ecs", "a hostPort that awsvpc mode does not allow"},
    {"probe-needs-tool", W, "k8s-to-ecs", "an HTTP/TCP probe became a shell health check that needs curl/nc in the image"},
    {"probe-not-mapped", W, "k8s-to-ecs", "a probe with no ECS health check form"},
    {"projected-volume", W, "k8s-to-ecs", "ConfigMap/Secret volumes need another mechanism on ECS"},
    {"unsupported-volume", W, "k8s-to-ecs", "a volume type with no ECS equivalent"},
    {"unknown-volume", E, "k8s-to-ecs", "a volume mount that names no volume"},
    {"unsupported-protocol", W, "k8s-to-ecs", "SCTP ports, which ECS does not support"},
    {"execution-role-needed", W, "k8s-to-ecs", "secrets or private images need --execution-role-arn"},
    {"efs-placeholder", W, "k8s-to-ecs", "a PersistentVolumeClaim became an EFS volume with a placeholder file system id"},
    {"network-placeholder", W, "k8s-to-ecs", "subnets/security groups are placeholders"},
    {"region-needed", W, "k8s-to-ecs", "the json output's default log configuration names a region (awslogs-region) and --region was not given: the placeholder REGION is written"},
    {"task-only", W, "k8s-to-ecs", "a workload that came from an ECS task definition without a service sets replicas: no service is written back, so they are not used"},
    {"target-group-placeholder", W, "k8s-to-ecs", "a target group ARN is a placeholder"},
    {"service-discovery", N, "k8s-to-ecs", "ClusterIP Services: how to reach the workload on ECS"},
    {"service-discovery-limit", W, "k8s-to-ecs", "a workload selected by several ClusterIP Services registers in the first one's Cloud Map service only"},
    {"listener-conflict", W, "k8s-to-ecs", "two Ingresses/Services want one load balancer port with different protocols or targets"},
    {"config-value-skipped", W, "k8s-to-ecs", "a ConfigMap value an SSM String parameter cannot hold (empty, over 8 KB, binaryData)"},
    {"ssm-parameter-needed", W, "k8s-to-ecs", "containers read ConfigMap keys from SSM parameters that the output does not create"},
    {"secure-string-parameters", N, "k8s-to-ecs", "Secret keys in SSM SecureString parameters are created from the --emit-secret-values file only"},
    {"irsa-task-role", N, "k8s-to-ecs", "the IRSA role becomes the task role: its trust policy must allow ecs-tasks.amazonaws.com (warning when only a name is known and a role is created)"},
    {"schedule-not-expressible", E, "ecs-to-k8s", "an EventBridge schedule expression with no exact five-field cron form (L, W, #, a year, a rate that does not divide its unit, a one-off at(...)): the CronJob is not written rather than run at other times"},
    {"schedule-override-applied", N, "ecs-to-k8s", "a scheduled task's container override (command, environment) is written into the CronJob's pod template (the task definition itself does not have it)"},
    {"schedule-retry-policy", N, "ecs-to-k8s", "an EventBridge RetryPolicy retries the RunTask call, not a failed task: it is no backoffLimit (a failed run is not retried: backoffLimit 0, as on ECS)"},
    {"schedule-rate-aligned", N, "ecs-to-k8s", "a rate(...) schedule counts from when it was created; the CronJob runs at the same interval aligned to the clock (*/N)"},
    {"schedule-not-converted", W, "k8s-to-ecs", "a CronJob schedule with no EventBridge Scheduler form (both day fields set, time zone prefix)"},
    {"bad-secret-data", W, "k8s-to-ecs", "a Secret value that is not base64, binary or empty; left out of the --emit-secret-values file"},
    {"k8s-carry-too-large", W, "k8s-to-ecs", "the Kubernetes-only fields of a workload do not fit in the dockerLabels carry (32 KiB, and the task definition with them within 64 KiB): converting back gives only what the ECS fields express"},
    {"not-carried", N, "k8s-to-ecs", "a Service, Ingress, HPA or ServiceAccount linked to no converted workload: no ECS document carries it back to Kubernetes"},
};

}  // namespace

const std::vector<CodeInfo>& diagnostic_codes() { return kCodes; }

const CodeInfo* find_code(std::string_view code) {
  for (const CodeInfo& c : kCodes) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

std::string diagnostics_markdown() {
  std::ostringstream out;
  out << "# Diagnostic codes\n\n"
         "Generated by `specconv diagnostics` from `src/diag/codes.cc`; do not edit by hand.\n\n"
         "Every diagnostic carries one of these stable codes, shown in brackets at the end of a text\n"
         "line (`file:line:col: /pointer: warning: message [code]`) and as `code` in\n"
         "`--diagnostics json`. Errors make the input fail (exit 1, nothing of that input is written);\n"
         "warnings fail only with `--strict`; notes are information (hidden with `--quiet`).\n";
  const std::pair<std::string_view, std::string_view> areas[] = {
      {"input", "Reading input (both directions)"}, {"both", "Conversion (both directions)"},
      {"ecs-to-k8s", "ECS to Kubernetes"}, {"k8s-to-ecs", "Kubernetes to ECS"}, {"output", "Writing output"},
      {"validate", "Schema validation (specconv validate, and every object specconv writes)"}};
  for (const auto& [area, title] : areas) {
    out << "\n## " << title << "\n\n| code | severity | meaning |\n|---|---|---|\n";
    for (const CodeInfo& c : kCodes) {
      if (c.area == area) out << "| `" << c.code << "` | " << to_string(c.severity) << " | " << c.meaning << " |\n";
    }
  }
  return out.str();
}

}  // namespace specconv::diag
