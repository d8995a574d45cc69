// Batch conversion engine: producer (walk + classify) -> bounded queue -> workers (read,
// convert, write) -> reorder buffer -> caller's sink, in walk order. Never prints.
#include "app/batch.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "input/kind.h"
#include "io/file.h"
#include "io/json_write.h"
#include "mapping/names.h"

namespace specconv::app {

const char* to_string(Direction d) {
  switch (d) {
    case Direction::kToK8s: return "to-k8s";
    case Direction::kToEcs: return "to-ecs";
    case Direction::kUnknown: break;
  }
  return "unknown";
}

const char* to_string(FileStatus s) {
  switch (s) {
    case FileStatus::kConverted: return "converted";
    case FileStatus::kFailed: return "failed";
    case FileStatus::kSkipped: return "skipped";
  }
  return "failed";
}

namespace fs = std::filesystem;

Detected detect_input(std::string_view name, std::string_view text) {
  Detected d;
  if (std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; })) {
    return d;  // empty: unknown
  }
  // YAML is Kubernetes (a CloudFormation template aside); JSON that is not a Kubernetes object (broken JSON included) goes to the ECS
  // reader, which reports what it is not.
  const input::Kind kind = input::sniff(text);
  const std::string ext = fs::path(std::string(name)).extension().string();
  const bool yaml = ext == ".yaml" || ext == ".yml";
  d.direction = yaml || kind.platform() == input::Platform::kKubernetes ? Direction::kToEcs : Direction::kToK8s;
  if (kind.shape == input::Shape::kCloudFormationTemplate || input::is_terraform(kind.shape)) {
    d.direction = Direction::kToK8s;  // YAML templates too
  }
  d.companion = kind.companion();
  d.kubernetes = kind.platform() == input::Platform::kKubernetes;
  d.cloudformation = kind.shape == input::Shape::kCloudFormationTemplate;
  return d;
}

bool is_input_extension(std::string_view ext) {
  return ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".template";
}

std::string safe_file_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
    out += ok && static_cast<unsigned char>(c) < 0x80 ? c : '-';
  }
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  if (out.size() > 200) {  // file systems allow 255 bytes; keep two long names apart
    out.resize(194);
    out += "-" + mapping::hash_digits(name);
  }
  if (out.empty()) out = "unnamed";
  return out;
}

namespace {

struct FileItem {
  std::size_t seq = 0;
  std::string path;      // display path
  std::string rel_stem;  // output folder relative to DIR (generic separators)
  Detected detected;
  std::optional<std::string> text;  // kept from classification when the folder is small enough
};

struct Unit {
  Direction direction = Direction::kUnknown;
  std::vector<FileItem> files;
};

/// Bounded multi-producer/multi-consumer queue of units.
class WorkQueue {
 public:
  explicit WorkQueue(std::size_t capacity) : capacity_(capacity) {}
  void push(Unit u) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(u));
    not_empty_.notify_one();
  }
  std::optional<Unit> pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    Unit u = std::move(items_.front());
    items_.pop_front();
    // Wake a waiting producer only at half capacity, so that it refills in bursts instead of
    // one context switch per unit.
    if (items_.size() == capacity_ / 2) not_full_.notify_one();
    return u;
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Unit> items_;
  std::size_t capacity_;
  bool closed_ = false;
};

int severity_rank(Severity s) { return s == Severity::kError ? 0 : s == Severity::kWarning ? 1 : 2; }

void sort_diagnostics(std::vector<Diagnostic>& v) {
  std::stable_sort(v.begin(), v.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.document, a.location.line, a.location.column, a.location.pointer) <
               std::tie(b.location.document, b.location.line, b.location.column, b.location.pointer) ||
           (std::tie(a.location.document, a.location.line, a.location.column, a.location.pointer) ==
                std::tie(b.location.document, b.location.line, b.location.column, b.location.pointer) &&
            std::make_tuple(severity_rank(a.severity), std::cref(a.code), std::cref(a.message)) <
                std::make_tuple(severity_rank(b.severity), std::cref(b.code), std::cref(b.message)));
  });
}

