// `specconv convert`: batch conversion of files and folders into an output tree, with a
// progress line on a terminal, a report (JSON, JUnit or SARIF), and a one-line summary.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iomanip>
#include <mutex>
#include <optional>
#include <ostream>
#include <sstream>
#include <thread>

#include "app/batch.h"
#include "cli/batch_options.h"
#include "cli/fail_policy.h"
#include "cli/report_file.h"
#include "cli/run.h"
#include "diag/render.h"

namespace specconv::cli {


namespace {

/// Draws and clears the progress line; shared by the ticker thread and the report sink.
class StatusLine {
 public:
  StatusLine(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
  template <typename F>
  void print(F&& f) {
    std::lock_guard lock(mu_);
    clear_locked();
    f(err_);
  }
  void draw(const std::string& text) {
    std::lock_guard lock(mu_);
    if (!enabled_) return;
    err_ << "\r\033[K" << text << std::flush;
    shown_ = true;
  }
  void clear() {
    std::lock_guard lock(mu_);
    clear_locked();
  }

 private:
  void clear_locked() {
    if (shown_) err_ << "\r\033[K" << std::flush;
    shown_ = false;
  }
  std::mutex mu_;
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
};

/// Errors always reach stderr, warnings unless -q, notes with -v.
bool shown(const BatchCliOptions& o, const Diagnostic& d) {
  switch (d.severity) {
    case Severity::kError: return true;
    case Severity::kWarning: return !o.quiet;
    case Severity::kNote: return o.verbose > 0;
  }
  return true;
}

std::string fixed(double v, int digits) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

/// The environments of `convert --kustomize FOLDER`: its subfolders, by name. "" and a message
/// when FOLDER is not such a folder.
std::vector<std::string> environment_args(const BatchCliOptions& o, std::string& problem) {
  namespace fs = std::filesystem;
  if (o.inputs.size() != 1 || !fs::is_directory(o.inputs.front())) {
    problem = "--kustomize takes one folder whose subfolders are the environments (e.g. envs/ with dev/ and prod/)";
    return {};
  }
  std::vector<std::string> args;
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(o.inputs.front())) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    if (fs::is_directory(p)) {
      args.push_back(p.filename().string() + "=" + p.string());
    } else if (p.extension() == ".json") {
      problem = "--kustomize: " + p.string() + " is beside the environment folders, in none of them: move it into one";
      return {};
    }
  }
  if (args.empty()) problem = "--kustomize: " + o.inputs.front() + " has no subfolder (one per environment)";
  return args;
}

/// convert --kustomize: the to-k8s --env ... --kustomize run, with convert's flags.
int run_convert_kustomize(const BatchCliOptions& o, std::ostream& out, std::ostream& err) {
  std::string problem;
  CliOptions k;
  k.command = Command::kToK8s;
  k.environments = environment_args(o, problem);
  if (!problem.empty()) {
    err << "specconv convert: " << problem << "\n";
    return kExitUsage;
  }
  k.kustomize_dir = o.output_dir;
  k.env_namespaces = o.env_namespaces;
  k.namespace_name = o.namespace_name;
  k.secrets = o.secrets;
  k.ssm_store = o.ssm_store;
  k.secrets_manager_store = o.secrets_manager_store;
  k.scheme = o.scheme;
  k.routing = o.routing;
  k.carry = o.carry;
  k.gateway_class = o.gateway_class;
  k.create_gateway_class = o.create_gateway_class;
  k.kubernetes_version = o.kubernetes_version;
  k.parameters = o.parameters;
  k.region = o.region;
  k.account_id = o.account_id;
  k.stack_name = o.stack_name;
  k.limits = o.limits;
  k.quiet = o.quiet;
  k.strict = std::find(o.fail_on.begin(), o.fail_on.end(), "warning") != o.fail_on.end();
  return run_kustomize(k, out, err);
}

}  // namespace

