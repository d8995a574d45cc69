// translate(): one table-driven walk over a resource's values (and a plan's unknown marks).
#include "iac/terraform_translate.h"

#include <algorithm>

#include "io/json_load.h"
#include "io/pointer.h"

namespace specconv::iac {
namespace {

struct Walker {
  const TfResource& r;
  const TranslateContext& ctx;
  Translation& t;

  void fail(const io::Node& at, const std::string& pointer, const std::string& code, const std::string& message) {
    ctx.diags.error(code, {ctx.file, pointer, at.line(), at.column(), -1}, r.address + ": " + message);
    t.failed = true;
  }
};

/// Member `path` ("a/b") of `root`, created as objects on the way; the pointer recorded.
void put(io::Node& root, const std::string& api_ptr, std::string_view path, io::Node value, const std::string& src_ptr,
         Translation& t) {
  io::Node* at = &root;
  std::string ptr = api_ptr;
  std::size_t pos = 0;
  while (true) {
    const std::size_t slash = path.find('/', pos);
    const std::string key(path.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos));
    ptr += "/" + io::escape_pointer_token(key);
    if (slash == std::string_view::npos) {
      at->set(key, std::move(value));
      t.pointers.emplace_back(ptr, src_ptr);
      return;
    }
    if (at->find(key) == nullptr) {  // networkConfiguration of network_configuration's awsvpcConfiguration
      io::Node obj = io::Node::object();
      obj.set_position(value.line(), value.column());
      at->set(key, std::move(obj));
      t.pointers.emplace_back(ptr, src_ptr);
    }
    at = at->find(key);
    pos = slash + 1;
  }
}

std::string scalar_text(const io::Node& n) {
  if (n.is_bool()) return n.as_bool() ? "true" : "false";
  if (n.is_int()) return std::to_string(n.as_int());
  return n.is_string() ? n.text() : std::string();
}

void at_position(io::Node& n, const io::Node& from) {
  n.set_position(from.line(), from.column());
  for (io::Node& item : n.items()) at_position(item, from);
  for (auto& member : n.members()) at_position(member.second, from);
}

void translate_object(Walker& w, const io::Node& obj, const io::Node* unknown, const std::string& src,
                      const std::string& path, const Fields& fields, io::Node& into, const std::string& api);

/// A map of strings as a list of {key_name: k, "value": v}.
std::optional<io::Node> pairs(Walker& w, const io::Node& v, const std::string& src, const char* key_name) {
  if (!v.is_object()) {
    w.fail(v, src, "type-mismatch", "expected a map of strings");
    return std::nullopt;
  }
  io::Node out = io::Node::array();
  out.set_position(v.line(), v.column());
  for (const auto& [k, value] : v.members()) {
    if (!value.is_string()) {
      w.fail(value, src + "/" + io::escape_pointer_token(k), "type-mismatch", "expected a string");
      continue;
    }
    io::Node item = io::Node::object();
    item.set_position(value.line(), value.column());
    io::Node name = io::Node::string(k);
    name.set_position(value.line(), value.column());
    item.set(key_name, std::move(name));
    item.set("value", value);
    out.push(std::move(item));
  }
  return out;
}

/// container_definitions: JSON text, parsed; its nodes take the attribute's position.
std::optional<io::Node> embedded_json(Walker& w, const io::Node& v, const std::string& src, std::string_view tf) {
  if (!v.is_string()) {
    w.fail(v, src, "type-mismatch", std::string(tf) + " is a string holding JSON");
    return std::nullopt;
  }
  Diagnostics inner;
  std::optional<io::Node> parsed = io::load_json(v.text(), std::string(tf), w.ctx.limits, inner);
  if (!parsed) {
    std::string why = "it does not parse";
    for (const Diagnostic& d : inner.all()) {
      why = d.message + " (line " + std::to_string(d.location.line) + ", column " + std::to_string(d.location.column) +
            " of the embedded text)";
      break;
    }
    w.fail(v, src, "terraform-embedded-json", std::string(tf) + " is a string that must hold JSON: " + why);
    return std::nullopt;
  }
  at_position(*parsed, v);
  return parsed;
}

std::optional<io::Node> block_object(Walker& w, const io::Node& item, const io::Node* unknown, const std::string& src,
                                     const std::string& path, const Field& f, const std::string& api) {
  if (!item.is_object()) {
    w.fail(item, src, "type-mismatch", "a " + std::string(f.tf) + " block is an object");
    return std::nullopt;
  }
  io::Node out = io::Node::object();
  out.set_position(item.line(), item.column());
  translate_object(w, item, unknown, src, path, *f.sub, out, api);
  return out;
}

const io::Node* item_of(const io::Node* unknown, std::size_t i) {
  return unknown != nullptr && unknown->is_array() && i < unknown->size() ? &unknown->items()[i] : nullptr;
}

/// kBlock (at most one item, written as an object) and kBlocks (an array of objects).
void put_blocks(Walker& w, io::Node& into, const std::string& api, const io::Node& v, const io::Node* unknown,
                const std::string& src, const std::string& path, const Field& f) {
  if (!v.is_array()) return w.fail(v, src, "type-mismatch", std::string(f.tf) + " is a list of blocks");
  const bool one = f.as == As::kBlock;
  if (one && v.size() > 1) {
    return w.fail(v, src, "invalid-value", std::string(f.tf) + " takes one block, not " + std::to_string(v.size()));
  }
  if (one && f.api.empty()) {  // the block's attributes are members of the parent (a target group's health_check)
    if (v.size() == 1 && v.items()[0].is_object()) {
      translate_object(w, v.items()[0], item_of(unknown, 0), src + "/0", path + ".0", *f.sub, into, api);
    } else if (v.size() == 1) {
      w.fail(v.items()[0], src + "/0", "type-mismatch", "a " + std::string(f.tf) + " block is an object");
    }
    return;
  }
  const std::string base = api + "/" + std::string(f.api);
  io::Node out = io::Node::array();
  out.set_position(v.line(), v.column());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string item_src = src + "/" + std::to_string(i);
    const std::string item_api = one ? base : base + "/" + std::to_string(out.size());
    std::optional<io::Node> o = block_object(w, v.items()[i], item_of(unknown, i), item_src, path + "." + std::to_string(i), f, item_api);
    if (!o) continue;
    if (one && o->size() == 0) return;  // a block whose attributes are all unset (authorization_config {"iam": ""})
    if (one) return put(into, api, f.api, std::move(*o), item_src, w.t);
    out.push(std::move(*o));
  }
  put(into, api, f.api, std::move(out), src, w.t);
}

