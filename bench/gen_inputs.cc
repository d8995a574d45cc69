// Benchmark input generator: writes N ECS task definitions derived from seed files, varying
// family names, environment sizes and container counts, so batch runs see realistic spread.
//   gen_inputs SEED_DIR OUT_DIR N
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "io/json_load.h"
#include "io/json_write.h"

namespace fs = std::filesystem;
using specconv::io::Node;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: gen_inputs SEED_DIR OUT_DIR N\n";
    return 2;
  }
  std::vector<Node> seeds;
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
    if (e.path().extension() == ".json") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    specconv::Diagnostics d;
    auto n = specconv::io::load_json(ss.str(), p.string(), specconv::io::Limits{}, d);
    if (!n || !n->is_object()) continue;
    if (Node* td = n->find("taskDefinition")) n = *td;
    if (n->find("containerDefinitions") == nullptr || n->find("family") == nullptr) continue;
    seeds.push_back(std::move(*n));
  }
  if (seeds.empty()) {
    std::cerr << "gen_inputs: no task definitions under " << argv[1] << "\n";
    return 1;
  }
  const long count = std::stol(argv[3]);
  fs::create_directories(argv[2]);
  for (long i = 0; i < count; ++i) {
    Node td = seeds[static_cast<std::size_t>(i) % seeds.size()];
    td.set("family", Node::string(td.find("family")->text() + "-" + std::to_string(i)));
    Node* defs = td.find("containerDefinitions");
    if (defs != nullptr && !defs->items().empty() && defs->items()[0].is_object()) {
      Node& first = defs->items()[0];
      Node* env = first.find("environment");
      if (env == nullptr || !env->is_array()) env = &first.set("environment", Node::array());
      for (long k = 0; k < i % 7; ++k) {
        Node var = Node::object();
        var.set("name", Node::string("GENERATED_" + std::to_string(k)));
        var.set("value", Node::string(std::to_string(i * 31 + k)));
        env->push(std::move(var));
      }
    }
    const fs::path out = fs::path(argv[2]) / ("td-" + std::to_string(i / 1000)) / ("task-" + std::to_string(i) + ".json");
    fs::create_directories(out.parent_path());
    std::ofstream(out) << specconv::io::to_json(td, 2) << "\n";
  }
  return 0;
}
