// The floor a batch conversion is measured against: for every input file of a folder, read it,
// parse it with the project's own readers, write it again in the other format with the project's
// own writers, one output file per input (ECS JSON -> YAML, Kubernetes YAML -> JSON), on one core.
// No conversion happens, so `specconv convert -j 1` over the same files can only be slower; the
// ratio of the two says what the conversion itself costs on top of the I/O it cannot avoid.
//   bench_floor IN_DIR OUT_DIR       prints "<files> files <seconds> s"
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "io/file.h"
#include "io/json_load.h"
#include "io/json_write.h"
#include "io/yaml_load.h"
#include "io/yaml_write.h"

namespace fs = std::filesystem;
using specconv::io::Node;

namespace {

/// Parse + emit + write of one file; false when it does not parse.
bool copy_through(const fs::path& in, const fs::path& out_dir, const specconv::io::Limits& limits) {
  specconv::Diagnostics d;
  const auto text = specconv::io::read_input(in.string(), limits, d);
  if (!text) return false;
  std::string out;
  if (in.extension() == ".json") {
    const auto node = specconv::io::load_json(*text, in.string(), limits, d);
    if (!node) return false;
    out = specconv::io::to_yaml(*node);
  } else {
    const specconv::io::YamlLoad load = specconv::io::load_yaml(*text, in.string(), limits, d);
    if (!load.ok) return false;
    for (const auto& doc : load.documents) out += specconv::io::to_json(doc.root) + "\n";
  }
  const fs::path target = out_dir / (in.stem().string() + (in.extension() == ".json" ? ".yaml" : ".json"));
  return specconv::io::write_file_atomic(target.string(), out).empty();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bench_floor IN_DIR OUT_DIR\n";
    return 2;
  }
  std::vector<fs::path> inputs;
  for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
    const auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".json" || ext == ".yaml" || ext == ".yml")) inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  fs::create_directories(argv[2]);
  const specconv::io::Limits limits;
  const auto start = std::chrono::steady_clock::now();
  std::size_t done = 0;
  for (const auto& in : inputs) done += copy_through(in, argv[2], limits) ? 1 : 0;
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cout << done << " files " << took.count() << " s\n";
  return done == inputs.size() ? 0 : 1;
}