/// A value known only after apply: a string takes what the resolver links it to, else a placeholder.
void put_unknown(Walker& w, io::Node& into, const std::string& api, const std::string& src, const std::string& path,
                 const Field& f, const io::Node& at) {
  if (f.as == As::kTextList) {  // subnets: required where the service is written back
    io::Node item = io::Node::string(placeholder(w.r.address, path));
    item.set_position(at.line(), at.column());
    io::Node list = io::Node::array();
    list.set_position(at.line(), at.column());
    list.push(std::move(item));
    put(into, api, f.api, std::move(list), src, w.t);
    w.t.placeholders.push_back(path);
    return;
  }
  if (f.as != As::kText) return;  // left out: the conversion does not need it
  std::string why;
  std::optional<std::string> linked = w.ctx.resolve ? w.ctx.resolve(path, why) : std::nullopt;
  io::Node n = io::Node::string(linked ? *linked : placeholder(w.r.address, path));
  n.set_position(at.line(), at.column());
  put(into, api, f.api, std::move(n), src, w.t);
  w.t.placeholders.push_back(path + (why.empty() ? "" : " (" + why + ")"));
}

void translate_field(Walker& w, const io::Node& v, const io::Node* unknown, const std::string& src, const std::string& path,
                     const Field& f, io::Node& into, const std::string& api) {
  switch (f.as) {
    case As::kIgnore: return;
    case As::kText:
      if (!v.is_string()) return w.fail(v, src, "type-mismatch", std::string(f.tf) + " is a string");
      [[fallthrough]];
    case As::kValue:
    case As::kTextList: return put(into, api, f.api, v, src, w.t);
    case As::kBlock:
    case As::kBlocks: return put_blocks(w, into, api, v, unknown, src, path, f);
    case As::kTags:
    case As::kPairs:
      if (auto list = pairs(w, v, src, f.as == As::kTags ? "key" : "name")) put(into, api, f.api, std::move(*list), src, w.t);
      return;
    case As::kEnabled: {
      if (!v.is_bool()) return w.fail(v, src, "type-mismatch", std::string(f.tf) + " is true or false");
      io::Node n = io::Node::string(v.as_bool() ? "ENABLED" : "DISABLED");
      n.set_position(v.line(), v.column());
      return put(into, api, f.api, std::move(n), src, w.t);
    }
    case As::kNumberText: {
      if (!v.is_int()) return w.fail(v, src, "type-mismatch", std::string(f.tf) + " is a whole number");
      io::Node n = io::Node::string(std::to_string(v.as_int()));
      n.set_position(v.line(), v.column());
      return put(into, api, f.api, std::move(n), src, w.t);
    }
    case As::kJson:
      if (auto parsed = embedded_json(w, v, src, f.tf)) put(into, api, f.api, std::move(*parsed), src, w.t);
      return;
  }
}