/// Hands reports to the sink in sequence order.
class Reorder {
 public:
  Reorder(const FileSink& sink, BatchProgress& progress, BatchTotals& totals)
      : sink_(sink), progress_(progress), totals_(totals) {}
  void push(FileReport r, std::size_t seq) {
    std::lock_guard lock(mu_);
    sort_diagnostics(r.diagnostics);
    std::sort(r.outputs.begin(), r.outputs.end());
    pending_.emplace(seq, std::move(r));
    while (!pending_.empty() && pending_.begin()->first == next_) {
      FileReport& x = pending_.begin()->second;
      account(x);
      if (sink_) sink_(x);
      pending_.erase(pending_.begin());
      ++next_;
    }
  }

 private:
  void account(const FileReport& r) {
    ++totals_.files;
    if (r.status == FileStatus::kConverted) ++totals_.converted;
    else if (r.status == FileStatus::kFailed) ++totals_.failed;
    else ++totals_.skipped;
    totals_.outputs += r.outputs.size();
    totals_.outputs_written += r.outputs_written;
    std::size_t warnings = 0;
    for (const Diagnostic& d : r.diagnostics) {
      if (d.severity == Severity::kError) ++totals_.errors;
      else if (d.severity == Severity::kWarning) ++totals_.warnings, ++warnings;
      else ++totals_.notes;
    }
    progress_.done.fetch_add(1, std::memory_order_relaxed);
    if (r.status == FileStatus::kFailed) progress_.errors.fetch_add(1, std::memory_order_relaxed);
    progress_.warnings.fetch_add(warnings, std::memory_order_relaxed);
  }

  std::mutex mu_;
  const FileSink& sink_;
  BatchProgress& progress_;
  BatchTotals& totals_;
  std::map<std::size_t, FileReport> pending_;
  std::size_t next_ = 0;
};

bool has_ext(const fs::path& p) { return is_input_extension(p.extension().string()); }

/// `inner` is `outer` or below it (both canonical).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

std::string stem_of(const fs::path& file) {
  std::string s = file.stem().string();
  if (s.empty() || s == "." || s == "..") {
    s = file.filename().string();
    std::replace(s.begin(), s.end(), '.', '_');
  }
  return s;
}

class Batch {
 public:
  Batch(const BatchOptions& o, BatchProgress& p, const FileSink& sink)
      : o_(o), progress_(p), reorder_(sink, p, totals_), queue_(32 * std::max<std::size_t>(1, o.jobs)) {}

  BatchOutcome run() {
    BatchOutcome outcome;
    outcome.refused = check_setup();
    if (!outcome.refused.empty()) return outcome;
    if (o_.count_first) {
      std::size_t n = 0;
      for (const std::string& in : o_.inputs) n += count(in);
      progress_.total = n;
      progress_.walked = true;
    }
    std::vector<std::thread> workers;
    const std::size_t jobs = std::max<std::size_t>(1, o_.jobs);
    workers.reserve(jobs);
    for (std::size_t i = 0; i < jobs; ++i) workers.emplace_back([this] { work(); });
    try {
      for (const std::string& in : o_.inputs) walk_input(in);
    } catch (...) {
      remember(std::current_exception());
    }
    if (!o_.count_first) progress_.walked = true;
    queue_.close();
    for (auto& t : workers) t.join();
    if (failure_) std::rethrow_exception(failure_);
    outcome.totals = totals_;
    return outcome;
  }

 private:
  std::string check_setup() {
    if (o_.output_dir.empty()) return "convert needs an output folder: -o DIR";
    if (o_.inputs.empty()) return "no input given";
    std::error_code ec;
    fs::create_directories(o_.output_dir, ec);
    if (ec) return "cannot create the output folder " + o_.output_dir + ": " + ec.message();
    out_dir_ = fs::canonical(o_.output_dir, ec);
    if (ec) return "cannot resolve the output folder " + o_.output_dir + ": " + ec.message();
    for (const std::string& x : o_.exclude) {
      const fs::path c = fs::weakly_canonical(x, ec);
      if (!ec) excluded_.push_back(c);
    }
    for (const std::string& in : o_.inputs) {
      if (in == "-") return "convert reads files and folders, not standard input (use to-k8s or to-ecs for -)";
      const fs::path c = fs::weakly_canonical(in, ec);
      if (!ec && is_within(c, out_dir_)) {
        return "the output folder " + o_.output_dir + " holds the input " + in +
               ": outputs could overwrite inputs; choose an output folder outside the inputs";
      }
    }
    return "";
  }

  void remember(std::exception_ptr e) {
    std::lock_guard lock(failure_mu_);
    if (!failure_) failure_ = e;
  }

