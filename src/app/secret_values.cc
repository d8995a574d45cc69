// secret_values_document: the only code that reads Secret values (for --emit-secret-values).
// Kept apart from the reader and the converters so that no other output can ever hold a value.
#include <string>
#include <vector>

#include "k8s/link.h"
#include "input/kind.h"
#include "io/json_load.h"
#include "io/json_write.h"
#include "io/yaml_load.h"
#include "specconv/convert_ecs.h"

namespace specconv {
namespace {

using io::Node;

std::optional<std::string> base64_decode(const std::string& in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  std::size_t pad = 0;
  for (char c : in) {
    if (c == '\n' || c == '\r' || c == ' ') continue;
    if (c == '=') {
      ++pad;
      continue;
    }
    if (pad > 0) return std::nullopt;  // data after padding
    const int v = value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  if (pad > 2) return std::nullopt;
  return out;
}

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    if (c == 0) return false;
    if (c < 0x80) n = 0;
    else if ((c >> 5) == 0x6) n = 1;
    else if ((c >> 4) == 0xE) n = 2;
    else if ((c >> 3) == 0x1E) n = 3;
    else return false;
    if (i + n >= s.size() + 0 && n > 0 && i + n > s.size() - 1) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += n + 1;
  }
  return true;
}

struct SecretData {
  std::string namespace_name = "default";
  std::string name;
  std::string type;
  std::vector<std::pair<std::string, std::string>> values;
};

void collect(const Node& n, const std::string& file, std::vector<SecretData>& out, Diagnostics& diags) {
  if (n.is_array()) {
    for (const Node& x : n.items()) collect(x, file, out, diags);
    return;
  }
  if (!n.is_object()) return;
  const Node* kind = n.find("kind");
  if (kind == nullptr || !kind->is_string()) return;
  if (const Node* items = n.find("items"); items != nullptr && items->is_array()) {
    collect(*items, file, out, diags);
    return;
  }
  if (kind->text() != "Secret") return;
  SecretData s;
  if (const Node* meta = n.find("metadata"); meta != nullptr && meta->is_object()) {
    if (const Node* name = meta->find("name"); name != nullptr && name->is_string()) s.name = name->text();
    if (const Node* ns = meta->find("namespace"); ns != nullptr && ns->is_string() && !ns->text().empty()) {
      s.namespace_name = ns->text();
    }
  }
  if (s.name.empty()) return;
  if (const Node* t = n.find("type"); t != nullptr && t->is_string()) s.type = t->text();
  auto put = [&](const std::string& key, std::string value) {
    for (auto& kv : s.values) {
      if (kv.first == key) {
        kv.second = std::move(value);  // stringData wins over data, as in the API server
        return;
      }
    }
    s.values.emplace_back(key, std::move(value));
  };
  SourceLocation where{file, "", n.line(), n.column(), -1};
  if (const Node* data = n.find("data"); data != nullptr && data->is_object()) {
    for (const auto& [k, v] : data->members()) {
      auto decoded = v.is_string() ? base64_decode(v.text()) : std::nullopt;
      if (!decoded) {
        diags.warning("bad-secret-data", where,
                      "Secret \"" + s.namespace_name + "/" + s.name + "\" key \"" + k + "\" is not base64; left out of the secret values file");
        continue;
      }
      if (!valid_utf8(*decoded)) {
        diags.warning("bad-secret-data", where,
                      "Secret \"" + s.namespace_name + "/" + s.name + "\" key \"" + k +
                          "\" holds binary data, which SSM / Secrets Manager string values cannot hold; left out of the secret values file");
        continue;
      }
      put(k, std::move(*decoded));
    }
  }
  if (const Node* data = n.find("stringData"); data != nullptr && data->is_object()) {
    for (const auto& [k, v] : data->members()) {
      if (v.is_scalar() && !v.is_null()) put(k, v.text().empty() && v.is_int() ? std::to_string(v.as_int()) : v.text());
    }
  }
  out.push_back(std::move(s));
}

}  // namespace

