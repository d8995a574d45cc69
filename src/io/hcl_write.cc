// HCL text (see hcl_write.h). The layout follows `terraform fmt` (hclwrite's format): every
// bracket opened on a line and not closed there indents the lines up to its closing line by one
// level, and the `=` of a run of consecutive one-line attributes (or object members) is aligned one
// space after the longest name of the run; a line that opens a bracket ends the run.
#include "io/hcl_write.h"

#include <cctype>
#include <cstdio>
#include <regex>
#include <string>

#include "io/json_write.h"

namespace specconv::io {
namespace {

void indent(std::string& out, int level) { out.append(static_cast<std::size_t>(2 * level), ' '); }

/// Display width as terraform fmt counts it: UTF-8 code points.
std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

/// For each entry, the width its name is padded to: the longest name of its run of consecutive
/// one-line entries (0 for entries that are not one-line).
std::vector<std::size_t> alignment(const std::vector<std::pair<std::string_view, bool>>& entries) {
  std::vector<std::size_t> width(entries.size(), 0);
  std::size_t start = 0;
  while (start < entries.size()) {
    if (!entries[start].second) {
      ++start;
      continue;
    }
    std::size_t end = start;
    std::size_t longest = 0;
    for (; end < entries.size() && entries[end].second; ++end) longest = std::max(longest, columns(entries[end].first));
    for (std::size_t i = start; i < end; ++i) width[i] = longest;
    start = end;
  }
  return width;
}

/// `name = value`, the `=` after `width` columns of name (one-line values) or one space.
void write_assignment(std::string& out, int level, std::string_view name, std::size_t width, const HclExpr& value) {
  indent(out, level);
  out += name;
  const std::size_t pad = width > columns(name) ? width - columns(name) : 0;
  out.append(pad + 1, ' ');
  out += "= ";
  value.write(out, level);
  out += '\n';
}

/// [A-Za-z_] then [A-Za-z0-9_] (and `-` when `dash`).
bool plain_name(std::string_view name, bool dash) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front())) != 0 || name.front() == '-') return false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_' && !(dash && c == '-')) return false;
  }
  return true;
}

bool bare_key(std::string_view key) {
  if (!plain_name(key, /*dash=*/false)) return false;
  // Keywords that would start another construct (or a literal) at the key position.
  return key != "for" && key != "in" && key != "if" && key != "true" && key != "false" && key != "null";
}

std::string number_text(const Node& node) {
  static const std::regex kNumber("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  if (!node.text().empty() && std::regex_match(node.text(), kNumber)) return node.text();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", node.as_float());
  return buf;
}

}  // namespace

HclExpr HclExpr::raw(std::string text) {
  HclExpr e(Kind::kRaw);
  e.text_ = std::move(text);
  return e;
}

HclExpr HclExpr::string(std::string_view value) { return raw(hcl_quote(value)); }
HclExpr HclExpr::number(int64_t value) { return raw(std::to_string(value)); }
HclExpr HclExpr::boolean(bool value) { return raw(value ? "true" : "false"); }
HclExpr HclExpr::null() { return raw("null"); }

HclExpr HclExpr::list(std::vector<HclExpr> items) {
  HclExpr e(Kind::kList);
  e.items_ = std::move(items);
  return e;
}

HclExpr HclExpr::strings(const std::vector<std::string>& values) {
  std::vector<HclExpr> items;
  items.reserve(values.size());
  for (const auto& v : values) items.push_back(string(v));
  return list(std::move(items));
}

HclExpr HclExpr::object(std::vector<Member> members) {
  HclExpr e(Kind::kObject);
  e.members_ = std::move(members);
  return e;
}

HclExpr HclExpr::call(std::string function, HclExpr argument) {
  HclExpr e(Kind::kCall);
  e.text_ = std::move(function);
  e.items_.push_back(std::move(argument));
  return e;
}

HclExpr HclExpr::from_node(const Node& node) {
  switch (node.kind()) {
    case Node::Kind::kNull: return null();
    case Node::Kind::kBool: return boolean(node.as_bool());
    case Node::Kind::kInt: return number(node.as_int());
    case Node::Kind::kFloat: return raw(number_text(node));
    case Node::Kind::kString: return string(node.text());
    case Node::Kind::kArray: {
      std::vector<HclExpr> items;
      for (const Node& item : node.items()) items.push_back(from_node(item));
      return list(std::move(items));
    }
    case Node::Kind::kObject: {
      std::vector<Member> members;
      for (const auto& [key, value] : node.members()) members.emplace_back(key, from_node(value));
      return object(std::move(members));
    }
  }
  return null();
}

HclExpr* HclExpr::find(std::string_view key) {
  for (auto& [k, v] : members_) {
    if (k == key) return &v;
  }
  return nullptr;
}

HclExpr& HclExpr::set(std::string key, HclExpr value) {
  if (HclExpr* existing = find(key)) return *existing = std::move(value);
  members_.emplace_back(std::move(key), std::move(value));
  return members_.back().second;
}