  bool is_output_dir(const fs::path& dir) const {
    std::error_code ec;
    const fs::path c = fs::canonical(dir, ec);
    return !ec && c == out_dir_;
  }

  bool is_excluded(const fs::path& file) const {
    for (const fs::path& x : excluded_) {
      if (x.filename() != file.filename()) continue;
      std::error_code ec;
      if (fs::weakly_canonical(file, ec) == x) return true;
    }
    return false;
  }

  std::size_t count(const fs::path& in) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) return 1;
    if (is_output_dir(in)) return 0;
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(in, fs::directory_options::skip_permission_denied, ec)) {
      std::error_code ec2;
      if (e.is_directory(ec2) && !e.is_symlink(ec2)) n += count(e.path());
      else if (e.is_regular_file(ec2) && has_ext(e.path()) && !is_excluded(e.path())) ++n;
    }
    return n;
  }

  void walk_input(const std::string& in) {
    std::error_code ec;
    const fs::path p(in);
    if (fs::is_directory(p, ec)) {
      walk_folder(p, "");
      return;
    }
    FileItem item;
    item.path = in;
    item.rel_stem = stem_of(p);
    if (!fs::exists(p, ec)) {
      FileReport r;
      r.path = in;
      r.status = FileStatus::kFailed;
      r.diagnostics.push_back({Severity::kError, "unreadable-input", "no such file or folder", {in, "", 0, 0, -1}});
      reorder_.push(std::move(r), next_seq_++);
      return;
    }
    std::vector<FileItem> files;
    files.push_back(std::move(item));
    dispatch_folder(files);
  }

  void walk_folder(const fs::path& dir, const std::string& rel) {
    if (is_output_dir(dir)) return;  // the output folder inside an input folder is not input
    std::vector<std::string> file_names, dir_names;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code ec2;
      const auto& e = *it;
      if (e.is_directory(ec2)) {
        if (!e.is_symlink(ec2)) dir_names.push_back(e.path().filename().string());  // no cycles
      } else if (e.is_regular_file(ec2) && has_ext(e.path()) && !is_excluded(e.path())) {
        file_names.push_back(e.path().filename().string());
      }
    }
    std::sort(file_names.begin(), file_names.end());
    std::sort(dir_names.begin(), dir_names.end());
    std::vector<FileItem> files;
    files.reserve(file_names.size());
    for (const std::string& name : file_names) {
      FileItem item;
      item.path = (dir / name).string();
      const std::string stem = stem_of(fs::path(name));
      item.rel_stem = rel.empty() ? stem : rel + "/" + stem;
      files.push_back(std::move(item));
    }
    dispatch_folder(files);
    for (const std::string& name : dir_names) walk_folder(dir / name, rel.empty() ? name : rel + "/" + name);
  }

  /// Classifies a folder's files, decides the units, and queues them (reports skipped and
  /// unreadable files directly).
  void dispatch_folder(std::vector<FileItem>& files) {
    constexpr std::size_t kKeepBytes = 16u << 20;  // texts kept from classification per folder
    std::size_t kept = 0;
    std::vector<std::optional<FileReport>> early(files.size());
    bool group_ecs = false;
    std::set<std::string> local;  // output folders of this folder's files
    for (std::size_t i = 0; i < files.size(); ++i) {
      FileItem& f = files[i];
      Diagnostics d;
      std::optional<std::string> text = io::read_input(f.path, o_.limits, d);
      if (!text) {
        FileReport r;
        r.path = f.path;
        r.status = FileStatus::kFailed;
        r.diagnostics = d.all();
        early[i] = std::move(r);
        continue;
      }
      f.detected = detect_input(fs::path(f.path).filename().string(), *text);
      if (fs::path(f.path).extension() == ".template" && !f.detected.cloudformation) {
        FileReport r;
        r.path = f.path;
        r.status = FileStatus::kSkipped;
        r.diagnostics.push_back({Severity::kWarning, "skipped-file",
                                 "a *.template file that is not a CloudFormation template (no Resources section with AWS:: "
                                 "types); not converted",
                                 {f.path, "", 0, 0, -1}});
        early[i] = std::move(r);
        continue;
      }
      if (f.detected.direction == Direction::kUnknown) {
        // Empty or blank: the reader of the extension's direction says so.
        const std::string ext = fs::path(f.path).extension().string();
        f.detected.direction = ext == ".json" ? Direction::kToK8s : Direction::kToEcs;
      }
      if (o_.only && *o_.only != f.detected.direction) {
        FileReport r;
        r.path = f.path;
        r.status = FileStatus::kSkipped;
        r.direction = f.detected.direction;
        early[i] = std::move(r);
        continue;
      }
      // Output folders are unique within one INPUT except for same-stem files of one folder
      // (x.json, x.yaml); across several INPUTs any two may clash, so those are remembered.
      const bool clash = !local.insert(f.rel_stem).second ||
                         (o_.inputs.size() > 1 && !claimed_.insert(std::hash<std::string>{}(f.rel_stem)).second);
      if (clash) {
        FileReport r;
        r.path = f.path;
        r.status = FileStatus::kFailed;
        r.direction = f.detected.direction;
        r.diagnostics.push_back({Severity::kError, "duplicate-output",
                                 "another input already writes to the output folder " + f.rel_stem +
                                     "/ (same path without extension); this file is skipped",
                                 {f.path, "", 0, 0, -1}});
        early[i] = std::move(r);
        continue;
      }
      // Only ECS companions group their folder: a service cannot be converted without its task
      // definition, while Kubernetes files stand alone (a folder of unrelated manifests would
      // otherwise clash on names).
      if (f.detected.companion && f.detected.direction == Direction::kToK8s) group_ecs = true;
      if (kept + text->size() <= kKeepBytes) {
        kept += text->size();
        f.text = std::move(text);
      }
    }
    progress_.total.fetch_add(o_.count_first ? 0 : files.size(), std::memory_order_relaxed);
    Unit ecs_group;
    ecs_group.direction = Direction::kToK8s;
    for (std::size_t i = 0; i < files.size(); ++i) {
      FileItem& f = files[i];
      f.seq = next_seq_++;
      if (early[i]) {
        reorder_.push(std::move(*early[i]), f.seq);
        continue;
      }
      if (group_ecs && f.detected.direction == Direction::kToK8s) {
        ecs_group.files.push_back(std::move(f));
      } else {
        Unit u;
        u.direction = f.detected.direction;
        u.files.push_back(std::move(f));
        queue_.push(std::move(u));
      }
    }
    if (!ecs_group.files.empty()) queue_.push(std::move(ecs_group));
  }

  void work() {
    while (auto unit = queue_.pop()) {
      try {
        process(*unit);
      } catch (...) {
        remember(std::current_exception());
        // keep the reorder buffer moving so the batch can finish
        for (const FileItem& f : unit->files) {
          FileReport r;
          r.path = f.path;
          r.status = FileStatus::kFailed;
          r.direction = unit->direction;
          reorder_.push(std::move(r), f.seq);
        }
      }
    }
  }

  void process(Unit& unit) {
    std::vector<FileReport> reports(unit.files.size());
    std::map<std::string, std::size_t> index;
    std::vector<InputText> inputs;
    inputs.reserve(unit.files.size());
    for (std::size_t i = 0; i < unit.files.size(); ++i) {
      FileItem& f = unit.files[i];
      reports[i].path = f.path;
      reports[i].direction = unit.direction;
      index.emplace(f.path, i);
      if (!f.text) {
        Diagnostics d;
        f.text = io::read_input(f.path, o_.limits, d);
        for (const Diagnostic& x : d.all()) reports[i].diagnostics.push_back(x);
        if (!f.text) continue;
      }
      inputs.push_back({f.path, std::move(*f.text)});
      f.text.reset();
    }
    const bool to_k8s = unit.direction == Direction::kToK8s;
    ConvertResult result;
    if (!inputs.empty()) result = to_k8s ? convert_to_k8s(inputs, o_.to_k8s) : convert_to_ecs(inputs, o_.to_ecs);
    inputs.clear();
    for (const Diagnostic& d : result.diagnostics.all()) {
      const auto it = index.find(d.location.file);
      reports[it == index.end() ? 0 : it->second].diagnostics.push_back(d);
    }
    const std::string ext = to_k8s && o_.to_k8s.format == OutputFormat::kJson ? ".json" : to_k8s ? ".yaml" : ".json";
    auto has_error = [](const FileReport& r) {
      return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::kError; });
    };
    // Plan every output first: a file that fails writes nothing at all, so failures (including
    // a name clash between two outputs) must be known before the first write.
    struct Planned {
      const OutputDocument* doc;
      std::size_t owner;
      std::vector<std::size_t> sources;
      std::string rel;
    };
    std::vector<Planned> plan;
    std::set<std::string> used;
    for (const OutputDocument& doc : result.documents) {
      Planned p{&doc, 0, {}, {}};
      for (const std::string& s : doc.sources) {  // the first source in path order owns the output
        const auto it = index.find(s);
        if (it == index.end()) continue;
        if (p.sources.empty() || unit.files[it->second].path < unit.files[p.owner].path) p.owner = it->second;
        p.sources.push_back(it->second);
      }
      if (p.sources.empty()) p.sources.push_back(0);
      const std::string name =
          to_k8s ? mapping::to_k8s_name(doc.name, mapping::NameKind::kRfc1123Subdomain).name : doc.name;
      p.rel = unit.files[p.owner].rel_stem + "/" + safe_file_name(name) + ext;
      if (!used.insert(p.rel).second) {
        reports[p.owner].diagnostics.push_back({Severity::kError, "duplicate-output",
                                                "another workload of this input already writes " + p.rel + "; \"" + doc.name +
                                                    "\" is skipped",
                                                {unit.files[p.owner].path, "", 0, 0, -1}});
        continue;
      }
      plan.push_back(std::move(p));
    }
    std::vector<bool> failed(reports.size());
    for (std::size_t i = 0; i < reports.size(); ++i) {
      failed[i] = has_error(reports[i]) || std::find(result.failed_inputs.begin(), result.failed_inputs.end(),
                                                     reports[i].path) != result.failed_inputs.end();
    }
    // An output made from several files is not written when one of them failed, and then the
    // others fail with it (which may stop another of their outputs: repeat until stable).
    for (bool changed = true; changed;) {
      changed = false;
      for (const Planned& p : plan) {
        const auto bad = std::find_if(p.sources.begin(), p.sources.end(), [&](std::size_t i) { return failed[i]; });
        if (bad == p.sources.end()) continue;
        for (std::size_t i : p.sources) {
          if (failed[i]) continue;
          failed[i] = changed = true;
          reports[i].diagnostics.push_back({Severity::kError, "workload-failed",
                                            "nothing is written from this file: \"" + p.doc->name + "\" also comes from " +
                                                unit.files[*bad].path + ", which failed",
                                            {unit.files[i].path, "", 0, 0, -1}});
        }
      }
    }
    std::vector<std::vector<std::string>> fresh(reports.size());  // written by this run, per owner
    for (const Planned& p : plan) {
      if (failed[p.owner]) continue;
      FileReport& r = reports[p.owner];
      bool written = false;
      const std::string problem = write_output(p.rel, p.doc->text, written);
      if (!problem.empty()) {
        r.diagnostics.push_back({Severity::kError, "write-failed", problem, {unit.files[p.owner].path, "", 0, 0, -1}});
        failed[p.owner] = true;
        std::error_code ec;  // no partial output: take back what this file wrote before
        for (const std::string& rel : fresh[p.owner]) fs::remove(out_dir_ / rel, ec);
        r.outputs.clear();
        r.outputs_written = 0;
        continue;
      }
      r.outputs.push_back(p.rel);
      if (written) {
        ++r.outputs_written;
        fresh[p.owner].push_back(p.rel);
      }
    }
    for (std::size_t i = 0; i < reports.size(); ++i) {
      FileReport& r = reports[i];
      r.status = failed[i] || has_error(r) ? FileStatus::kFailed : FileStatus::kConverted;
      reorder_.push(std::move(r), unit.files[i].seq);
    }
  }

  /// Writes DIR/rel unless it already holds `content`. Refuses paths that would leave DIR
  /// (through `..` or a symlink) and symlinked targets.
  std::string write_output(const std::string& rel, const std::string& content, bool& written) {
    const fs::path relp(rel);
    for (const auto& part : relp) {
      if (part == ".." || part == "." || part.empty() || relp.is_absolute()) {
        return "refusing to write " + rel + ": the path would leave the output folder";
      }
    }
    const fs::path full = out_dir_ / relp;
    std::error_code ec;
    // Every folder between DIR and the file must be a real folder inside DIR: a symlink among
    // them must resolve inside DIR. mkdir first (most folders are new, and a folder this call
    // created cannot be a symlink); the folders above the input's own folder (the mirrored input
    // tree, few) are remembered once checked, so memory stays flat as the batch grows.
    const fs::path parent = relp.parent_path();
    const std::size_t depth = static_cast<std::size_t>(std::distance(parent.begin(), parent.end()));
    fs::path at = out_dir_;
    std::size_t level = 0;
    bool fresh_folder = false;  // the file's folder was created just now, so the file cannot exist
    for (const auto& part : parent) {
      at /= part;
      const bool remember = ++level < depth;
      const std::string key = at.native();
      if (remember) {
        std::lock_guard lock(folders_mu_);
        if (checked_folders_.count(key) != 0) continue;
      }
      const bool created = ::mkdir(at.c_str(), 0777) == 0;
      fresh_folder = created && level == depth;
      if (!created) {
        if (errno != EEXIST) return "cannot create " + at.string() + ": " + std::strerror(errno);
        const fs::file_status s = fs::symlink_status(at, ec);
        if (fs::is_symlink(s)) {
          const fs::path real = fs::canonical(at, ec);
          if (ec || !is_within(real, out_dir_)) {
            return "refusing to write " + rel + ": " + at.string() + " is a symlink that leads outside the output folder";
          }
        } else if (!fs::is_directory(s)) {
          return "refusing to write " + rel + ": " + at.string() + " is not a folder";
        }
      }
      if (remember) {
        std::lock_guard lock(folders_mu_);
        checked_folders_.insert(key);
      }
    }
    if (fresh_folder) {
      const std::string problem = io::write_file_atomic(full.string(), content);
      written = problem.empty();
      return problem;
    }
    const fs::file_status st = fs::symlink_status(full, ec);
    if (fs::is_symlink(st)) return "refusing to write " + rel + ": the output path is a symlink";
    if (fs::is_regular_file(st) && fs::file_size(full, ec) == content.size() && !ec) {
      std::ifstream in(full, std::ios::binary);
      std::string old(content.size(), '\0');
      if (in.read(old.data(), static_cast<std::streamsize>(old.size())) && old == content) {
        written = false;
        return "";
      }
    } else if (fs::exists(st) && !fs::is_regular_file(st)) {
      return "refusing to write " + rel + ": something other than a file is in the way";
    }
    const std::string problem = io::write_file_atomic(full.string(), content);
    written = problem.empty();
    return problem;
  }

  const BatchOptions& o_;
  BatchProgress& progress_;
  BatchTotals totals_;
  Reorder reorder_;
  WorkQueue queue_;
  fs::path out_dir_;
  std::vector<fs::path> excluded_;
  std::size_t next_seq_ = 0;                 // producer only
  std::unordered_set<std::size_t> claimed_;  // producer only: output folders taken (hashes), several INPUTs only
  std::mutex failure_mu_;
  std::exception_ptr failure_;
  std::mutex folders_mu_;
  std::unordered_set<std::string> checked_folders_;  // mirrored input folders known to be real folders inside DIR
};

}  // namespace