std::string secret_values_document(const std::vector<InputText>& inputs, const ToEcsOptions& options, Diagnostics& diags) {
  std::vector<SecretData> secrets;
  const io::Limits& limits = options.limits;
  for (const InputText& in : inputs) {
    Diagnostics ignored;  // syntax problems are reported by the conversion itself
    if (input::starts_like_json(in.text)) {
      if (auto root = io::load_json(in.text, in.path, limits, ignored)) collect(*root, in.path, secrets, diags);
    } else {
      const io::YamlLoad y = io::load_yaml(in.text, in.path, limits, ignored);
      if (!y.ok) continue;
      for (const auto& doc : y.documents) collect(doc.root, in.path, secrets, diags);
    }
  }
  Node calls = Node::array();
  for (const SecretData& s : secrets) {
    if (s.type == "kubernetes.io/dockerconfigjson") {
      // An image pull secret: repositoryCredentials reads a Secrets Manager secret holding
      // {"username", "password"} of the registry (the first one of .dockerconfigjson).
      std::string user, password;
      for (const auto& [k, v] : s.values) {
        if (k != ".dockerconfigjson") continue;
        Diagnostics ignored;
        auto cfg = io::load_json(v, "", io::Limits{}, ignored);
        const Node* auths = cfg ? cfg->find("auths") : nullptr;
        if (auths == nullptr || !auths->is_object() || auths->members().empty()) continue;
        const Node& entry = auths->members().front().second;
        if (const Node* u = entry.find("username"); u != nullptr && u->is_string()) user = u->text();
        if (const Node* p = entry.find("password"); p != nullptr && p->is_string()) password = p->text();
        if (const Node* a = entry.find("auth"); a != nullptr && a->is_string() && (user.empty() || password.empty())) {
          if (auto decoded = base64_decode(a->text()); decoded && decoded->find(':') != std::string::npos) {
            user = decoded->substr(0, decoded->find(':'));
            password = decoded->substr(decoded->find(':') + 1);
          }
        }
      }
      if (user.empty() || password.empty()) {
        diags.warning("bad-secret-data", {},
                      "image pull Secret \"" + s.namespace_name + "/" + s.name +
                          "\" has no registry username and password in .dockerconfigjson; left out of the secret values file");
        continue;
      }
      Node obj = Node::object();
      obj.set("username", io::str(user));
      obj.set("password", io::str(password));
      Node input = Node::object();
      const bool exists = options.secrets_manager && options.format != EcsFormat::kJson;  // cfn/api create it
      input.set(exists ? "SecretId" : "Name", io::str(s.namespace_name + "/" + s.name));
      input.set("SecretString", io::str(io::to_json(obj, -1)));
      Node call = Node::object();
      call.set("api", io::str(exists ? "secretsmanager:PutSecretValue" : "secretsmanager:CreateSecret"));
      call.set("input", std::move(input));
      calls.push(std::move(call));
      continue;
    }
    if (options.secrets_manager) {
      Node obj = Node::object();
      for (const auto& [k, v] : s.values) obj.set(k, io::str(v));
      Node input = Node::object();
      const std::string name = s.namespace_name + "/" + s.name;
      if (options.format == EcsFormat::kJson) input.set("Name", io::str(name));
      else input.set("SecretId", io::str(name));
      input.set("SecretString", io::str(io::to_json(obj, -1)));
      Node call = Node::object();
      call.set("api", io::str(options.format == EcsFormat::kJson ? "secretsmanager:CreateSecret" : "secretsmanager:PutSecretValue"));
      call.set("input", std::move(input));
      calls.push(std::move(call));
      continue;
    }
    for (const auto& [k, v] : s.values) {
      if (v.empty()) {
        diags.warning("bad-secret-data", {},
                      "Secret \"" + s.namespace_name + "/" + s.name + "\" key \"" + k +
                          "\" is empty, which an SSM parameter cannot hold; left out of the secret values file");
        continue;
      }
      Node input = Node::object();
      input.set("Name", io::str(k8s::ssm_parameter_name(options.parameter_prefix, s.namespace_name, s.name, k)));
      input.set("Value", io::str(v));
      input.set("Type", io::str("SecureString"));
      input.set("Overwrite", Node::boolean(true));
      Node call = Node::object();
      call.set("api", io::str("ssm:PutParameter"));
      call.set("input", std::move(input));
      calls.push(std::move(call));
    }
  }
  return io::to_json(calls, 2) + "\n";
}

}  // namespace specconv