void translate_object(Walker& w, const io::Node& obj, const io::Node* unknown, const std::string& src,
                      const std::string& path, const Fields& fields, io::Node& into, const std::string& api) {
  for (const Field& f : fields) {
    const io::Node* v = obj.find(f.tf);
    const io::Node* mark = unknown != nullptr && unknown->is_object() ? unknown->find(f.tf) : nullptr;
    const std::string fsrc = src + "/" + io::escape_pointer_token(f.tf);
    const std::string fpath = path.empty() ? std::string(f.tf) : path + "." + std::string(f.tf);
    if ((v == nullptr || v->is_null()) && mark != nullptr && mark->is_bool() && mark->as_bool()) {
      if (f.as != As::kIgnore) put_unknown(w, into, api, fsrc, fpath, f, v != nullptr ? *v : obj);
      continue;
    }
    if (v == nullptr || unset_value(*v) || (!f.unset.empty() && v->is_scalar() && scalar_text(*v) == f.unset)) continue;
    translate_field(w, *v, mark, fsrc, fpath, f, into, api);
  }
  for (const auto& member : obj.members()) {
    const std::string& key = member.first;
    const io::Node& value = member.second;
    const bool named = std::any_of(fields.begin(), fields.end(), [&key](const Field& f) { return f.tf == key; });
    if (!named && !unset_value(value)) {
      w.t.unread.push_back({path.empty() ? key : path + "." + key, src + "/" + io::escape_pointer_token(key), &value});
    }
  }
}

}  // namespace

bool unset_value(const io::Node& n) {
  return n.is_null() || (n.is_string() && n.text().empty()) || ((n.is_array() || n.is_object()) && n.size() == 0);
}

std::string placeholder(const std::string& address, const std::string& path) { return "REPLACE_ME_" + address + "." + path; }

Translation translate(const TfResource& r, const Fields& fields, const std::string& api_root, const TranslateContext& ctx) {
  Translation t;
  t.doc.set_position(r.values->line(), r.values->column());
  t.pointers.emplace_back(api_root, r.pointer);
  Walker w{r, ctx, t};
  translate_object(w, *r.values, r.unknown, r.pointer, "", fields, t.doc, api_root);
  return t;
}

std::string source_pointer(const Translation& t, const std::string& p) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& m : t.pointers) {
    const bool prefix = p.compare(0, m.first.size(), m.first) == 0 && (p.size() == m.first.size() || p[m.first.size()] == '/');
    if (prefix && (best == nullptr || m.first.size() > best->first.size())) best = &m;
  }
  return best != nullptr ? best->second + p.substr(best->first.size()) : p;
}

void report_translated(const Diagnostics& diags, const Translation& t, Diagnostics& out) {
  for (Diagnostic d : diags.all()) {
    d.location.pointer = source_pointer(t, d.location.pointer);
    out.report(std::move(d));
  }
}

}  // namespace specconv::iac