BatchOutcome run_batch(const BatchOptions& options, BatchProgress& progress, const FileSink& sink) {
  Batch batch(options, progress, sink);
  return batch.run();
}

std::string report_entry_json(const FileReport& r) {
  using io::Node;
  Node j = Node::object();
  j.set("path", Node::string(r.path));
  j.set("status", Node::string(to_string(r.status)));
  j.set("direction", Node::string(to_string(r.direction)));
  j.set("outputs", Node::strings(r.outputs));
  Node diags = Node::array();
  for (const Diagnostic& d : r.diagnostics) {
    Node x = Node::object();
    x.set("code", Node::string(d.code));
    x.set("severity", Node::string(to_string(d.severity)));
    x.set("file", Node::string(d.location.file));
    x.set("pointer", Node::string(d.location.pointer));
    x.set("line", Node::integer(d.location.line));
    x.set("column", Node::integer(d.location.column));
    if (d.location.document >= 0) x.set("document", Node::integer(d.location.document));
    x.set("message", Node::string(d.message));
    diags.push(std::move(x));
  }
  j.set("diagnostics", std::move(diags));
  return io::to_json(j, -1);
}

std::string report_totals_json(const BatchTotals& t) {
  io::Node j = io::Node::object();
  for (const auto& [key, value] : {std::pair<const char*, std::size_t>{"files", t.files}, {"converted", t.converted},
                                   {"failed", t.failed}, {"skipped", t.skipped}, {"outputs", t.outputs},
                                   {"errors", t.errors}, {"warnings", t.warnings}, {"notes", t.notes}}) {
    j.set(key, io::Node::integer(static_cast<int64_t>(value)));
  }
  return io::to_json(j, -1);
}

}  // namespace specconv::app