int run_convert(const BatchCliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.kustomize && !o.report.empty()) {
    err << "specconv convert: --report is not written with --kustomize (one layout, not one result per file); "
           "the diagnostics are on stderr\n";
    return kExitUsage;
  }
  if (o.kustomize) return run_convert_kustomize(o, out, err);
  if (!o.env_namespaces.empty()) {
    err << "specconv convert: --env-namespace needs --kustomize (a folder of environment folders)\n";
    return kExitUsage;
  }
  if (o.report.empty() && o.report_format != "json") {
    err << "specconv convert: --report-format " << o.report_format << " needs --report FILE\n";
    return kExitUsage;
  }
  namespace fs = std::filesystem;
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();

  app::BatchOptions b;
  b.inputs = o.inputs;
  b.output_dir = o.output_dir;
  b.jobs = o.jobs != 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (o.to == "k8s") b.only = app::Direction::kToK8s;
  if (o.to == "ecs") b.only = app::Direction::kToEcs;
  b.limits = o.limits;
  b.to_k8s.limits = o.limits;
  b.to_ecs.limits = o.limits;
  if (o.secret_store == "secretsmanager" && (o.region.empty() || o.account_id.empty())) {
    err << "specconv: --secret-store secretsmanager needs --region and --account-id (Secrets Manager ARNs name both)\n";
    return 2;
  }
  const std::optional<TemplateInputs> templates = template_inputs(o.parameters, o.region, o.account_id, o.stack_name, err);
  if (!templates) return 2;
  b.to_k8s.templates = *templates;
  b.to_k8s.namespace_name = o.namespace_name;
  b.to_k8s.external_secrets = o.secrets == "external-secrets";
  b.to_k8s.ssm_store = o.ssm_store;
  b.to_k8s.secrets_manager_store = o.secrets_manager_store;
  b.to_k8s.scheme = o.scheme;
  b.to_k8s.gateway_api = o.routing == "gateway-api";
  b.to_k8s.carry = o.carry == "full";
  b.to_ecs.carry = o.carry == "full";
  b.to_k8s.gateway_class = o.gateway_class;
  b.to_k8s.create_gateway_class = o.create_gateway_class;
  b.to_k8s.kubernetes_version = o.kubernetes_version;
  b.to_ecs.fargate = o.launch_type != "EC2";
  b.to_ecs.launch_type_explicit = !o.launch_type.empty();
  b.to_ecs.parameter_prefix = o.parameter_prefix;
  b.to_ecs.secrets_manager = o.secret_store == "secretsmanager";
  b.to_ecs.config_maps = config_maps_option(o.config_maps);
  b.to_ecs.awslogs = o.logs == "awslogs";
  b.to_ecs.log_retention_days = o.log_retention_days;
  b.to_ecs.region = o.region;
  b.to_ecs.account_id = o.account_id;
  b.to_ecs.execution_role_arn = o.execution_role_arn;
  b.to_ecs.cluster = o.cluster;
  b.to_ecs.subnets = o.subnets;
  b.to_ecs.security_groups = o.security_groups;
  const bool tty = isatty(STDERR_FILENO) != 0;
  const bool show_progress = tty && !o.quiet;
  b.count_first = show_progress;
  if (!o.report.empty()) b.exclude.push_back(o.report);

  spdlog::logger trace("specconv", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  trace.set_level(o.verbose > 0 ? spdlog::level::debug : spdlog::level::off);
  trace.set_pattern("[%H:%M:%S.%e] [%t] %v");
  trace.debug("convert: {} input(s) -> {}, {} job(s)", o.inputs.size(), o.output_dir, b.jobs);

  std::string policy_error;
  const std::optional<FailPolicy> policy = make_fail_policy(o.fail_on, o.ignore, policy_error);
  if (!policy) {
    err << "specconv: " << policy_error << "\n";
    return 2;
  }
  ReportFile report;
  if (!o.report.empty()) {
    const FailsRun fails_run = [p = *policy](const Diagnostic& d) { return fails(p, d); };
    if (!report.open(o.report, make_report_renderer(*report_format(o.report_format), fails_run, SPECCONV_VERSION))) {
      err << "specconv: cannot write the report " << o.report << "\n";
      return 1;
    }
  }

  std::atomic<bool> failing = false;
  StatusLine status(err, show_progress);
  const app::FileSink sink = [&](const app::FileReport& r) {
    report.add(r);
    trace.debug("{}: {} {} ({} output(s), {} written, {} diagnostic(s))", r.path, app::to_string(r.status),
                app::to_string(r.direction), r.outputs.size(), r.outputs_written, r.diagnostics.size());
    bool any = false;
    for (const Diagnostic& d : r.diagnostics) {
      any = any || shown(o, d);
      if (fails(*policy, d)) failing = true;
    }
    if (any) {
      status.print([&](std::ostream& e) {
        for (const Diagnostic& d : r.diagnostics) {
          if (shown(o, d)) e << diag::render_one(d) << "\n";
        }
      });
    }
  };

  app::BatchProgress progress;
  std::mutex tick_mu;
  std::condition_variable tick_cv;
  bool finished = false;
  std::thread ticker;
  if (show_progress) {
    ticker = std::thread([&] {
      std::unique_lock lock(tick_mu);
      while (!tick_cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return finished; })) {
        const double s = std::chrono::duration<double>(Clock::now() - start).count();
        if (s < 1.0) continue;
        const std::size_t done = progress.done.load();
        std::string line = "specconv: " + std::to_string(done) + "/" + std::to_string(progress.total.load()) +
                           (progress.walked.load() ? "" : "+") + " files, " + fixed(static_cast<double>(done) / s, 0) +
                           " files/s, " + std::to_string(progress.errors.load()) + " failed";
        status.draw(line);
      }
    });
  }

  app::BatchOutcome outcome;
  std::exception_ptr failure;
  try {
    outcome = app::run_batch(b, progress, sink);
  } catch (...) {
    failure = std::current_exception();
  }
  if (ticker.joinable()) {
    {
      std::lock_guard lock(tick_mu);
      finished = true;
    }
    tick_cv.notify_all();
    ticker.join();
  }
  status.clear();
  if (failure) {
    report.abandon();
    std::rethrow_exception(failure);
  }
  if (!outcome.refused.empty()) {
    report.abandon();
    err << "specconv: " << outcome.refused << "\n";
    return 2;
  }
  const app::BatchTotals& t = outcome.totals;
  const int exit_code = t.failed > 0 || t.errors > 0 || failing ? 1 : 0;
  if (report.is_open() && !report.finish({t, exit_code})) {
    err << "specconv: cannot write the report " << o.report << "\n";
    return 1;
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!o.quiet) {
    err << "specconv: " << t.files << " files: " << t.converted << " converted, " << t.failed << " failed, " << t.skipped
        << " skipped; " << t.outputs << " outputs (" << t.outputs_written << " written); " << t.warnings << " warnings, "
        << t.errors << " errors; " << fixed(seconds, 2) << " s\n";
  }
  return exit_code;
}

}  // namespace specconv::cli