bool HclExpr::one_line() const {
  switch (kind_) {
    case Kind::kRaw: return true;
    case Kind::kObject: return members_.empty();
    case Kind::kCall: return items_.front().one_line();
    case Kind::kList:
      for (const HclExpr& item : items_) {
        if (item.kind_ != Kind::kRaw) return false;
      }
      return true;
  }
  return true;
}

void HclExpr::write(std::string& out, int level) const {
  switch (kind_) {
    case Kind::kRaw: out += text_; return;
    case Kind::kCall:
      out += text_ + "(";
      items_.front().write(out, level);
      out += ")";
      return;
    case Kind::kList: {
      if (one_line()) {
        out += '[';
        for (std::size_t i = 0; i < items_.size(); ++i) {
          if (i > 0) out += ", ";
          items_[i].write(out, level);
        }
        out += ']';
        return;
      }
      out += "[\n";
      for (const HclExpr& item : items_) {
        indent(out, level + 1);
        item.write(out, level + 1);
        out += ",\n";
      }
      indent(out, level);
      out += ']';
      return;
    }
    case Kind::kObject: {
      if (members_.empty()) {
        out += "{}";
        return;
      }
      std::vector<std::string> keys;
      std::vector<std::pair<std::string_view, bool>> entries;
      for (const auto& [k, v] : members_) keys.push_back(bare_key(k) ? k : hcl_quote(k));
      for (std::size_t i = 0; i < members_.size(); ++i) entries.emplace_back(keys[i], members_[i].second.one_line());
      const std::vector<std::size_t> width = alignment(entries);
      out += "{\n";
      for (std::size_t i = 0; i < members_.size(); ++i) write_assignment(out, level + 1, keys[i], width[i], members_[i].second);
      indent(out, level);
      out += '}';
      return;
    }
  }
}

HclBody::HclBody(const HclBody& other) { *this = other; }

HclBody& HclBody::operator=(const HclBody& other) {
  if (this == &other) return *this;
  items_.clear();
  for (const Item& i : other.items_) {
    items_.push_back({i.name, i.labels, i.value, i.body ? std::make_unique<HclBody>(*i.body) : nullptr});
  }
  return *this;
}

void HclBody::attribute(std::string name, HclExpr value) {
  Item item;
  item.name = std::move(name);
  item.value.push_back(std::move(value));
  items_.push_back(std::move(item));
}

HclBody& HclBody::block(std::string type, std::vector<std::string> labels) {
  Item item;
  item.name = std::move(type);
  item.labels = std::move(labels);
  item.body = std::make_unique<HclBody>();
  items_.push_back(std::move(item));
  return *items_.back().body;
}

void HclBody::write(std::string& out, int level, bool blank_between_blocks) const {
  std::vector<std::pair<std::string_view, bool>> entries;
  for (const Item& i : items_) entries.emplace_back(i.name, !i.body && i.value.front().one_line());
  const std::vector<std::size_t> width = alignment(entries);
  for (std::size_t n = 0; n < items_.size(); ++n) {
    const Item& i = items_[n];
    if (blank_between_blocks && n > 0 && (i.body || items_[n - 1].body)) out += '\n';
    if (!i.body) {
      write_assignment(out, level, i.name, width[n], i.value.front());
      continue;
    }
    indent(out, level);
    out += i.name;
    for (const auto& label : i.labels) out += " " + hcl_quote(label);
    out += " {\n";
    i.body->write(out, level + 1);
    indent(out, level);
    out += "}\n";
  }
}

std::string write_hcl(const HclBody& file) {
  std::string out;
  file.write(out, 0, /*blank_between_blocks=*/true);
  return out;
}

std::string hcl_quote(std::string_view value) {
  // JSON's escapes are HCL's but for \b and \f (HCL has \uNNNN for them); a `$` or `%` starting a
  // template sequence is doubled so that the string is a literal.
  const std::string json = json_quote(std::string(value));
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '\\' && i + 1 < json.size()) {
      const char e = json[++i];
      out += e == 'b' ? "\\u0008" : e == 'f' ? "\\u000c" : std::string{'\\', e};
      continue;
    }
    if ((c == '$' || c == '%') && i + 1 < json.size() && json[i + 1] == '{') out += c;  // `${` -> `$${`, `%{` -> `%%{`
    out += c;
  }
  return out;
}

bool is_hcl_identifier(std::string_view name) { return plain_name(name, /*dash=*/true); }

std::string snake_case(std::string_view key) {
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (std::isupper(c) != 0 && i > 0) {
      const auto prev = static_cast<unsigned char>(key[i - 1]);
      const bool next_lower = i + 1 < key.size() && std::islower(static_cast<unsigned char>(key[i + 1])) != 0;
      // A word starts at an uppercase letter after a lowercase letter or a digit ("fooBar"), or at
      // the last capital of an acronym followed by lowercase ("ECSManaged" -> "ecs_managed").
      if (std::islower(prev) != 0 || std::isdigit(prev) != 0 || (std::isupper(prev) != 0 && next_lower)) out += '_';
    }
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

std::string hcl_identifier(std::string_view name) {
  std::string out;
  for (char c : snake_case(name)) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (keep) out += c;
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front())) != 0) out.insert(out.begin(), '_');
  return out;
}

}  // namespace specconv::io
